from __future__ import annotations

from kit.public import PublicSitemap
from scoring.models import ScoringRound


class LeaderboardSitemap(PublicSitemap):
    """Each published round's leaderboard."""

    changefreq = "monthly"
    priority = 0.5

    lastmod_field = "published_at"

    def items(self):
        return ScoringRound.objects.published().select_related("campaign").order_by("pk")
