"""What the public sees of scoring (kit/public.py)."""

from kit.public import STRUCTURE
from scoring.sitemaps import LeaderboardSitemap

# Leaderboards are not kept in the page cache, but the sitemap lists the published rounds.
MODELS = {"scoring.ScoringRound": STRUCTURE}
SITEMAPS = {"leaderboards": LeaderboardSitemap}
