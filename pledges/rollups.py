"""Pledge figures per theme, the one way they are counted: for a campaign over the whole unit
tree (by theme, and by branch: each child of a top unit with all units under it, the provincial
departments under the Ministry), and for any set of pledges (the statistics page's).

A campaign's rollup takes two queries whatever the size of the tree (every unit's parent, then
the public pledges grouped by unit and theme), summed up here; it is kept in the cache under the
public content generation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum

from campaign.models import Campaign
from kit.cache import cached_aggregate
from kit.public import PLEDGES, STRUCTURE
from pledges.models import Pledge
from units.models import Unit


@dataclass(frozen=True)
class Figures:
    units: int = 0  # units with at least one public pledge
    pledges: int = 0
    completed: int = 0
    average: int = 0  # average latest progress of the pledges, in percent


@dataclass
class _Sum:
    units: set = field(default_factory=set)
    pledges: int = 0
    completed: int = 0
    percent: int = 0

    def add(self, unit_id: int, pledges: int, completed: int, percent: int) -> None:
        self.units.add(unit_id)
        self.pledges += pledges
        self.completed += completed
        self.percent += percent

    def figures(self) -> Figures:
        average = round(self.percent / self.pledges) if self.pledges else 0
        return Figures(len(self.units), self.pledges, self.completed, average)


@dataclass(frozen=True)
class BranchRow:
    unit: Unit
    figures: Figures


@dataclass(frozen=True)
class Rollup:
    total: Figures
    by_theme: dict[int, Figures]
    # Branches with public pledges, in tree order; per theme as well.
    branches: list[BranchRow]
    branches_by_theme: dict[int, list[BranchRow]]


def theme_figures(pledges: QuerySet[Pledge]) -> dict[int, Figures]:
    """theme id -> the figures of `pledges` in that theme, in one query; themes without any
    pledge are left out."""
    by_theme: defaultdict[int, _Sum] = defaultdict(_Sum)
    for row in _unit_theme_rows(pledges):
        by_theme[row["theme_id"]].add(*_values(row))
    return {theme_id: bucket.figures() for theme_id, bucket in by_theme.items()}


def _unit_theme_rows(pledges: QuerySet[Pledge]) -> QuerySet:
    """`pledges` counted per unit and theme: the rows every figure here is summed from."""
    return (
        pledges.order_by()
        .values("unit_id", "theme_id")
        .annotate(
            pledges=Count("pk"),
            completed=Count("pk", filter=Q(status=Pledge.Status.COMPLETED)),
            percent=Sum("latest_percent"),
        )
    )


def _values(row: dict) -> tuple[int, int, int, int]:
    return row["unit_id"], row["pledges"], row["completed"], row["percent"] or 0


def campaign_rollup(campaign: Campaign) -> Rollup:
    return cached_aggregate(
        f"rollup:{campaign.pk}", lambda: _rollup(campaign), topics=(STRUCTURE, PLEDGES)
    )


def _rollup(campaign: Campaign) -> Rollup:
    units = {
        unit.pk: unit
        for unit in Unit.objects.only(
            "pk", "parent_id", "slug", "name", "name_vi", "name_en", "position"
        ).order_by("position", "name", "pk")
    }
    rows = _unit_theme_rows(Pledge.objects.public().filter(campaign=campaign))
    branch_of = _branches(units)
    total, by_theme = _Sum(), defaultdict(_Sum)
    by_branch, by_branch_theme = defaultdict(_Sum), defaultdict(_Sum)
    for row in rows:
        values, theme_id = _values(row), row["theme_id"]
        branch = branch_of[row["unit_id"]]
        for bucket in (
            total,
            by_theme[theme_id],
            by_branch[branch],
            by_branch_theme[(branch, theme_id)],
        ):
            bucket.add(*values)
    order = _tree_order(units, set(by_branch))
    branches = [BranchRow(units[pk], by_branch[pk].figures()) for pk in order]
    branches_by_theme: dict[int, list[BranchRow]] = defaultdict(list)
    for pk in order:
        for theme_id in by_theme:
            if (pk, theme_id) in by_branch_theme:
                figures = by_branch_theme[(pk, theme_id)].figures()
                branches_by_theme[theme_id].append(BranchRow(units[pk], figures))
    return Rollup(
        total=total.figures(),
        by_theme={theme_id: bucket.figures() for theme_id, bucket in by_theme.items()},
        branches=branches,
        branches_by_theme=dict(branches_by_theme),
    )


def _branches(units: dict[int, Unit]) -> dict[int, int]:
    """unit id -> id of its branch: the ancestor just under a top unit (a top unit is its own)."""
    branch: dict[int, int] = {}
    for pk in units:
        chain, current = [], pk
        # Bounded walk up: a loop in bad data ends it instead of running forever.
        while current not in branch and len(chain) <= len(units):
            chain.append(current)
            parent = units[current].parent_id
            if parent is None or parent not in units or units[parent].parent_id is None:
                break
            current = parent
        top = branch.get(current, current)
        for visited in chain:
            branch[visited] = top
    return branch


def _tree_order(units: dict[int, Unit], branches: set[int]) -> list[int]:
    """The branches grouped under their top unit, each group in display order."""
    index = {pk: i for i, pk in enumerate(units)}  # units come ordered by position, name

    def key(pk: int) -> tuple[int, int]:
        parent = units[pk].parent_id
        if parent is None or parent not in units:
            return index[pk], -1  # a top unit with pledges of its own leads its group
        return index[parent], index[pk]

    return sorted(branches, key=key)
