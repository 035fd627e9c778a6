"""Who is office: the office admins (Văn phòng Sở) who run campaigns in the Django admin and
see the office's pages. Every such check asks `is_office` or `office_required` here.

Each app's data migration grants the group the model permissions it needs there, through
`grant_office_permissions`, so the group always has exactly what the installed apps require.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

# The group's stored name is an identifier, not a label: every install, data migration and
# backup finds the group by it, so it never changes. People see `OFFICE_LABEL` instead, in the
# language of the page (see `group_label`).
OFFICE_GROUP = "Campaign office"
OFFICE_LABEL = _("Office of the Department")


def group_label(group) -> str:
    """A group as the admin shows it: the office's by its name in the glossary."""
    return str(OFFICE_LABEL) if group.name == OFFICE_GROUP else group.name


def is_office(user) -> bool:
    """Office admins (active members of the office group) and superusers; kept on the user
    object so a request asks the database at most once."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_is_office"):
        user._is_office = user.groups.filter(name=OFFICE_GROUP).exists()
    return user._is_office


def office_members():
    """Who receives the office's e-mails: the group's active members (superusers pass
    `is_office` but are not written to as the office)."""
    return get_user_model().objects.filter(groups__name=OFFICE_GROUP, is_active=True)


def office_required(view):
    """A page for the office: anonymous visitors are sent to log in, anyone else signed in gets
    403 (a page for a role, not someone else's object, so not a 404)."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_office(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def grant_office_permissions(apps, perms: dict[str, list[str]]) -> None:
    """Give the office group `perms` ({app_label: [codename, ...]}), creating what is missing.

    Permissions are normally created after migrations finish; a data migration that needs them
    creates them first.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=OFFICE_GROUP)
    for app_label, codenames in perms.items():
        found = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        missing = set(codenames) - set(found.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"permissions not found in {app_label}: {sorted(missing)}")
        group.permissions.add(*found)


def crud(*models: str) -> list[str]:
    return [
        f"{action}_{model}" for model in models for action in ("add", "change", "delete", "view")
    ]
