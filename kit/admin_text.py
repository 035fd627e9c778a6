"""Text that Django's admin and its packages write in English whatever the language, which no
catalogue can reach because it never passes through gettext: put in the reader's language here.

- The admin's yes/no icons carry Python's True/False as their text, read aloud by screen readers.
- django-axes names its records in English ("Access Log for office @ 2022-…", with the time in
  UTC), and the admin shows that name in titles, breadcrumbs and the history.
- django-simple-history lists a change's old and new values as Python prints them ("None",
  2022-03-25 01:00:00+00:00, "submitted"), not as the admin shows the field, and a missing
  change reason as "None".
"""

from __future__ import annotations

from django.contrib.admin.templatetags import admin_list
from django.contrib.admin.utils import display_for_field, display_for_value
from django.templatetags.static import static
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.template_utils import HistoricalRecordContextHelper

_ICON_TEXT = {True: _("Yes"), False: _("No"), None: _("Unknown")}


def _boolean_icon(field_val):
    """Django's own icon (django.contrib.admin.templatetags.admin_list), with a translated alt."""
    icon = {True: "yes", False: "no", None: "unknown"}[field_val]
    return format_html(
        '<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), _ICON_TEXT[field_val]
    )


def translate_boolean_icons() -> None:
    # Every caller (change lists, read-only fields, display_for_field) looks the function up in
    # this module at call time, so replacing it here reaches them all.
    admin_list._boolean_icon = _boolean_icon


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def _access_log_name(self) -> str:
    return gettext("Login of %(username)s at %(time)s") % {
        "username": self.username,
        "time": _when(self.attempt_time),
    }


def _access_attempt_name(self) -> str:
    return gettext("Failed logins of %(username)s, the last at %(time)s") % {
        "username": self.username,
        "time": _when(self.attempt_time),
    }


def _access_failure_name(self) -> str:
    if self.locked_out:
        text = gettext("Failed login of %(username)s at %(time)s, locked out")
    else:
        text = gettext("Failed login of %(username)s at %(time)s")
    return text % {"username": self.username, "time": _when(self.attempt_time)}


def name_axes_records() -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    AccessLog.__str__ = _access_log_name
    AccessAttempt.__str__ = _access_attempt_name
    AccessFailureLog.__str__ = _access_failure_name


class _HistoryValues(HistoricalRecordContextHelper):
    def __init__(self, *args, empty: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty = empty

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        field = self.model._meta.get_field(change.field)
        if field.many_to_many:
            return display_for_value(value, self.empty)
        # The admin's own rendering: choice labels, local dd/mm/yyyy times, yes/no icons.
        return display_for_field(value, field, self.empty, avoid_link=True)


class HistoryValuesMixin:
    """For a SimpleHistoryAdmin: a change's values shown as the admin shows the field."""

    def get_historical_record_context_helper(self, request, historical_record):
        return _HistoryValues(self.model, historical_record, empty=self.get_empty_value_display())

    def render_history_view(self, request, template, context, **kwargs):
        # The list prints each record's change reason as it is, and a template prints a missing
        # one as "None".
        for record in getattr(context.get("page_obj"), "object_list", ()):
            if record.history_change_reason is None:
                record.history_change_reason = ""
        return super().render_history_view(request, template, context, **kwargs)
