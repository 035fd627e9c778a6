"""A running campaign with two criteria per theme for its first two themes, three units, a
unit head, an office admin and a user without any role."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group

from kit.roles import OFFICE_GROUP
from tests.factories import make_campaign, make_criterion, make_role, make_unit, make_user


@pytest.fixture
def criteria_and_units(db):
    Group.objects.get_or_create(name=OFFICE_GROUP)
    campaign = make_campaign()
    theme1, theme2 = campaign.themes.get(number=1), campaign.themes.get(number=2)
    head = make_user(username="head_a")
    unit_a = make_unit(name="Phòng Quản lý Thương mại", position=1)
    make_role(user=head, unit=unit_a)
    return SimpleNamespace(
        campaign=campaign,
        theme1=theme1,
        theme2=theme2,
        c11=make_criterion(theme=theme1, number=1, max_points="10"),
        c12=make_criterion(theme=theme1, number=2, max_points="5"),
        c21=make_criterion(theme=theme2, number=1, max_points="20"),
        unit_a=unit_a,
        unit_b=make_unit(name="Phòng Quản lý Công nghiệp", position=2),
        unit_c=make_unit(name="Phòng Kế hoạch – Tổng hợp", position=3),
        head=head,
        office=make_user(office=True, username="office"),
        nobody=make_user(username="nobody"),
    )


def round_admin_data(campaign, scoring_round) -> dict:
    """What the admin's review round form posts for a preliminary round, unchanged."""
    return {
        "campaign": campaign.pk,
        "kind": "preliminary",
        "title_vi": "Sơ kết quý I",
        "title_en": "",
        "held_on": "30/06/2022",
        "note_vi": "",
        "note_en": "",
        "expected_version": scoring_round.version,
    }
