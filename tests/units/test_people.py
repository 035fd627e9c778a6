"""A person appears on public pages by full name only: never by the user name of a login."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import translate_url
from django.utils import translation

from tests.demo_portal import build_demo_portal
from tests.factories import make_report, make_role, make_user
from tests.isolation import isolated_settings, records_for_the_module
from tests.test_url_permissions import TABLE
from units.templatetags.people import public_name

USERNAME = "kinlogin7"
EMAIL = "kin.login7@example.invalid"


@pytest.fixture(scope="module")
def _nameless_account_records(django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("people")
    with records_for_the_module(django_db_blocker, folder):
        portal = build_demo_portal()
        user = make_user(username=USERNAME, email=EMAIL, first_name="", last_name="")
        make_role(user=user, unit=portal.unit_a)
        pledge = portal.accepted_a
        make_report(pledge=pledge, by=user)
        pledge.created_by = pledge.submitted_by = pledge.reviewed_by = user
        pledge.save()
        portal.published.author = user
        portal.published.save()
        yield portal, folder


@pytest.fixture
def nameless_account_everywhere(_nameless_account_records, _test_settings, db, settings):
    """The demo portal (tests/demo_portal.py), with an account that has no full name on every
    public record a person can appear on: head of a unit, author of a pledge and of its progress
    report, reviewer, author of a commendation. Built once for the module; the tests only read."""
    portal, folder = _nameless_account_records
    for name, value in isolated_settings(folder).items():
        setattr(settings, name, value)
    return portal


def public_paths(portal) -> list[str]:
    """Every page the permission table opens to anonymous visitors and the accepted pledge's
    page, in both languages."""
    paths = [row.path(portal) for row in TABLE.values() if row.get and row.get["anonymous"] == 200]
    paths.append(portal.accepted_a.get_absolute_url())
    return sorted(set(paths) | {translate_url(path, "en") for path in paths})


def test_no_public_page_shows_a_user_name(nameless_account_everywhere):
    portal = nameless_account_everywhere
    paths = public_paths(portal)
    assert "/en" + portal.unit_a.get_absolute_url() in paths
    client = Client()
    shown = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        text = response.getvalue().decode(errors="replace").lower()  # images, feeds, JSON too
        shown[path] = [secret for secret in (USERNAME, EMAIL) if secret in text]
    assert {path: found for path, found in shown.items() if found} == {}


@pytest.mark.parametrize(("prefix", "label"), [("", "Cán bộ đơn vị"), ("/en", "Unit staff member")])
def test_a_person_without_a_full_name_is_shown_as_unit_staff(
    nameless_account_everywhere, prefix, label
):
    portal = nameless_account_everywhere
    unit_url, pledge_url = portal.unit_a.get_absolute_url(), portal.accepted_a.get_absolute_url()
    client = Client()
    unit_page = client.get(prefix + unit_url).content.decode()
    assert f"{label} — " in unit_page  # among the unit's heads
    pledge_page = client.get(prefix + pledge_url).content.decode()
    assert f'<span class="text-body-secondary">{label}</span>' in pledge_page  # the report's


def test_public_name_is_the_full_name_when_there_is_one():
    User = get_user_model()
    with translation.override("en"):
        assert public_name(User(username="an", first_name="Nguyễn Văn", last_name="An")) == (
            "Nguyễn Văn An"
        )
        assert public_name(User(username="an")) == "Unit staff member"
        assert public_name(None) == "—"
