from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Emulation campaigns")

    def ready(self):
        # Deployment checks; the public page cache: invalidation on every public write.
        from campaign import checks, pagecache, receivers  # noqa: F401

        receivers.connect()
