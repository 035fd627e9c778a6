from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from campaign.models import Campaign
from news.models import Commendation


class CommendationSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Commendation.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item: Commendation):
        return item.updated_at


class HonourBoardSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Campaign.objects.public().only("slug").order_by("pk")

    def location(self, item: Campaign) -> str:
        return reverse("news:honour-board", kwargs={"slug": item.slug})
