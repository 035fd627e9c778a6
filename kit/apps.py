"""The shared kit: helpers every app uses and that know no app (kit/ imports no app)."""

from axes import apps as axes_apps
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class KitConfig(AppConfig):
    name = "kit"
    verbose_name = _("Shared kit")

    def ready(self):
        # Deployment checks (the page cache's too), and the admin's yes/no icons read out in
        # the page's language.
        from kit import admin_text, checks, pagecache, receivers  # noqa: F401

        admin_text.translate_boolean_icons()
        # Every installed app's public models (their `public.py`, read now that all models are
        # loaded) move the page cache's counters on when written to.
        receivers.connect()


class AxesConfig(axes_apps.AppConfig):
    """django-axes names its admin section "Axes", a package name no office admin would know and
    no catalogue can translate (it is not a msgid). Listed in INSTALLED_APPS in place of "axes";
    not the default of this module, which stays KitConfig."""

    default = False
    verbose_name = _("Login monitoring")

    def ready(self):
        super().ready()
        from kit import admin_text, axes_admin

        admin_text.name_axes_records()
        axes_admin.register()


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the office's own site (kit/admin_site.py) as `admin.site`, so every
    app's registrations land on it. Listed in INSTALLED_APPS in place of
    "django.contrib.admin"; not the default of this module."""

    default = False
    default_site = "kit.admin_site.PortalAdminSite"
