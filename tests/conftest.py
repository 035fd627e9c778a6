import logging

import pytest
from django.core.cache import caches
from django.utils import translation

# django-axes reports every reset at INFO; it drowns the tests' own output.
logging.getLogger("axes").setLevel(logging.WARNING)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Speed-ups and isolation for tests only; production settings stay untouched."""
    # Uploads of a test go to its own folders, never into var/.
    settings.MEDIA_ROOT = tmp_path / "media"
    private = {**settings.STORAGES["private"], "OPTIONS": {"location": tmp_path / "private"}}
    settings.STORAGES = {**settings.STORAGES, "private": private}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Unit tests render templates without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Local memory outlives a test; counters kept there (password reset limits) must not.
    caches["default"].clear()
    # Query-count tests measure the uncached work: the page and aggregate caches stay off unless
    # a test turns them on (tests/perf/test_page_cache.py).
    settings.PORTAL_PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _vietnamese_first():
    """Each test starts in the default language; a request for /en/ must not leak into the next
    test's reverse() or model field assignment."""
    with translation.override("vi"):
        yield


@pytest.fixture
def fixture_campaign(db):
    """The Bến Tre 2022 campaign exactly as `make run` loads it."""
    from campaign.models import Campaign
    from campaign.seed.loader import load_campaign

    load_campaign()
    return Campaign.objects.get()
