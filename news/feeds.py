"""RSS 2.0 and Atom feeds of published commendations: all of them, and per emulation theme."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from campaign.models import Campaign, Theme
from news.models import Commendation

FEED_SIZE = 30


class CommendationFeed(Feed):
    """Every text here is plain text, and feed readers render what a feed marks as HTML: an
    item's description (RSS) or summary (Atom, `type="html"`), and in RSS the titles and the
    channel's description too. Those get the text escaped, so that markup in a summary or a title
    (a nomination's achievements become the summary) is shown, never run. Atom's titles and
    subtitle are text elements and carry the text as it is."""

    feed_type = Rss201rev2Feed
    url_name = "news:feed-rss"

    def as_feed_text(self, text: str) -> str:
        """Plain text as this format's titles and channel description take it."""
        return text if issubclass(self.feed_type, Atom1Feed) else escape(text)

    def title(self) -> str:
        return self.as_feed_text(_("Commendations of exemplary staff – Emulation portal"))

    def link(self) -> str:
        return reverse("news:list")

    def description(self) -> str:
        return self.as_feed_text(
            _("Exemplary people and collectives commended in the emulation movements.")
        )

    def feed_url(self) -> str:
        return reverse(self.url_name)

    def items(self):
        return Commendation.objects.published().with_related().newest_first()[:FEED_SIZE]

    def item_title(self, item: Commendation) -> str:
        return self.as_feed_text(item.title)

    def item_description(self, item: Commendation) -> str:
        return escape(item.summary)  # HTML in both formats

    def item_pubdate(self, item: Commendation):
        return item.publish_at

    def item_updateddate(self, item: Commendation):
        return item.updated_at

    def item_categories(self, item: Commendation) -> list[str]:
        return [str(item.form)] + ([item.theme.title] if item.theme_id else [])


class CommendationAtomFeed(CommendationFeed):
    feed_type = Atom1Feed
    url_name = "news:feed-atom"

    def subtitle(self) -> str:
        return self.description()


class ThemeCommendationFeed(CommendationFeed):
    def get_object(self, request, slug: str, number: int) -> Theme:
        return get_object_or_404(
            Theme.objects.select_related("campaign").filter(campaign__in=Campaign.objects.public()),
            campaign__slug=slug,
            number=number,
        )

    def title(self, obj: Theme) -> str:
        return self.as_feed_text(
            _("Commendations – Theme %(number)s: %(title)s")
            % {"number": obj.number, "title": obj.title}
        )

    def link(self, obj: Theme) -> str:
        return obj.get_absolute_url()

    def description(self, obj: Theme) -> str:
        return self.as_feed_text(
            _("Commendations under the theme “%(title)s” of %(campaign)s.")
            % {"title": obj.title, "campaign": obj.campaign.title}
        )

    def feed_url(self, obj: Theme) -> str:
        return reverse(self.url_name, kwargs={"slug": obj.campaign.slug, "number": obj.number})

    def items(self, obj: Theme):
        return (
            Commendation.objects.published()
            .filter(theme=obj)
            .with_related()
            .newest_first()[:FEED_SIZE]
        )


class ThemeRssFeed(ThemeCommendationFeed):
    url_name = "news:theme-feed-rss"


class ThemeAtomFeed(ThemeCommendationFeed):
    feed_type = Atom1Feed
    url_name = "news:theme-feed-atom"

    def subtitle(self, obj: Theme) -> str:
        return self.description(obj)
