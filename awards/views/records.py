"""Achievement records (hồ sơ thành tích): the office finds any honouree's; a unit head reads
their own units' and their people's, and the outcome of their units' proposals.

Every read goes through `visible_to(user)`: someone else's unit or person is a 404. A record is
never public (a published commendation already says what it is about).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q, Value
from django.db.models.functions import Concat
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from awards.models import Award, Proposal
from kit.roles import is_office, office_required
from kit.text import search_phrases
from news.models.honorees import HonoreeKind
from units.models import Unit

HONOUREES_PER_PAGE = 50
AWARD_RELATIONS = ("form", "decision", "campaign")


def person_slug(name_key: str) -> str:
    """The URL part naming a person: their folded name with hyphens ("nguyen-van-duc")."""
    return name_key.replace(" ", "-")


def _own_units(user):
    return Unit.objects.filter(roles__user=user).distinct()


def _readable_unit(request, slug: str) -> Unit:
    """The unit whose records the user may read: any for the office, else one they head."""
    units = Unit.objects.all() if is_office(request.user) else _own_units(request.user)
    return get_object_or_404(units, slug=slug)


@office_required
def record_list(request):
    """Every honouree on record, found by name or unit (accents optional), a page at a time."""
    query = (request.GET.get("q") or "").strip()[:200]
    kind = request.GET.get("kind") or ""
    honourees = Award.objects.visible_to(request.user)
    if kind in HonoreeKind.values:
        honourees = honourees.filter(honoree_kind=kind)
    if phrases := search_phrases(query):
        padded = honourees.annotate(key=Concat(Value(" "), "name_key", Value(" ")))
        by_name = Q()
        for phrase in phrases:
            by_name &= Q(key__contains=phrase)
        units = Unit.objects.search(query).values("pk")
        honourees = padded.filter(by_name | Q(unit__in=units))
    honourees = (
        honourees.values("unit_id", "honoree_kind", "name_key")
        .annotate(
            name=Max("honoree_name"),
            awards=Count("pk"),
            last_year=Max("year"),
        )
        .order_by("name_key", "unit_id", "honoree_kind")
    )
    page = Paginator(honourees, HONOUREES_PER_PAGE).get_page(request.GET.get("page"))
    units = Unit.objects.in_bulk({line["unit_id"] for line in page.object_list})
    lines = []
    for line in page.object_list:
        unit = units[line["unit_id"]]
        lines.append({**line, "unit": unit, "url": _record_url(unit, line)})
    params = {key: value for key, value in (("q", query), ("kind", kind)) if value}
    return render(
        request,
        "awards/records/list.html",
        {
            "lines": lines,
            "page_obj": page,
            "is_paginated": page.has_other_pages(),
            "query": query,
            "kind": kind,
            "kinds": HonoreeKind.choices,
            "query_string": urlencode(params),
        },
    )


def _record_url(unit: Unit, line: dict) -> str:
    if line["honoree_kind"] == HonoreeKind.COLLECTIVE:
        return reverse("awards:unit-record", args=[unit.slug])
    return reverse("awards:record", args=[unit.slug, person_slug(line["name_key"])])


@login_required
def person_record(request, unit: str, name: str):
    """A person's record: every title and form, newest first."""
    record_unit = _readable_unit(request, unit)
    awards = list(
        Award.objects.visible_to(request.user)
        .filter(unit=record_unit, honoree_kind=HonoreeKind.PERSON, name_key=name.replace("-", " "))
        .select_related(*AWARD_RELATIONS)
        .order_by("-decision_date", "-year", "-pk")
    )
    if not awards:
        raise Http404
    return render(
        request,
        "awards/records/record.html",
        {
            "unit": record_unit,
            "honoree": awards[0],
            "awards": awards,
            "collective": False,
            "office": is_office(request.user),
        },
    )


@login_required
def unit_record(request, unit: str):
    """A collective's record, and the people of the unit who are on record."""
    record_unit = _readable_unit(request, unit)
    visible = Award.objects.visible_to(request.user).filter(unit=record_unit)
    awards = list(
        visible.filter(honoree_kind=HonoreeKind.COLLECTIVE)
        .select_related(*AWARD_RELATIONS)
        .order_by("-decision_date", "-year", "-pk")
    )
    people = [
        {**line, "slug": person_slug(line["name_key"])}
        for line in visible.filter(honoree_kind=HonoreeKind.PERSON)
        .values("name_key")
        .annotate(name=Max("honoree_name"), awards=Count("pk"), last_year=Max("year"))
        .order_by("name_key")
    ]
    return render(
        request,
        "awards/records/record.html",
        {
            "unit": record_unit,
            "awards": awards,
            "people": people,
            "collective": True,
            "office": is_office(request.user),
        },
    )


@dataclass
class PersonRecord:
    name: str
    slug: str
    position: str = ""
    awards: list[Award] = field(default_factory=list)


@dataclass
class UnitRecords:
    unit: Unit
    collective: list[Award] = field(default_factory=list)
    people: dict[str, PersonRecord] = field(default_factory=dict)


@login_required
def my_records(request):
    """A unit head's units: each unit's own awards, then its people's, grouped by person."""
    units = list(_own_units(request.user).order_by("position", "name_vi", "pk"))
    by_unit = {unit.pk: UnitRecords(unit) for unit in units}
    awards = (
        Award.objects.visible_to(request.user)
        .filter(unit__in=[unit.pk for unit in units])
        .select_related(*AWARD_RELATIONS)
        .order_by("name_key", "-decision_date", "-year", "-pk")
    )
    for award in awards:
        entry = by_unit[award.unit_id]
        if award.honoree_kind == HonoreeKind.COLLECTIVE:
            entry.collective.append(award)
            continue
        person = entry.people.setdefault(
            award.name_key,
            PersonRecord(
                name=award.honoree_name, slug=person_slug(award.name_key), position=award.position
            ),
        )
        person.awards.append(award)
    for entry in by_unit.values():
        entry.collective.sort(key=lambda a: (a.decision_date, a.pk), reverse=True)
    return render(
        request,
        "awards/records/mine.html",
        {"units": list(by_unit.values()), "office": is_office(request.user)},
    )


@dataclass
class RoundOutcomes:
    round: object
    proposals: list[Proposal] = field(default_factory=list)


OUTCOME_LABELS = dict(Proposal.Outcome.choices)


@login_required
def outcomes(request):
    """The outcome of the user's units' proposals, round by round: not voted yet, passed or did
    not pass, and the decision once one names them."""
    proposals = (
        Proposal.objects.visible_to(request.user)
        .filter(unit__in=_own_units(request.user).values("pk"))
        .with_outcome_inputs()
        .select_related("round", "round__campaign", "form", "unit", "decision")
        .order_by("-round__year", "-round__created_at", "-round_id", "order", "pk")
    )
    rounds: dict[int, RoundOutcomes] = {}
    for proposal in proposals:
        proposal.outcome_code = proposal.computed_outcome
        proposal.outcome_label = OUTCOME_LABELS[proposal.outcome_code]
        issued = proposal.decision if proposal.decision and proposal.decision.is_issued() else None
        proposal.issued_decision = issued
        rounds.setdefault(proposal.round_id, RoundOutcomes(proposal.round)).proposals.append(
            proposal
        )
    return render(
        request,
        "awards/records/outcomes.html",
        {"rounds": list(rounds.values()), "office": is_office(request.user)},
    )
