from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The site as a whole: public pages that combine apps (home, campaign, theme and unit
    pages), open data, the sitemap, accounts and backups."""

    name = "portal"
    verbose_name = _("Portal")
