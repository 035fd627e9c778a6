from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from scoring.models import ScoringRound


class LeaderboardSitemap(Sitemap):
    """Each published round's leaderboard."""

    changefreq = "monthly"
    priority = 0.5
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ScoringRound.objects.published().select_related("campaign").order_by("pk")

    def lastmod(self, item: ScoringRound):
        return item.published_at
