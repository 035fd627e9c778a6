"""Fixtures for the office dashboard, reports and reminders: a running campaign, a department
with two divisions (one with a sub-unit), their heads and a deputy, an office admin and a user
with no role; uploads go to a temporary folder."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group

from kit.roles import OFFICE_GROUP
from tests.factories import make_campaign, make_role, make_unit, make_user
from units.models import Unit, UnitRole


@pytest.fixture
def department_tree(db):
    return build_department_tree()


def build_department_tree() -> SimpleNamespace:
    Group.objects.get_or_create(name=OFFICE_GROUP)
    campaign = make_campaign(title="Phong trào thi đua phòng, chống dịch", issuing_place="Bến Tre")
    dept = make_unit(name="Sở Công Thương", kind=Unit.Kind.DEPARTMENT, slug="so", position=0)
    unit_a = make_unit(name="Phòng Quản lý Thương mại", parent=dept, slug="qltm", position=1)
    unit_b = make_unit(name="Phòng Quản lý Công nghiệp", parent=dept, slug="qlcn", position=2)
    team_b = make_unit(name="Tổ kiểm tra thị trường", parent=unit_b, slug="to-kt", position=3)
    head_a = make_user(username="head_a", first_name="Nguyễn Văn", last_name="An")
    deputy_a = make_user(username="deputy_a", first_name="Phạm Quốc", last_name="Dũng")
    head_b = make_user(username="head_b", first_name="Trần Thị", last_name="Bình")
    make_role(user=head_a, unit=unit_a)
    make_role(user=deputy_a, unit=unit_a, role=UnitRole.Role.DEPUTY)
    make_role(user=head_b, unit=unit_b)
    return SimpleNamespace(
        campaign=campaign,
        themes=list(campaign.themes.order_by("number")),
        dept=dept,
        unit_a=unit_a,
        unit_b=unit_b,
        team_b=team_b,
        head_a=head_a,
        deputy_a=deputy_a,
        head_b=head_b,
        office=make_user(office=True, username="office", first_name="Võ Thị", last_name="Đào"),
        nobody=make_user(username="nobody"),
    )
