"""The workspace and every page showing pledges run a fixed number of queries, the same with 5
pledges as with 200 (and with a long progress timeline)."""

from __future__ import annotations

import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from pledges.models import Evidence, Pledge, ProgressReport
from tests.factories import make_pledge, make_role, make_unit
from tests.isolation import records_for_the_module
from tests.pledges.conftest import build_two_units

pytestmark = pytest.mark.django_db

S = Pledge.Status
STATUSES = [S.DRAFT, S.SUBMITTED, S.RETURNED, S.ACCEPTED, S.COMPLETED]


def grow(two_units, n: int) -> Pledge:
    """n pledges: unit A's in every state under every theme, others' accepted under theme 2
    from many units; returns an accepted pledge of unit A with a timeline of n // 5 reports,
    each with two photos."""
    themes = list(two_units.campaign.themes.all())
    statuses = itertools.cycle(STATUSES)
    units = [two_units.unit_a, two_units.unit_b] + [make_unit() for _ in range(n // 20)]
    for unit in units[2:]:
        make_role(unit=unit)
    for i in range(n):
        own = i % 2 == 0
        make_pledge(
            campaign=two_units.campaign,
            unit=two_units.unit_a if own else units[i % len(units)],
            theme=themes[i % len(themes)] if own else two_units.theme,
            status=next(statuses) if own else S.ACCEPTED,
            latest_percent=i % 101,
        )
    pledge = make_pledge(
        campaign=two_units.campaign, unit=two_units.unit_a, theme=two_units.theme, status=S.ACCEPTED
    )
    pledge.legal_documents.set(two_units.campaign.legal_documents.all())
    for i in range(max(n // 5, 1)):
        report = ProgressReport.objects.create(
            pledge=pledge,
            percent=i % 100,
            narrative=f"Báo cáo {i}",
            reported_by=two_units.head_a if i % 2 else two_units.deputy_a,
            reported_at=timezone.now(),
        )
        for position in range(2):
            Evidence.objects.create(
                report=report,
                image=f"evidence/{report.pk}-{position}.jpg",
                thumbnail=f"evidence/{report.pk}-{position}-thumb.jpg",
                position=position,
            )
    return pledge


def page(name: str, two_units, pledge) -> str:
    return {
        "workspace": lambda: reverse("pledges:workspace"),
        "detail": lambda: pledge.get_absolute_url(),
        "review-queue": lambda: reverse("pledges:review-queue"),
        "theme": lambda: two_units.theme.get_absolute_url(),
        "theme-page-2": lambda: two_units.theme.get_absolute_url() + "?page=2",
        "unit": lambda: two_units.unit_a.get_absolute_url(),
        "campaign": lambda: two_units.campaign.get_absolute_url(),
    }[name]()


# (page, who) -> exact number of queries
BUDGETS = {
    # session, user, units, active campaigns, their phases (the phase now and its deadline),
    # their themes, the units' pledges (the to-do list is built from them), footer campaign
    ("workspace", "head_a"): 8,
    # pledge with campaign/unit/theme/people, reports with authors, their photos, legal
    # documents, footer campaign
    ("detail", None): 5,
    # + session, user, "is it theirs", office membership
    ("detail", "head_a"): 9,
    # the same + what waits for the office (the badges of the header's office menu)
    ("detail", "office"): 10,
    # session, user, office membership, count, page, footer campaign, what waits for the office
    ("review-queue", "office"): 7,
    # theme with campaign, sibling themes, footer, figures (pledges.rollups: every unit's
    # parent, pledges by unit and theme), count, page of pledges, the theme's commendations
    ("theme", None): 8,
    ("theme-page-2", None): 8,
    # unit, roles, sub-units, footer, public pledges with campaign and theme, commendations
    ("unit", None): 6,
    # campaign, footer, themes, legal basis, figures per theme and branch (pledges.rollups:
    # every unit's parent, pledges by unit and theme), latest pledges, + the
    # campaign's phases (the timeline)
    ("campaign", None): 8,
}


@pytest.fixture(scope="module", params=[5, 200], ids=["5-pledges", "200-pledges"])
def grown_units(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """(the two units, grow()'s pledge, n): built once for the module per size, since the
    tests only read; each test's own writes (its login) are rolled back after it."""
    with records_for_the_module(django_db_blocker, tmp_path_factory.mktemp("pledge-queries")):
        two_units = build_two_units()
        yield two_units, grow(two_units, request.param), request.param


@pytest.mark.parametrize(("name", "who"), list(BUDGETS), ids=[f"{n}-{w}" for n, w in BUDGETS])
def test_fixed_query_count(client, grown_units, django_assert_num_queries, name, who):
    two_units, pledge, n = grown_units
    assert Pledge.objects.count() == n + 1
    if who:
        client.force_login(getattr(two_units, who))
    url = page(name, two_units, pledge)
    with django_assert_num_queries(BUDGETS[(name, who)]):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    if name == "detail":
        assert html.count('<li>\n          <p class="mb-1">') == max(n // 5, 1)
    if name in ("theme", "unit"):
        assert "pct-" in html
