from axes import apps as axes_apps
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Emulation campaigns")

    def ready(self):
        # Deployment checks; the public page cache: invalidation on every public write.
        from campaign import admin_text, checks, pagecache, receivers  # noqa: F401

        receivers.connect()
        admin_text.translate_boolean_icons()


class AxesConfig(axes_apps.AppConfig):
    """django-axes names its admin section "Axes", a package name no office admin would know and
    no catalogue can translate (it is not a msgid). Listed in INSTALLED_APPS in place of "axes";
    not the default of this module, which stays CampaignConfig."""

    default = False
    verbose_name = _("Login monitoring")

    def ready(self):
        super().ready()
        from campaign import admin_text

        admin_text.name_axes_records()


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the office's own site (campaign/admin_site.py) as `admin.site`, so
    every app's registrations land on it. Listed in INSTALLED_APPS in place of
    "django.contrib.admin"; not the default of this module."""

    default = False
    default_site = "campaign.admin_site.PortalAdminSite"
