from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Emulation campaigns")

    def ready(self):
        # Public page cache: invalidation on every public write, and its deployment check.
        from campaign import pagecache, receivers  # noqa: F401

        receivers.connect()
