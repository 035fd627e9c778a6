"""Achievement records (hồ sơ thành tích): what a person or a collective was awarded before."""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from django.db.models import Q

from awards.models import Award
from kit.text import search_key
from news.models.honorees import HonoreeKind


class Honouree(Protocol):
    unit_id: int
    honoree_kind: str
    honoree_name: str


def honouree_key(entry: Honouree) -> tuple[int, str, str]:
    """Who an entry names: a collective is its unit; a person their folded name in their unit."""
    if entry.honoree_kind == HonoreeKind.COLLECTIVE:
        return (entry.unit_id, HonoreeKind.COLLECTIVE, "")
    return (entry.unit_id, HonoreeKind.PERSON, search_key(entry.honoree_name)[:200])


def recent_awards(
    entries: list[Honouree], *, until_year: int, years: int = 3
) -> dict[tuple[int, str, str], list[Award]]:
    """Each entry's awards in the `years` years up to `until_year`, newest first, in one query.

    Keyed by `honouree_key`; an entry with none is missing from the dict."""
    keys = {honouree_key(entry) for entry in entries}
    if not keys:
        return {}
    match = Q()
    people = [(unit, name) for unit, kind, name in keys if kind == HonoreeKind.PERSON]
    collectives = [unit for unit, kind, _name in keys if kind == HonoreeKind.COLLECTIVE]
    for unit, name in people:
        match |= Q(unit_id=unit, honoree_kind=HonoreeKind.PERSON, name_key=name)
    if collectives:
        match |= Q(unit_id__in=collectives, honoree_kind=HonoreeKind.COLLECTIVE)
    found: dict[tuple[int, str, str], list[Award]] = defaultdict(list)
    for award in (
        Award.objects.filter(match, year__gt=until_year - years, year__lte=until_year)
        .select_related("form")
        .order_by("-year", "-decision_date", "-pk")
    ):
        found[honouree_key(award)].append(award)
    return dict(found)
