"""Achievement records (hồ sơ thành tích): what a person or a collective was awarded before."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Protocol

from django.db.models import Q

from awards.models import Award
from kit.text import search_key
from news.models.honorees import HonoreeKind

# Units' names and people's positions come back row after row in a round's lists: each is folded
# once (search_key depends on its text only).
_folded = lru_cache(maxsize=4096)(search_key)


class Honouree(Protocol):
    unit_id: int
    honoree_kind: str
    honoree_name: str
    position: str


def honouree_key(entry: Honouree) -> tuple[int, str, str]:
    """Who an entry names: a collective is its unit; a person their folded name in their unit."""
    if entry.honoree_kind == HonoreeKind.COLLECTIVE:
        return (entry.unit_id, HonoreeKind.COLLECTIVE, "")
    return (entry.unit_id, HonoreeKind.PERSON, _folded(entry.honoree_name)[:200])


def _award_key(award: Award) -> tuple[int, str, str]:
    """`honouree_key` from the folded name the award stores (Award.save folds it)."""
    if award.honoree_kind == HonoreeKind.COLLECTIVE:
        return (award.unit_id, HonoreeKind.COLLECTIVE, "")
    return (award.unit_id, HonoreeKind.PERSON, award.name_key)


def recent_awards(
    entries: list[Honouree], *, until_year: int, years: int = 3
) -> dict[tuple[int, str, str], list[Award]]:
    """Each entry's awards in the `years` years up to `until_year`, newest first, in one query.

    Keyed by `honouree_key`; an entry with none is missing from the dict. The query asks for
    the entries' units and folded names as two lists (one condition, whatever the number of
    entries; the index on unit, kind and name serves it) and the few awards of a name in another
    of those units are left out here. The awards read carry what the record shows: year, form's
    name and decision number."""
    keys = {honouree_key(entry) for entry in entries}
    if not keys:
        return {}
    people = [(unit, name) for unit, kind, name in keys if kind == HonoreeKind.PERSON]
    collectives = sorted({unit for unit, kind, _name in keys if kind == HonoreeKind.COLLECTIVE})
    match = Q(pk__in=[])
    if people:
        match |= Q(
            unit_id__in=sorted({unit for unit, _name in people}),
            honoree_kind=HonoreeKind.PERSON,
            name_key__in=sorted({name for _unit, name in people}),
        )
    if collectives:
        match |= Q(unit_id__in=collectives, honoree_kind=HonoreeKind.COLLECTIVE)
    found: dict[tuple[int, str, str], list[Award]] = defaultdict(list)
    for award in (
        Award.objects.filter(match, year__gt=until_year - years, year__lte=until_year)
        .only("unit_id", "honoree_kind", "name_key", "form_name", "year", "decision_number")
        .order_by("-year", "-decision_date", "-pk")
    ):
        key = _award_key(award)
        if key in keys:
            found[key].append(award)
    return dict(found)


def position_and_unit(entry: Honouree) -> str:
    """A proposal's or an award's position and unit on one line, the unit once even when the
    position names it already; for a collective, its unit only when its name is not the unit's.
    The annexed list and the certificates print it."""
    unit = entry.unit.name
    if entry.honoree_kind == HonoreeKind.COLLECTIVE:
        return "" if _folded(entry.honoree_name) == _folded(unit) else unit
    if not entry.position:
        return unit
    if _folded(unit) in _folded(entry.position):
        return entry.position
    return f"{entry.position}, {unit}"
