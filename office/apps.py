from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficeConfig(AppConfig):
    """The office's pages that combine apps: inbox, dashboard, reports, exports, reminders."""

    name = "office"
    verbose_name = _("Department office")
