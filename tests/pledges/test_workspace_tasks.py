"""The top of the workspace: each running campaign's phase and deadline, and what waits for the
head ("Việc cần làm"), each with one action; built with a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from campaign.models import CampaignPhase
from pledges.models import Pledge
from tests.factories import make_campaign, make_pledge, make_report, make_role, make_unit

pytestmark = pytest.mark.django_db

S = Pledge.Status
URL = "/workspace/"


def html_of(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("pledges:workspace")).content.decode()


def todo(html: str) -> str:
    """The to-do part of the page, so a pledge card further down does not count."""
    start = html.index("Việc cần làm")
    return html[start : html.index("</section>", start)]


def running_campaign(**kw):
    today = timezone.localdate()
    campaign = make_campaign(
        starts_on=today - dt.timedelta(days=30), ends_on=today + dt.timedelta(days=200), **kw
    )
    CampaignPhase.objects.create(
        campaign=campaign,
        kind=CampaignPhase.Kind.REGISTRATION,
        starts_on=today - dt.timedelta(days=10),
        ends_on=today + dt.timedelta(days=12),
    )
    return campaign


def test_the_phase_now_and_its_deadline(client, two_units):
    campaign = running_campaign()
    html = html_of(client, two_units.head_a)
    deadline = (timezone.localdate() + dt.timedelta(days=12)).strftime("%d/%m/%Y")
    assert "Đăng ký thi đua: còn 12 ngày" in html
    assert f"hạn {deadline}" in html
    assert campaign.title in html


def test_an_ended_campaign_says_so(client, two_units):
    # The fixture campaign ran in 2022 and is still marked as launched.
    html = html_of(client, two_units.head_a)
    assert "Phong trào đã kết thúc ngày 31/12/2022." in html


def test_nothing_waiting_is_said_plainly(client, two_units):
    make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.SUBMITTED)
    html = html_of(client, two_units.head_a)
    assert "Không có việc nào đang chờ." in html


def test_each_waiting_pledge_has_its_one_action(client, two_units):
    today = timezone.localdate()
    returned = make_pledge(
        campaign=two_units.campaign, unit=two_units.unit_a, status=S.RETURNED,
        review_note="Cần ghi rõ số doanh nghiệp theo từng quý.",
    )  # fmt: skip
    draft = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.DRAFT)
    overdue = make_pledge(
        campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED,
        due_on=two_units.campaign.ends_on, latest_percent=40,
    )  # fmt: skip
    stale = make_pledge(
        campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED,
        due_on=today + dt.timedelta(days=60),
        reviewed_at=timezone.now() - dt.timedelta(days=45),
    )  # fmt: skip
    fresh = make_pledge(
        campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED,
        due_on=today + dt.timedelta(days=60),
    )  # fmt: skip
    make_report(pledge=fresh, percent=20)
    waiting_review = make_pledge(
        campaign=two_units.campaign, unit=two_units.unit_a, status=S.SUBMITTED
    )
    others = make_pledge(campaign=two_units.campaign, unit=two_units.unit_b, status=S.RETURNED)

    part = todo(html_of(client, two_units.head_a))
    assert "Không có việc nào đang chờ." not in part
    assert "Cần ghi rõ số doanh nghiệp theo từng quý." in part
    assert f'href="{reverse("pledges:update", args=[returned.pk])}">Sửa và gửi lại</a>' in part
    assert f'href="{reverse("pledges:submit", args=[draft.pk])}">Gửi duyệt</a>' in part
    assert f'href="{reverse("pledges:report", args=[overdue.pk])}">Báo cáo tiến độ</a>' in part
    assert "Đã quá hạn (ngày 31/12/2022) nhưng chưa hoàn thành: tiến độ mới đạt 40%." in part
    assert f'href="{reverse("pledges:report", args=[stale.pk])}">Báo cáo tiến độ</a>' in part
    assert "Chưa báo cáo tiến độ kể từ khi được duyệt ngày" in part
    for absent in (fresh, waiting_review, others):
        assert absent.title not in part
    # Most urgent first: what the office sent back, then drafts, then progress.
    order = [part.index(p.title) for p in (returned, draft, overdue, stale)]
    assert order == sorted(order)
    assert part.count('class="btn btn-sm btn-primary task-action"') == 4


@override_settings(PLEDGE_STALE_DAYS=10)
def test_stale_follows_the_reminders_number_of_days(client, two_units):
    today = timezone.localdate()
    pledge = make_pledge(
        campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED,
        due_on=today + dt.timedelta(days=60),
    )  # fmt: skip
    make_report(pledge=pledge, reported_at=timezone.now() - dt.timedelta(days=11))
    part = todo(html_of(client, two_units.head_a))
    assert pledge.title in part and "đã hơn 10 ngày" in part
    assert Pledge.objects.stale(days=10).filter(pk=pledge.pk).exists()  # the reminders' rule


def test_a_head_of_several_units_sees_whose_pledge_each_is(client, two_units):
    unit_c = make_unit(name="Trung tâm Khuyến công")
    make_role(user=two_units.head_a, unit=unit_c)
    make_pledge(campaign=two_units.campaign, unit=unit_c, status=S.DRAFT, title="Cam kết của C")
    part = todo(html_of(client, two_units.head_a))
    assert "Cam kết của C" in part and "Trung tâm Khuyến công" in part


def grow(two_units, n: int, units: list) -> None:
    statuses = [S.DRAFT, S.RETURNED, S.ACCEPTED, S.SUBMITTED, S.COMPLETED]
    old = timezone.now() - dt.timedelta(days=90)
    for i in range(n):
        make_pledge(
            campaign=two_units.campaign,
            unit=units[i % len(units)],
            status=statuses[i % len(statuses)],
            reviewed_at=old,
        )


@pytest.mark.parametrize("n", [1, 40], ids=["1-pledge", "40-pledges"])
def test_fixed_query_count_over_several_units(client, two_units, django_assert_num_queries, n):
    units = [two_units.unit_a] + [make_unit() for _ in range(2)]
    for unit in units[1:]:
        make_role(user=two_units.head_a, unit=unit)
    running_campaign()  # a second active campaign, with its phase
    grow(two_units, n, units)
    client.force_login(two_units.head_a)
    # session, user, units, active campaigns, their phases, their themes, the units' pledges,
    # footer campaign
    with django_assert_num_queries(8):
        response = client.get(reverse("pledges:workspace"))
    html = response.content.decode()
    assert html.count('class="btn btn-sm btn-primary task-action"') == len(
        [i for i in range(n) if i % 5 in (0, 1, 2)]
    )
