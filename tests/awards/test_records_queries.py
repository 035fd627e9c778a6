"""The records' pages run a fixed number of queries, with 5 or 300 awards and proposals."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import (
    make_award,
    make_decision,
    make_evaluation_round,
    make_proposal,
    make_role,
    make_unit,
    make_user,
)

pytestmark = pytest.mark.django_db

# page -> queries: the session, the user and the role check (is_office), the footer's current
# campaign, then the page's own; the office's pages also count what waits for it (the header).
BUDGETS = {
    "records": 8,  # the count, a page of honourees, their units
    "records search": 8,  # the same, the units' search a subquery
    "record": 6,  # the unit, the awards
    "unit-record": 7,  # the unit, the collective's awards, its people
    "my-records": 6,  # the units, the awards
    "outcomes": 5,  # the proposals with their round, form, unit and decision
}


def build(size: int):
    units = [make_unit() for _ in range(max(1, size // 10))]
    head = make_role(unit=units[0]).user
    evaluation = make_evaluation_round()
    decision = make_decision(evaluation=evaluation, status="issued")
    for n in range(size):
        unit = units[n % len(units)] if n % 2 else units[0]
        make_award(
            unit=unit,
            honoree_name="Nguyễn Văn Đức" if n % 3 == 0 else f"Người số {n}",
            decision=decision if n % 4 == 0 else None,
            decision_number=f"{n + 1}/QĐ-SCT",
            campaign=evaluation.campaign,
        )
        if n % 5 == 0:
            make_award(unit=unit, honoree_name=unit.name_vi, honoree_kind="collective")
        make_proposal(
            evaluation=evaluation,
            unit=units[0],
            votes_for=n % 6 or None,
            decision=decision if n % 2 else None,
        )
    return units[0], head


@pytest.mark.parametrize("size", [5, 300])
def test_fixed_queries(client, django_assert_num_queries, size):
    unit, head = build(size)
    office = make_user(office=True)
    pages = {
        "records": (office, reverse("awards:records")),
        "records search": (office, reverse("awards:records") + "?q=duc"),
        "record": (head, reverse("awards:record", args=[unit.slug, "nguyen-van-duc"])),
        "unit-record": (head, reverse("awards:unit-record", args=[unit.slug])),
        "my-records": (head, reverse("awards:my-records")),
        "outcomes": (head, reverse("awards:outcomes")),
    }
    for name, (user, url) in pages.items():
        client.force_login(user)
        with django_assert_num_queries(BUDGETS[name]):
            assert client.get(url).status_code == 200, name
