"""Deployment checks of the portal's own settings (`manage.py check --deploy`)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_portal_url(app_configs, **kwargs):
    """Every link in an e-mail starts with PORTAL_URL: left at its default, they all point to the
    mail reader's own machine."""
    if not settings.PRODUCTION:
        return []
    url = urlsplit(settings.PORTAL_URL)
    if url.hostname in {None, "127.0.0.1", "localhost", "::1"} or url.scheme != "https":
        return [
            Warning(
                f"PORTAL_URL is {settings.PORTAL_URL!r}: links in e-mails would not reach the "
                "portal.",
                hint="Set PORTAL_URL to the portal's public address, e.g. "
                "https://thidua.example.gov.vn",
                id="portal.W002",
            )
        ]
    return []
