"""django-axes' list of failed logins with its clean-up action working from the admin.

Its own action reads `request.axes_attempt_time`, which only django-axes' handling of a login
request sets, so from the admin it answered 500; its message is an f-string no catalogue can
translate, and its status column has no translatable title. Registered in place of django-axes'
own admin (kit/apps.py, AxesConfig)."""

from __future__ import annotations

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class PortalAccessAttemptAdmin(AccessAttemptAdmin):
    actions = ["cleanup_expired_attempts"]

    @admin.display(description=_("Status"))
    def status(self, obj: AccessAttempt) -> str:
        left = settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        if left > 0:
            return ngettext("%(count)d attempt left", "%(count)d attempts left", left) % {
                "count": left
            }
        return _("Locked out")

    @admin.action(description=_("Clean up expired attempts"))
    def cleanup_expired_attempts(self, request, queryset):
        # No login is being attempted: django-axes then counts the cool-off back from now.
        request.axes_attempt_time = None
        count = self.handler.clean_expired_user_attempts(request=request)
        self.message_user(
            request,
            ngettext(
                "Cleaned up %(count)d expired access attempt.",
                "Cleaned up %(count)d expired access attempts.",
                count,
            )
            % {"count": count},
        )


def register() -> None:
    if admin.site.is_registered(AccessAttempt):
        admin.site.unregister(AccessAttempt)
    admin.site.register(AccessAttempt, PortalAccessAttemptAdmin)
