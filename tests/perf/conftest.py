"""Fixtures for the cache tests: a small public world, and the page cache switched on."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.factories import make_commendation, make_pledge, make_report, make_role, make_user
from units.models import Unit


@pytest.fixture
def page_cache(settings):
    """The page and aggregate caches on (the suite runs with them off), starting empty."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def public(fixture_campaign, settings, tmp_path):
    """The Bến Tre campaign with a head's accepted pledge (one report) and a commendation."""
    settings.MEDIA_ROOT = tmp_path / "media"
    unit = Unit.objects.get(slug="van-phong-so")
    head = make_user(username="head_a", first_name="Nguyễn Văn", last_name="An")
    make_role(user=head, unit=unit)
    theme = fixture_campaign.themes.get(number=2)
    pledge = make_pledge(
        campaign=fixture_campaign, unit=unit, theme=theme, status="accepted", title="Bình ổn giá"
    )
    make_report(pledge=pledge, percent=40, by=head)
    commendation = make_commendation(
        campaign=fixture_campaign,
        unit=unit,
        theme=theme,
        title="Biểu dương chị Trần Thị Mai",
        publish_at=timezone.now() - dt.timedelta(days=1),
    )
    return SimpleNamespace(
        campaign=fixture_campaign,
        theme=theme,
        unit=unit,
        head=head,
        pledge=pledge,
        commendation=commendation,
    )
