"""Every office page runs a fixed number of queries: the same with 5 units as with 300 (each
with pledges in every state, progress reports with photos, and accepted nominations)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from campaign.models import CampaignPhase
from news.models import Nomination, NominationImage
from office import reports
from pledges.models import Evidence, Pledge, ProgressReport
from tests.factories import make_pledge, make_role, make_unit
from tests.isolation import records_for_the_module
from tests.reports.conftest import build_department_tree
from units.models import Unit

pytestmark = pytest.mark.django_db

S = Pledge.Status


def grow(department_tree, total_units: int) -> None:
    """Units up to `total_units` (nested three deep), two pledges each (in every state in turn:
    unit B has a completed one), reports with photos on the accepted and completed ones, an
    accepted nomination with a photo for every fifth unit."""
    campaign = department_tree.campaign
    CampaignPhase.objects.create(
        campaign=campaign,
        kind=CampaignPhase.Kind.PRELIMINARY_REVIEW,
        starts_on=dt.date(2022, 7, 1),
        ends_on=dt.date(2022, 7, 15),
    )
    parents = [department_tree.dept, department_tree.unit_a, department_tree.unit_b]
    units = list(Unit.objects.all())
    while len(units) < total_units:
        unit = make_unit(parent=parents[len(units) % 3], position=10 + len(units))
        make_role(unit=unit)
        units.append(unit)
        if len(units) % 10 == 0:
            parents.append(unit)
    now = timezone.now()
    statuses = itertools.cycle([S.DRAFT, S.SUBMITTED, S.RETURNED, S.ACCEPTED, S.COMPLETED])
    for i, unit in enumerate(units):
        for theme in department_tree.themes[:2]:
            status = next(statuses)
            pledge = make_pledge(
                campaign=campaign,
                unit=unit,
                theme=theme,
                status=status,
                submitted_at=now - dt.timedelta(days=40 + i % 7),
                reviewed_at=now - dt.timedelta(days=35 + i % 7),
            )
            if status in (S.ACCEPTED, S.COMPLETED):
                report = ProgressReport.objects.create(
                    pledge=pledge,
                    percent=100 if status == S.COMPLETED else 40,
                    narrative="Báo cáo",
                    reported_by=department_tree.head_a,
                    reported_at=now - dt.timedelta(days=i % 40),
                )
                Pledge.objects.filter(pk=pledge.pk).update(
                    latest_percent=report.percent, latest_report_at=report.reported_at
                )
                for position in range(2):
                    Evidence.objects.create(
                        report=report,
                        image=f"evidence/{report.pk}-{position}.jpg",
                        thumbnail=f"evidence/{report.pk}-{position}-t.jpg",
                        position=position,
                    )
        if i % 5 == 2:  # unit B (the third) among them: its report shows every kind of row
            nomination = Nomination.objects.create(
                unit=unit,
                nominated_by=department_tree.head_a,
                honoree_name=f"Người thứ {i}",
                theme=department_tree.themes[0],
                achievements="Thành tích.",
                status=Nomination.Status.ACCEPTED,
            )
            NominationImage.objects.create(
                nomination=nomination, image="nominations/a.jpg", thumbnail="nominations/t.jpg"
            )


def page(name: str, department_tree) -> str:
    slug = department_tree.campaign.slug
    return {
        "inbox": reverse("office:index") + f"?campaign={slug}",
        "matrix": reverse("office:matrix", args=[slug]),
        "matrix-filtered": reverse("office:matrix", args=[slug])
        + "?unit=qlcn&status=accepted&flag=any&days=10",
        # A unit opened from its summed-up row (in full, or its own sub-units summed up).
        "matrix-subtree": reverse("office:matrix", args=[slug]) + "?unit=qltm&days=10",
        "statistics": reverse("office:statistics", args=[slug]),
        "candidates": reverse("office:candidates", args=[slug]),
        "report": reverse("office:report", args=[slug]),
        "unit-report": reverse("office:unit-report", args=[slug, "qlcn"]),
    }[name]


# Every page: session, user, office membership, the campaign, the footer's current campaign, and
# what waits for the office (one query: the badges of the header's office menu).
# page -> exact number of queries, for the office admin
BUDGETS = {
    # + the campaign asked for, its phases, the campaign switcher, the queue counts (pledges and
    # nominations in one query, shared with the menu's badges), the oldest pledges waiting,
    # the campaign's overdue counts, the first pledges past due
    "inbox": 11,
    # + the campaign switcher, the units (one tree), themes, the campaign's pledges
    # (past reports.SUMMARIZE_OVER units, the sub-units with sub-units are summed up from the
    # same rows)
    "matrix": 10,
    "matrix-filtered": 10,
    "matrix-subtree": 10,
    # + the campaign switcher, pledges by status, figures by theme, themes, accepted pledges and
    # their reports (the weekly series), active units, participating units
    "statistics": 14,
    # + the campaign switcher, pledges completed with evidence, their photos with who reported
    # them, accepted nominations, their photos
    "candidates": 11,
    # + units, themes, pledges (the matrix and the theme sections), phases (the report's kind),
    # the statistics without themes (6), the candidates (4)
    "report": 20,
    # the same with the unit and its heads instead of the tree of units
    "unit-report": 21,
}


@pytest.fixture(scope="module", params=[5, 300], ids=["5-units", "300-units"])
def grown_tree(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """(the department tree grown by grow(), its number of units): built once for the module
    per size, since the tests only read; each test's own writes (its login) are rolled back."""
    with records_for_the_module(django_db_blocker, tmp_path_factory.mktemp("office-queries")):
        department_tree = build_department_tree()
        grow(department_tree, request.param)
        yield department_tree, request.param


@pytest.mark.parametrize("name", list(BUDGETS))
def test_fixed_query_count(client, grown_tree, django_assert_num_queries, name):
    department_tree, units = grown_tree
    assert Unit.objects.count() == units
    client.force_login(department_tree.office)
    with django_assert_num_queries(BUDGETS[name]):
        response = client.get(page(name, department_tree))
    assert response.status_code == 200
    if name == "matrix" and units > reports.SUMMARIZE_OVER:
        assert response.context["matrix"].groups[0].summaries  # the large tree, summed up
    if name in ("candidates", "unit-report"):
        assert "Người thứ 2" in response.content.decode()  # unit B's accepted nomination
