"""Open-data endpoints: public records as paginated JSON, a fixed number of queries each.

Every list starts from the public QuerySet method of its model (`Campaign.objects.public()`,
`Pledge.objects.public()`, `Commendation.objects.published()`, ...), exactly as the pages do.
Output does not depend on the visitor's language: translated fields carry every language, and
links point at the Vietnamese (default) pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from campaign.models import Campaign, Theme
from news.models import Commendation
from pledges.models import Pledge, ProgressReport
from portal.api import serializers
from scoring.models import Criterion, Score, ScoringRound
from scoring.ranking import build_standings
from units.models import Unit

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
ROUNDS_PAGE_SIZE = 10  # a round carries its whole ranking


class BadRequest(Exception):
    pass


def error_response(status: int, message: str) -> JsonResponse:
    return _json({"error": message}, status=status)


def _json(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Public, read-only and without credentials: other sites' scripts may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def endpoint(view: Callable) -> Callable:
    """GET/HEAD only, in the default language, with bad parameters answered as JSON 400."""

    @require_safe
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override("vi"):
            try:
                return view(request, *args, **kwargs)
            except BadRequest as error:
                return error_response(400, str(error))

    return wrapper


def _filter_unit_and_theme(request, queryset):
    """`?unit=<slug>` and `?theme=<number>`, as pledges and commendations take them."""
    if slug := request.GET.get("unit"):
        queryset = queryset.filter(unit__slug=slug)
    if (number := _int_param(request, "theme")) is not None:
        queryset = queryset.filter(theme__number=number)
    return queryset


def _int_param(request, name: str, default: int | None = None) -> int | None:
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(_("“%(name)s” must be a whole number.") % {"name": name}) from None
    if value < 1:
        raise BadRequest(_("“%(name)s” must be 1 or more.") % {"name": name})
    return value


def _paginate(request, queryset: QuerySet, serialize: Callable, *, default_size=PAGE_SIZE):
    """The page asked for (?page=, ?page_size=) as the response body: count, next, previous
    and results. Prefetches run on the page only."""
    number = _int_param(request, "page", 1)
    size = min(_int_param(request, "page_size", default_size), MAX_PAGE_SIZE)
    paginator = Paginator(queryset, size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        return None, error_response(404, _("There is no page %(page)s.") % {"page": number})
    absolute = request.build_absolute_uri

    def link(page_number: int) -> str:
        query = {**request.GET.dict(), "page": page_number}
        return absolute(f"{request.path}?{urlencode(query)}")

    body = {
        "count": paginator.count,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "results": serialize(list(page.object_list), absolute),
    }
    return body, None


def _list(request, queryset, item_serializer, **kwargs) -> JsonResponse:
    body, error = _paginate(
        request,
        queryset,
        lambda objects, absolute: [item_serializer(obj, absolute) for obj in objects],
        **kwargs,
    )
    return error or _json(body)


def _filter_campaign(request, queryset, field: str = "campaign__slug"):
    if slug := request.GET.get("campaign"):
        queryset = queryset.filter(**{field: slug})
    return queryset


@endpoint
def index(request):
    names = ["campaigns", "themes", "units", "pledges", "commendations", "scores"]
    return _json({name: request.build_absolute_uri(reverse(f"api:{name}")) for name in names})


@endpoint
def campaigns(request):
    queryset = (
        Campaign.objects.public()
        .with_span()
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("number")))
        .order_by("-published_on", "-pk")
    )
    return _list(request, queryset, serializers.campaign)


@endpoint
def themes(request):
    queryset = (
        Theme.objects.filter(campaign__in=Campaign.objects.public())
        .select_related("campaign")
        .prefetch_related(Prefetch("criteria", queryset=Criterion.objects.order_by("number")))
        .order_by("-campaign__published_on", "campaign_id", "number")
    )
    return _list(request, _filter_campaign(request, queryset), serializers.theme)


@endpoint
def units(request):
    queryset = Unit.objects.active().select_related("parent").order_by("position", "name", "pk")
    return _list(request, queryset, serializers.unit)


@endpoint
def pledges(request):
    timeline = ProgressReport.objects.order_by("reported_at", "pk").prefetch_related("evidence")
    queryset = (
        Pledge.objects.public()
        .select_related("campaign", "unit", "theme")
        .prefetch_related(Prefetch("reports", queryset=timeline))
        .order_by("campaign_id", "theme__number", "unit__position", "pk")
    )
    queryset = _filter_unit_and_theme(request, _filter_campaign(request, queryset))
    return _list(request, queryset, serializers.pledge)


@endpoint
def commendations(request):
    queryset = _filter_campaign(
        request, Commendation.objects.published().with_related().newest_first()
    )
    queryset = _filter_unit_and_theme(request, queryset)
    return _list(request, queryset, serializers.commendation)


@endpoint
def scores(request):
    """Published review rounds, each with its criteria and its ranked units."""
    queryset = _filter_campaign(
        request, ScoringRound.objects.published().select_related("campaign").newest_first()
    )
    body, error = _paginate(request, queryset, _serialize_rounds, default_size=ROUNDS_PAGE_SIZE)
    return error or _json(body)


def _serialize_rounds(rounds: list[ScoringRound], absolute) -> list[dict]:
    """Three queries for the whole page: criteria, scores, units."""
    if not rounds:
        return []
    campaign_ids = {r.campaign_id for r in rounds}
    criteria = list(
        Criterion.objects.filter(theme__campaign__in=campaign_ids)
        .select_related("theme")
        .order_by("theme__number", "number")
    )
    theme_of = {c.pk: c.theme_id for c in criteria}
    rows = (
        Score.objects.published()
        .filter(round__in=rounds)
        .values_list("round_id", "unit_id", "criterion_id", "points")
    )
    totals: dict[tuple[int, int, int], object] = defaultdict(int)
    points: dict[int, dict[int, dict]] = defaultdict(lambda: defaultdict(dict))
    for round_id, unit_id, criterion_id, value in rows:
        totals[round_id, unit_id, theme_of[criterion_id]] += value
        points[round_id][unit_id][criterion_id] = value
    unit_ids = {unit_id for _round, unit_id, _theme in totals}
    standings = build_standings(
        [
            {"round_id": r, "unit_id": u, "theme_id": t, "points": v}
            for (r, u, t), v in totals.items()
        ],
        Unit.objects.active().in_bulk(unit_ids),
    )
    return [
        serializers.scoring_round(
            r,
            absolute,
            criteria=[c for c in criteria if c.theme.campaign_id == r.campaign_id],
            standings=standings.get(r.pk, []),
            points=points[r.pk],
        )
        for r in rounds
    ]
