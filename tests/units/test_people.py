"""A person appears on public pages by full name only: never by the user name of a login."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import translate_url
from django.utils import translation

from tests.factories import make_report, make_role, make_user
from tests.test_url_permissions import TABLE, build_world
from units.templatetags.people import public_name

USERNAME = "kinlogin7"
EMAIL = "kin.login7@example.invalid"


@pytest.fixture
def world(db):
    """The permission table's data, with an account that has no full name on every public
    record a person can appear on: head of a unit, author of a pledge and of its progress report,
    reviewer, author of a commendation."""
    world = build_world()
    user = make_user(username=USERNAME, email=EMAIL, first_name="", last_name="")
    make_role(user=user, unit=world.unit_a)
    pledge = world.accepted_a
    make_report(pledge=pledge, by=user)
    pledge.created_by = pledge.submitted_by = pledge.reviewed_by = user
    pledge.save()
    world.published.author = user
    world.published.save()
    return world


def public_paths(world) -> list[str]:
    """Every page the permission table opens to anonymous visitors and the accepted pledge's
    page, in both languages."""
    paths = [build(world) for build, outcomes, _ in TABLE.values() if outcomes["anonymous"] == 200]
    paths.append(world.accepted_a.get_absolute_url())
    return sorted(set(paths) | {translate_url(path, "en") for path in paths})


def test_no_public_page_shows_a_user_name(world):
    paths = public_paths(world)
    assert "/en" + world.unit_a.get_absolute_url() in paths
    client = Client()
    shown = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        text = response.getvalue().decode(errors="replace").lower()  # images, feeds, JSON too
        shown[path] = [secret for secret in (USERNAME, EMAIL) if secret in text]
    assert {path: found for path, found in shown.items() if found} == {}


@pytest.mark.parametrize(("prefix", "label"), [("", "Cán bộ đơn vị"), ("/en", "Unit staff member")])
def test_a_person_without_a_full_name_is_shown_as_unit_staff(world, prefix, label):
    unit_url, pledge_url = world.unit_a.get_absolute_url(), world.accepted_a.get_absolute_url()
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
