"""Fixtures for the pledge tests: two units with their heads, a deputy, an office admin and a
user with no role, in one running campaign; uploads go to a temporary media folder."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group

from kit.roles import OFFICE_GROUP
from tests.factories import make_campaign, make_role, make_unit, make_user
from units.models import UnitRole


@pytest.fixture
def two_units(db):
    return build_two_units()


def build_two_units() -> SimpleNamespace:
    # Transactional tests start from an emptied database, without the migrations' data.
    Group.objects.get_or_create(name=OFFICE_GROUP)
    campaign = make_campaign()
    unit_a = make_unit(name="Phòng Quản lý Thương mại")
    unit_b = make_unit(name="Phòng Quản lý Công nghiệp")
    head_a = make_user(username="head_a", first_name="Nguyễn Văn", last_name="An")
    deputy_a = make_user(username="deputy_a")
    head_b = make_user(username="head_b")
    make_role(user=head_a, unit=unit_a)
    make_role(user=deputy_a, unit=unit_a, role=UnitRole.Role.DEPUTY)
    make_role(user=head_b, unit=unit_b)
    return SimpleNamespace(
        campaign=campaign,
        theme=campaign.themes.get(number=2),
        unit_a=unit_a,
        unit_b=unit_b,
        head_a=head_a,
        deputy_a=deputy_a,
        head_b=head_b,
        office=make_user(office=True, username="office"),
        nobody=make_user(username="nobody"),
    )
