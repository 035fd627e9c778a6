"""The feeds are well-formed RSS 2.0 and Atom 1.0 documents with the published items only."""

import datetime as dt
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_commendation

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def items(campaign, theme):
    now = timezone.now()
    other_theme = campaign.themes.get(number=2)
    return {
        "old": make_commendation(
            campaign=campaign, theme=theme, title="Tin cũ", publish_at=now - dt.timedelta(days=3)
        ),
        "new": make_commendation(
            campaign=campaign,
            theme=other_theme,
            title="Tin mới & <quan trọng>",
            publish_at=now - dt.timedelta(hours=1),
        ),
        "draft": make_commendation(campaign=campaign, theme=theme, status="draft"),
        "future": make_commendation(
            campaign=campaign, theme=theme, publish_at=now + dt.timedelta(days=1)
        ),
    }


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own output
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    return channel


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own output
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{required}"), required
    assert root.find(f"{ATOM}link[@rel='self']").get("href").startswith("http://testserver/")
    return root


def test_rss_lists_published_items_newest_first(client, items):
    channel = rss(client, reverse("news:feed-rss"))
    assert channel.findtext("link") == "http://testserver/news/"
    assert channel.findtext("language") == "vi"
    entries = channel.findall("item")
    # RSS readers render titles as HTML: the title's own "&" and "<" arrive escaped.
    assert [e.findtext("title") for e in entries] == ["Tin mới &amp; &lt;quan trọng&gt;", "Tin cũ"]
    first = entries[0]
    assert first.findtext("link") == f"http://testserver{items['new'].get_absolute_url()}"
    assert first.findtext("guid") == first.findtext("link")
    assert first.findtext("description") == items["new"].summary
    published = parsedate_to_datetime(first.findtext("pubDate"))
    assert abs(published - items["new"].publish_at) < dt.timedelta(seconds=1)
    assert "Giấy khen của Giám đốc Sở" in [c.text for c in first.findall("category")]


def test_atom_lists_published_items_with_required_elements(client, items):
    feed = atom(client, reverse("news:feed-atom"))
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Tin mới & <quan trọng>", "Tin cũ"]
    for entry in entries:
        for required in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"{ATOM}{required}"), required
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/news/")


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_theme_feeds_hold_only_that_theme(client, items, campaign, theme, kind):
    url = reverse(f"news:theme-feed-{kind}", args=[campaign.slug, theme.number])
    if kind == "rss":
        titles = [e.findtext("title") for e in rss(client, url).findall("item")]
    else:
        titles = [e.findtext(f"{ATOM}title") for e in atom(client, url).findall(f"{ATOM}entry")]
    assert titles == ["Tin cũ"]


def test_theme_feed_of_a_missing_theme_is_not_found(client, campaign):
    assert client.get(reverse("news:theme-feed-rss", args=[campaign.slug, 9])).status_code == 404


def test_english_feed_speaks_english_and_links_english_pages(client, items):
    channel = rss(client, "/en" + reverse("news:feed-rss"))
    assert channel.findtext("language") == "en"
    assert "Commendations" in channel.findtext("title")
    assert channel.find("item").findtext("link").startswith("http://testserver/en/news/")


def test_pages_advertise_the_feeds(client, items):
    html = client.get(reverse("news:list")).content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/news/feeds/rss/"' in html


# --- markup in plain text --------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)>"


class Markup(HTMLParser):
    """The elements and attributes a feed reader would find rendering a text as HTML."""

    def __init__(self, text: str):
        super().__init__()
        self.tags, self.attributes = [], []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [name for name, _value in attrs]


def assert_shown_not_run(html: str):
    markup = Markup(html)
    assert "script" not in markup.tags and "img" not in markup.tags, html
    assert "onerror" not in markup.attributes, html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.fixture
def hostile(campaign, theme):
    """A commendation whose plain texts hold markup, as a nomination's achievements may."""
    theme.title = f"Chủ đề {HOSTILE}"
    theme.save()
    return make_commendation(
        campaign=campaign, theme=theme, title=f"Gương {HOSTILE}", summary=f"Thành tích {HOSTILE}"
    )


@pytest.mark.parametrize("theme_feed", [False, True], ids=["all", "theme"])
def test_rss_escapes_markup_in_every_text_it_renders_as_html(client, hostile, theme_feed):
    url = (
        reverse("news:theme-feed-rss", args=[hostile.campaign.slug, hostile.theme.number])
        if theme_feed
        else reverse("news:feed-rss")
    )
    channel = rss(client, url)
    item = channel.find("item")
    for html in (item.findtext("title"), item.findtext("description")):
        assert_shown_not_run(html)
    if theme_feed:  # the theme's title is in the channel's title and description
        assert_shown_not_run(channel.findtext("title"))
        assert_shown_not_run(channel.findtext("description"))


@pytest.mark.parametrize("theme_feed", [False, True], ids=["all", "theme"])
def test_atom_escapes_markup_in_the_summary_and_keeps_titles_as_text(client, hostile, theme_feed):
    url = (
        reverse("news:theme-feed-atom", args=[hostile.campaign.slug, hostile.theme.number])
        if theme_feed
        else reverse("news:feed-atom")
    )
    feed = atom(client, url)
    entry = feed.find(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert_shown_not_run(summary.text)
    # A text element: readers show it as it is, markup and all, and run nothing.
    title = entry.find(f"{ATOM}title")
    assert title.get("type", "text") == "text" and title.text == hostile.title
    if theme_feed:
        for element in (feed.find(f"{ATOM}title"), feed.find(f"{ATOM}subtitle")):
            assert element.get("type", "text") == "text" and HOSTILE in element.text
