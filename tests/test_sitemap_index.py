"""sitemap.xml is an index of one file per section (portal/sitemaps.py), each in pages of
PublicSitemap.limit addresses (kit/public.py); a page costs the same whatever the section's size.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from django.urls import reverse

from kit.public import PublicSitemap
from portal.sitemaps import SITEMAPS
from tests.factories import make_campaign, make_pledge, make_unit
from tests.sitemap import NS, sitemap_entries, sitemap_files, sitemap_urls
from units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    return [make_unit() for _ in range(5)]


def units_file(page: int | str | None = None) -> str:
    url = reverse("sitemap-section", args=["units"])
    return url if page is None else f"{url}?p={page}"


def test_the_index_lists_one_file_per_section_in_their_order(client, units):
    files = sitemap_files(client)
    assert files == [f"http://testserver/sitemap-{section}.xml" for section in SITEMAPS]


@pytest.mark.parametrize("limit", [4, 3])
def test_a_section_in_pages_lists_each_address_once_with_its_alternates(
    client, units, monkeypatch, limit
):
    whole = sitemap_urls(client)
    monkeypatch.setattr(PublicSitemap, "limit", limit)
    active = Unit.objects.active().count()
    pages = -(-active * 2 // limit)
    assert pages > 2
    files = sitemap_files(client)
    assert [f for f in files if "sitemap-units" in f] == [
        f"http://testserver{units_file(p if p > 1 else None)}" for p in range(1, pages + 1)
    ]
    # The same addresses as in one file each, each once, each with both languages and x-default
    # (a page may end between an item's two languages).
    entries = sitemap_entries(client)
    assert Counter(e.findtext("s:loc", namespaces=NS) for e in entries) == Counter(whole)
    for entry in entries:
        links = entry.findall("x:link", NS)
        assert sorted(link.get("hreflang") for link in links) == ["en", "vi", "x-default"]
        own = entry.findtext("s:loc", namespaces=NS)
        assert own in {link.get("href") for link in links}


@pytest.mark.parametrize("page", ["0", "4", "abc", "1.5", "nan", "99999999999999999999"])
def test_a_page_that_does_not_exist_is_not_found(client, units, monkeypatch, page):
    monkeypatch.setattr(PublicSitemap, "limit", 4)
    assert client.get(units_file(3)).status_code == 200
    assert client.get(units_file(page)).status_code == 404


def test_an_unknown_section_is_not_found(client, db):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/en/sitemap-units.xml").status_code == 404


def test_the_index_dates_the_sections_that_date_their_items(client, units):
    campaign = make_campaign()
    pledges = [make_pledge(status="accepted", campaign=campaign, unit=u) for u in units[:2]]
    make_pledge(status="draft", campaign=campaign, unit=units[2])
    root = ET.fromstring(client.get(reverse("sitemap")).content)  # noqa: S314
    dates = {
        item.findtext("s:loc", namespaces=NS): item.findtext("s:lastmod", namespaces=NS)
        for item in root.iterfind("s:sitemap", NS)
    }
    latest = max(p.updated_at for p in pledges)
    assert dt.datetime.fromisoformat(dates["http://testserver/sitemap-pledges.xml"]) == latest
    assert dates["http://testserver/sitemap-units.xml"] is None


def test_a_page_of_a_section_runs_the_same_queries_whatever_its_size(
    client, units, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(PublicSitemap, "limit", 4)
    # the count, the page's items
    for page in (1, 2):
        with django_assert_num_queries(2):
            client.get(units_file(page))
    make_campaign()  # more sections' items, the same count for the index
    for _ in range(10):
        make_unit()
    with django_assert_num_queries(2):
        assert client.get(units_file(5)).status_code == 200
