import logging

import pytest
from django.core.cache import caches
from django.test.utils import override_settings
from django.utils import translation

from tests.isolation import TEST_CACHES, isolated_settings, records_for_the_module

# django-axes reports every reset at INFO; it drowns the tests' own output.
logging.getLogger("axes").setLevel(logging.WARNING)


def pytest_configure(config):
    """The settings are loaded before any conftest: from here on, and before the test database
    is built (its data migrations move the public counters on), the suite's cache is the
    process's own memory, never the default file cache in the checkout's var/cache."""
    override_settings(CACHES=TEST_CACHES).enable()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """pytest-django runs the database tests first, then the transactional ones (the browser
    tests), which flush the database, data migrations' records included (the office group and
    its permissions). pytest's own grouping of the browser's session-wide parameter runs after
    that sort and can pull tests that need those records behind a flush: sort again, last."""
    from pytest_django.plugin import pytest_collection_modifyitems as database_tests_first

    database_tests_first(items)


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


@pytest.fixture(scope="module")
def _demo_portal_records(django_db_setup, django_db_blocker, tmp_path_factory):
    from tests.demo_portal import build_demo_portal

    folder = tmp_path_factory.mktemp("demo-portal")
    with records_for_the_module(django_db_blocker, folder):
        yield build_demo_portal(), folder


@pytest.fixture
def demo_portal(_demo_portal_records, _test_settings, db, settings):
    """The demo install with one object of each kind (tests/demo_portal.py), built once per
    module (loading the campaign and the demo accounts is the slow part); what a test writes is
    rolled back after it. Its uploads stay in the module's folder, not the test's empty one."""
    records, folder = _demo_portal_records
    for name, value in isolated_settings(folder).items():
        setattr(settings, name, value)
    return records


@pytest.fixture
def fixture_campaign(db):
    """The Bến Tre 2022 campaign exactly as `make run` loads it."""
    from campaign.models import Campaign
    from campaign.seed.loader import load_campaign

    load_campaign()
    return Campaign.objects.get()
