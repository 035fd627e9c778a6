"""Leaderboard arithmetic: totals per unit and competition ranking ("1, 2, 2, 4")."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from units.models import Unit


def competition_ranks(totals: Sequence[Decimal]) -> list[int]:
    """Ranks for `totals` sorted from highest to lowest: equal totals share a rank and the
    next rank skips as many places as were shared (1, 2, 2, 4)."""
    ranks: list[int] = []
    for place, total in enumerate(totals, start=1):
        if ranks and total == totals[place - 2]:
            ranks.append(ranks[-1])
        else:
            ranks.append(place)
    return ranks


@dataclass
class Standing:
    unit: Unit
    total: Decimal = Decimal(0)
    by_theme: dict[int, Decimal] = field(default_factory=dict)
    rank: int = 0
    tied: bool = False

    def points_for(self, theme_ids: Iterable[int]) -> list[Decimal | None]:
        """The unit's points per theme, in the order of `theme_ids` (None: not scored)."""
        return [self.by_theme.get(theme_id) for theme_id in theme_ids]


def build_standings(rows: Iterable[dict], units: dict[int, Unit]) -> dict[int, list[Standing]]:
    """Ranked standings per round from `Score.objects....totals()` rows.

    Rows of units missing from `units` (inactive ones, for the public) are left out. Units
    with equal totals are listed in the units' display order.
    """
    per_round: dict[int, dict[int, Standing]] = defaultdict(dict)
    for row in rows:
        unit = units.get(row["unit_id"])
        if unit is None:
            continue
        standing = per_round[row["round_id"]].setdefault(unit.pk, Standing(unit=unit))
        standing.by_theme[row["theme_id"]] = row["points"]
        standing.total += row["points"]
    result = {}
    for round_id, by_unit in per_round.items():
        ordered = sorted(
            by_unit.values(), key=lambda s: (-s.total, s.unit.position, s.unit.name, s.unit.pk)
        )
        ranks = competition_ranks([s.total for s in ordered])
        shared = Counter(ranks)
        for standing, rank in zip(ordered, ranks, strict=True):
            standing.rank = rank
            standing.tied = shared[rank] > 1
        result[round_id] = ordered
    return result


def round_standings(scores, *, units) -> dict[int, list[Standing]]:
    """Standings for the rounds of `scores` (a Score queryset): two queries, whatever the
    number of units."""
    rows = scores.totals()
    unit_ids = {row["unit_id"] for row in rows}
    return build_standings(rows, units.in_bulk(unit_ids))
