"""sitemap.xml: every public page, in Vietnamese and English, with hreflang alternates.

SITEMAPS is the one registry; each app adds its public objects in its own marked block.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from campaign.models import Campaign, Theme
from news.sitemaps import CommendationSitemap, HonourBoardSitemap
from scoring.sitemaps import LeaderboardSitemap
from units.models import Unit


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PageSitemap(PortalSitemap):
    """Index pages that are not objects."""

    changefreq = "daily"
    priority = 0.8

    def items(self) -> list[str]:
        return ["home", "campaign:list", "units:list", "news:list"]

    def location(self, item: str) -> str:
        return reverse(item)


class CampaignSitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.9

    def items(self):
        return Campaign.objects.public().only("slug").order_by("pk")


class AnnouncementSitemap(CampaignSitemap):
    """The full text of each campaign's announcement, a page of its own."""

    priority = 0.7

    def location(self, item: Campaign) -> str:
        return reverse("campaign:announcement", kwargs={"slug": item.slug})


class ThemeSitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return (
            Theme.objects.filter(campaign__in=Campaign.objects.public())
            .select_related("campaign")
            .only("number", "campaign__slug")
            .order_by("pk")
        )


class UnitSitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Unit.objects.active().only("slug").order_by("pk")


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": PageSitemap,
    "campaigns": CampaignSitemap,
    "announcements": AnnouncementSitemap,
    "themes": ThemeSitemap,
    "units": UnitSitemap,
    # --- news: published commendations and the honour boards -------------------------------
    "commendations": CommendationSitemap,
    "honour-boards": HonourBoardSitemap,
    # --- pledges: the pledges app registers its public (accepted) pledges here --------------
    # "pledges": PledgeSitemap,
    # --- scoring: the leaderboard of each published review round ----------------------------
    "leaderboards": LeaderboardSitemap,
}
