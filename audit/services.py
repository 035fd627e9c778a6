from __future__ import annotations

from django.db import models

from audit.context import current_request
from audit.models import Event


def _client(request) -> tuple[str | None, str]:
    if request is None:
        return None, ""
    from axes.helpers import get_client_ip_address  # the address login throttling uses

    return get_client_ip_address(request) or None, request.headers.get("user-agent", "")[:300]


def audit_record(
    *,
    action: str,
    actor=None,
    obj: models.Model | None = None,
    detail: str = "",
    username: str = "",
    request=None,
    target: tuple[str, str, str] | None = None,
) -> Event:
    """Add one audit row about `obj` (or `target`: type label, id, description).

    The request, for the client's address, defaults to the one being served.
    """
    request = request or current_request()
    ip_address, user_agent = _client(request)
    if actor is not None and not actor.is_authenticated:
        actor = None
    if obj is not None:
        target = (obj._meta.label_lower, str(obj.pk), str(obj))
    object_type, object_id, object_repr = target or ("", "", "")
    return Event.objects.create(
        action=action,
        actor=actor,
        username=(username or (actor.get_username() if actor else ""))[:150],
        object_type=object_type,
        object_id=object_id[:64],
        object_repr=object_repr[:300],
        detail=detail,
        ip_address=ip_address,
        user_agent=user_agent,
    )
