from __future__ import annotations

from django.urls import reverse

from campaign.models import Campaign
from kit.public import PublicSitemap
from news.models import Commendation


class CommendationSitemap(PublicSitemap):
    changefreq = "monthly"
    priority = 0.7

    lastmod_field = "updated_at"

    def items(self):
        return Commendation.objects.published().only("slug", "updated_at").order_by("pk")


class HonourBoardSitemap(PublicSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Campaign.objects.public().only("slug").order_by("pk")

    def location(self, item: Campaign) -> str:
        return reverse("news:honour-board", kwargs={"slug": item.slug})
