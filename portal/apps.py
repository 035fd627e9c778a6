from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The site as a whole: public pages that combine apps (home, campaign, theme and unit
    pages), open data, the sitemap, the public page cache, accounts and backups."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # The public page cache: its deployment check, and invalidation on every public write.
        from portal import pagecache, receivers  # noqa: F401

        receivers.connect()
