"""What the public sees of news: published commendations, the honour boards and the feeds
(kit/public.py)."""

from django.db.models import Min
from django.utils import timezone

from kit.public import NEWS, STRUCTURE
from news.models import Commendation
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


def next_publication() -> float:
    """When the next scheduled commendation becomes public (POSIX time), or 0 if none is."""
    moment = Commendation.objects.filter(
        status=Commendation.Status.PUBLISHED, publish_at__gt=timezone.now()
    ).aggregate(first=Min("publish_at"))["first"]
    return moment.timestamp() if moment else 0


# Scheduled commendations appear when their time comes, with no write.
NEXT_CHANGE = {NEWS: next_publication}
