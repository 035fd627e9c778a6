"""Competition ranking: equal totals share a rank and the next rank skips ("1, 2, 2, 4")."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.ranking import build_standings, competition_ranks
from tests.factories import make_unit


def test_ties_share_a_rank_and_the_next_rank_skips():
    totals = [Decimal(30), Decimal(25), Decimal(25), Decimal(20), Decimal(20), Decimal(20), 1]
    assert competition_ranks(totals) == [1, 2, 2, 4, 4, 4, 7]


def test_everyone_equal_is_everyone_first():
    assert competition_ranks([Decimal("7.5")] * 3) == [1, 1, 1]
    assert competition_ranks([]) == []


@given(st.lists(st.decimals(min_value=0, max_value=1000, places=2), max_size=40))
def test_rank_is_one_plus_the_number_of_better_totals(values):
    totals = sorted(values, reverse=True)
    ranks = competition_ranks(totals)
    assert ranks == [1 + sum(1 for other in totals if other > total) for total in totals]


@pytest.mark.django_db
def test_standings_sum_the_themes_and_list_ties_in_unit_order():
    a, b, c, d = (
        make_unit(name=n, position=p) for n, p in [("A", 4), ("B", 3), ("C", 2), ("D", 1)]
    )
    rows = [
        {"round_id": 1, "unit_id": a.pk, "theme_id": 10, "points": Decimal("10")},
        {"round_id": 1, "unit_id": a.pk, "theme_id": 11, "points": Decimal("5.5")},
        {"round_id": 1, "unit_id": b.pk, "theme_id": 10, "points": Decimal("15.5")},
        {"round_id": 1, "unit_id": c.pk, "theme_id": 11, "points": Decimal("20")},
        {"round_id": 1, "unit_id": d.pk, "theme_id": 10, "points": Decimal("1")},
        {"round_id": 2, "unit_id": d.pk, "theme_id": 10, "points": Decimal("3")},
    ]
    units = {u.pk: u for u in (a, b, c)}  # d is not public (inactive): left out
    standings = build_standings(rows, units)
    first = standings[1]
    assert [(s.unit.name, s.rank, s.total, s.tied) for s in first] == [
        ("C", 1, Decimal("20"), False),
        ("B", 2, Decimal("15.5"), True),  # B is listed before A: smaller position
        ("A", 2, Decimal("15.5"), True),
    ]
    assert first[2].points_for([10, 11, 12]) == [Decimal("10"), Decimal("5.5"), None]
    assert 2 not in standings
