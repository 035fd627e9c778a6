"""sitemap.xml: every public page, in Vietnamese and English, with hreflang alternates.

The index pages first, then each app's sections as it declares them in its `public.py`
(kit/public.py, SITEMAPS), in the order of INSTALLED_APPS.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from kit.public import PublicSitemap, registry


class PageSitemap(PublicSitemap):
    """Index pages that are not objects."""

    changefreq = "daily"
    priority = 0.8

    def items(self) -> list[str]:
        return ["home", "campaign:list", "units:list", "news:list"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS: dict[str, type[Sitemap]] = {"pages": PageSitemap, **registry().sitemaps}
