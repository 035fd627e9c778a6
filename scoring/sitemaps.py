from __future__ import annotations

from kit.public import PublicSitemap
from scoring.models import ScoringRound


class LeaderboardSitemap(PublicSitemap):
    """Each published round's leaderboard."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return ScoringRound.objects.published().select_related("campaign").order_by("pk")

    def lastmod(self, item: ScoringRound):
        return item.published_at
