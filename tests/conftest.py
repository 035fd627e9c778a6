import logging

import pytest
from django.core.cache import caches
from django.utils import translation

from tests.isolation import isolated_settings

# django-axes reports every reset at INFO; it drowns the tests' own output.
logging.getLogger("axes").setLevel(logging.WARNING)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    for name, value in isolated_settings(tmp_path).items():
        setattr(settings, name, value)
    # Local memory outlives a test; counters kept there (password reset limits) must not.
    caches["default"].clear()


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
