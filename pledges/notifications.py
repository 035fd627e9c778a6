"""The e-mails of the pledge workflow, written in the portal's default language and queued in
the outbox with the change they report (sent after it commits, retried if the server fails)."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from outbox.models import Message
from outbox.services import message_queue


def _queue(
    template: str, pledge, *, to: Iterable[str], dedupe_key: str = "", **extra
) -> Message | None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "pledge": pledge,
            "portal_url": settings.PORTAL_URL.rstrip("/"),
            **extra,
        }
        subject = render_to_string(f"pledges/email/{template}_subject.txt", context)
        body = render_to_string(f"pledges/email/{template}.txt", context)
    return message_queue(
        to=to, subject=" ".join(subject.split()), body=body.strip() + "\n", dedupe_key=dedupe_key
    )


def pledge_submitted(pledge, *, to: Iterable[str]) -> Message | None:
    return _queue("submitted", pledge, to=to)


def pledge_accepted(pledge, *, to: Iterable[str]) -> Message | None:
    return _queue("accepted", pledge, to=to)


def pledge_returned(pledge, *, to: Iterable[str]) -> Message | None:
    return _queue("returned", pledge, to=to)


def pledge_stale(pledge, *, to: Iterable[str], days: int, dedupe_key: str) -> Message | None:
    return _queue("stale", pledge, to=to, days=days, dedupe_key=dedupe_key)
