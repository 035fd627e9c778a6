"""Signals are the only place Django reports logins, lockouts and admin log entries."""

from axes.signals import user_locked_out
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver

from audit.models import Event
from audit.services import audit_record

ADMIN_ACTIONS = {
    ADDITION: Event.Action.ADMIN_ADD,
    CHANGE: Event.Action.ADMIN_CHANGE,
    DELETION: Event.Action.ADMIN_DELETE,
}


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    audit_record(action=Event.Action.LOGIN, actor=user, request=request)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action=Event.Action.LOGOUT, actor=user, request=request)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    audit_record(
        action=Event.Action.LOGIN_FAILED,
        username=str(credentials.get("username", ""))[:150],
        request=request,
    )


@receiver(user_locked_out)
def on_locked_out(sender, request, username, ip_address, **kwargs):
    audit_record(action=Event.Action.LOCKED_OUT, username=str(username or ""), request=request)


@receiver(post_save, sender=LogEntry)
def on_admin_action(sender, instance, created, **kwargs):
    if not created:
        return
    content_type = instance.content_type
    audit_record(
        action=ADMIN_ACTIONS.get(instance.action_flag, Event.Action.ADMIN_CHANGE),
        actor=instance.user,
        detail=instance.get_change_message(),
        target=(
            f"{content_type.app_label}.{content_type.model}" if content_type else "",
            str(instance.object_id or ""),
            instance.object_repr,
        ),
    )
