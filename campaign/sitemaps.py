from __future__ import annotations

from django.urls import reverse

from campaign.models import Campaign, Theme
from kit.public import PublicSitemap


class CampaignSitemap(PublicSitemap):
    changefreq = "weekly"
    priority = 0.9

    def items(self):
        return Campaign.objects.public().only("slug").order_by("pk")


class AnnouncementSitemap(CampaignSitemap):
    """The full text of each campaign's announcement, a page of its own."""

    priority = 0.7

    def location(self, item: Campaign) -> str:
        return reverse("campaign:announcement", kwargs={"slug": item.slug})


class ThemeSitemap(PublicSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return (
            Theme.objects.filter(campaign__in=Campaign.objects.public())
            .select_related("campaign")
            .only("number", "campaign__slug")
            .order_by("pk")
        )
