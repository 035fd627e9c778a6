"""sitemap.xml lists exactly the public pages, in both languages; robots.txt points at it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from campaign.models import Campaign
from tests.factories import make_campaign, make_commendation, make_unit
from tests.sitemap import sitemap_text, sitemap_urls

pytestmark = pytest.mark.django_db


def test_sitemap_lists_exactly_the_public_urls(client, campaign, unit):
    draft_campaign = make_campaign(status=Campaign.Status.DRAFT)
    inactive = make_unit(is_active=False)
    theme = campaign.themes.get(number=1)
    public = make_commendation(campaign=campaign, theme=theme, unit=unit)
    make_commendation(campaign=campaign, status="draft")
    make_commendation(campaign=campaign, publish_at=timezone.now() + dt.timedelta(hours=1))
    make_commendation(campaign=draft_campaign, unit=unit)

    paths = ["/", "/campaigns/", "/units/", "/news/"]
    paths += [campaign.get_absolute_url(), reverse("news:honour-board", args=[campaign.slug])]
    paths += [reverse("campaign:announcement", args=[campaign.slug])]
    paths += [t.get_absolute_url() for t in campaign.themes.all()]
    paths += [u.get_absolute_url() for u in (unit, *public.unit.__class__.objects.filter(
        is_active=True).exclude(pk=unit.pk))]  # fmt: skip
    paths += [public.get_absolute_url()]
    expected = {f"http://testserver{prefix}{path}" for prefix in ("", "/en") for path in paths}

    urls = sitemap_urls(client)
    assert len(urls) == len(set(urls))  # nothing twice
    assert set(urls) == expected
    assert not any(draft_campaign.slug in u or inactive.slug in u for u in urls)


def test_sitemap_gives_language_alternates(client, campaign):
    make_commendation(campaign=campaign)
    xml = sitemap_text(client)
    assert 'hreflang="en"' in xml and 'hreflang="vi"' in xml and 'hreflang="x-default"' in xml


def test_robots_points_at_the_sitemap_and_keeps_crawlers_out_of_private_pages(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines and "Disallow: /nominations/" in lines
    assert "Disallow: /" not in lines


def test_intranet_install_keeps_everything_out_of_indexes(client, db, settings):
    settings.PORTAL_REQUIRE_LOGIN = True
    assert "Disallow: /\n" in client.get("/robots.txt").content.decode()
