"""What the public sees of news: published commendations, the honour boards and the feeds
(kit/public.py)."""

from kit.public import NEWS, STRUCTURE
from news.sitemaps import CommendationSitemap, HonourBoardSitemap

MODELS = {
    "news.Commendation": NEWS,
    "news.CommendationForm": NEWS,
}
PAGES = {
    "news:list": (STRUCTURE, NEWS),
    "news:detail": (STRUCTURE, NEWS),
    "news:honour-board": (STRUCTURE, NEWS),
    "news:feed-rss": (STRUCTURE, NEWS),
    "news:feed-atom": (STRUCTURE, NEWS),
    "news:theme-feed-rss": (STRUCTURE, NEWS),
    "news:theme-feed-atom": (STRUCTURE, NEWS),
}
SITEMAPS = {
    "commendations": CommendationSitemap,
    "honour-boards": HonourBoardSitemap,
}
