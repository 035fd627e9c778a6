"""The office's inbox at /office/ ("Việc cần xử lý"): what waits, how long, and where it is
handled; and the same counts as badges on the header's office menu."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from campaign.models import Campaign, CampaignPhase
from pledges.models import Pledge
from tests.factories import make_campaign, make_nomination, make_pledge

pytestmark = pytest.mark.django_db

S = Pledge.Status


def ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def inbox(client, department_tree, **params) -> str:
    client.force_login(department_tree.office)
    response = client.get(reverse("office:index"), params)
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, anchor: str) -> str:
    """The text of one row of the panel, found by its heading's id."""
    start = html.index(f'aria-labelledby="{anchor}"')
    return html[start : html.index("</section>", start)]


def test_an_empty_inbox_says_so_for_every_row(client, department_tree):
    html = inbox(client, department_tree)
    assert "<h1" in html and department_tree.campaign.title in html
    assert "Việc cần xử lý" in html
    assert "Không có cam kết nào chờ duyệt." in html
    assert "Không có đề xuất khen thưởng nào chờ duyệt." in html
    assert "Không có cam kết nào quá 30 ngày chưa báo cáo tiến độ." in html
    assert "Không có cam kết nào quá hạn." in html
    assert "Không có giai đoạn nào kết thúc trong 14 ngày tới." in html
    assert "nav-badge" not in html  # nothing waits: no badge on the menu


def test_waiting_pledges_are_listed_oldest_first_with_their_age(client, department_tree):
    common = {
        "campaign": department_tree.campaign,
        "theme": department_tree.themes[0],
        "status": S.SUBMITTED,
    }
    make_pledge(unit=department_tree.unit_a, title="Gửi hôm qua", submitted_at=ago(1), **common)
    make_pledge(unit=department_tree.unit_b, title="Gửi lâu nhất", submitted_at=ago(5), **common)
    make_pledge(
        unit=department_tree.unit_a, title="Gửi hôm nay", submitted_at=timezone.now(), **common
    )
    make_pledge(
        unit=department_tree.unit_a,
        title="Bản nháp",
        status=S.DRAFT,
        campaign=department_tree.campaign,
    )
    html = section(inbox(client, department_tree), "inbox-reviews")
    titles = re.findall(r'href="/review/\d+/">([^<]+)</a>', html)
    assert titles == ["Gửi lâu nhất", "Gửi hôm qua", "Gửi hôm nay"]
    assert "chờ 5 ngày" in html and "chờ 1 ngày" in html and "gửi hôm nay" in html
    assert "Phòng Quản lý Công nghiệp" in html  # the unit that sent it
    assert f'href="{reverse("pledges:review-queue")}">Xem tất cả (3)</a>' in html
    assert '<span class="inbox-count">3</span>' in html


def test_only_the_first_few_are_listed_and_the_count_is_all(client, department_tree):
    for days in range(7):
        make_pledge(
            campaign=department_tree.campaign,
            unit=department_tree.unit_a,
            status=S.SUBMITTED,
            submitted_at=ago(days),
        )
    html = section(inbox(client, department_tree), "inbox-reviews")
    assert len(re.findall(r'href="/review/\d+/"', html)) == 5
    assert "chờ 6 ngày" in html and "chờ 1 ngày" not in html
    assert "Xem tất cả (7)" in html


def test_waiting_nominations_link_to_the_admin_filtered_to_them(client, department_tree):
    make_nomination(
        unit=department_tree.unit_a, by=department_tree.head_a, theme=department_tree.themes[0]
    )
    make_nomination(
        unit=department_tree.unit_b, by=department_tree.head_b, theme=department_tree.themes[1]
    )
    html = section(inbox(client, department_tree), "inbox-nominations")
    assert '<span class="inbox-count">2</span>' in html
    admin = reverse("admin:news_nomination_changelist")
    assert f'href="{admin}?status__exact=submitted"' in html
    response = client.get(f"{admin}?status__exact=submitted")
    assert response.status_code == 200


def test_progress_overdue_uses_the_reminders_rule_and_lists_pledges_past_due(
    client, department_tree, settings
):
    settings.PLEDGE_STALE_DAYS = 20
    today = timezone.localdate()
    common = {
        "campaign": department_tree.campaign,
        "unit": department_tree.unit_a,
        "status": S.ACCEPTED,
    }
    later = today + dt.timedelta(days=30)
    make_pledge(title="Im lặng", reviewed_at=ago(25), due_on=later, **common)  # 25 days silent
    make_pledge(title="Mới duyệt", reviewed_at=ago(10), due_on=later, **common)
    make_pledge(title="Trễ hạn", due_on=today - dt.timedelta(days=3), **common)
    make_pledge(
        title="Đã xong",
        campaign=department_tree.campaign,
        unit=department_tree.unit_a,
        status=S.COMPLETED,
        due_on=today - dt.timedelta(days=9),
    )
    other = make_campaign(title="Phong trào khác")
    yesterday = today - dt.timedelta(days=1)
    make_pledge(campaign=other, status=S.ACCEPTED, reviewed_at=ago(90), due_on=yesterday)
    html = section(
        inbox(client, department_tree, campaign=department_tree.campaign.slug), "inbox-progress"
    )
    matrix = reverse("office:matrix", args=[department_tree.campaign.slug])
    assert f'href="{matrix}?flag=stale&amp;days=20"' in html
    assert "1 cam kết đã duyệt quá 20 ngày chưa báo cáo tiến độ" in html
    assert "1 cam kết đã duyệt quá hạn mà chưa hoàn thành" in html
    assert ">Trễ hạn</a>" in html and "quá hạn 3 ngày" in html
    assert "Đã xong" not in html


def test_the_current_phase_and_phases_ending_soon(client, department_tree):
    today = timezone.localdate()
    day = dt.timedelta(days=1)
    CampaignPhase.objects.create(
        campaign=department_tree.campaign,
        kind=CampaignPhase.Kind.REGISTRATION,
        starts_on=today - 10 * day,
        ends_on=today + 12 * day,
    )
    CampaignPhase.objects.create(
        campaign=department_tree.campaign,
        kind=CampaignPhase.Kind.PRELIMINARY_REVIEW,
        starts_on=today + 13 * day,
        ends_on=today + 14 * day,
    )
    CampaignPhase.objects.create(
        campaign=department_tree.campaign,
        kind=CampaignPhase.Kind.FINAL_REVIEW,
        starts_on=today + 20 * day,
        ends_on=today + 30 * day,
    )
    html = section(inbox(client, department_tree), "inbox-phases")
    assert '<span class="inbox-count">2</span>' in html
    assert "Giai đoạn hiện tại:" in html and "Đăng ký thi đua" in html and "còn 12 ngày" in html
    assert "Sơ kết" in html
    assert "Tổng kết" not in html  # ends in 30 days


def test_another_campaign_is_shown_when_asked(client, department_tree):
    other = make_campaign(title="Phong trào thi đua chuyển đổi số")
    html = inbox(client, department_tree, campaign=other.slug)
    assert "Phong trào thi đua chuyển đổi số" in html


def test_the_office_menu_counts_what_waits_and_no_one_else_sees_it(client, department_tree):
    make_pledge(campaign=department_tree.campaign, unit=department_tree.unit_a, status=S.SUBMITTED)
    make_pledge(campaign=department_tree.campaign, unit=department_tree.unit_b, status=S.SUBMITTED)
    make_nomination(
        unit=department_tree.unit_a, by=department_tree.head_a, theme=department_tree.themes[0]
    )
    client.force_login(department_tree.office)
    html = client.get(reverse("home")).content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    summary = header[header.index("<summary") : header.index("</summary>")]
    assert '<span class="badge rounded-pill nav-badge" aria-hidden="true">3</span>' in summary
    assert "3 việc đang chờ" in summary
    assert "Cam kết chờ duyệt" in header
    review = header[header.index(reverse("pledges:review-queue")) :]
    assert review.index(">2</span>") < review.index("</a>")
    nominations = header[header.index(reverse("news:nomination-list")) :]
    assert nominations.index(">1</span>") < nominations.index("</a>")
    client.force_login(
        department_tree.head_a
    )  # a unit head sees no badge: the counts are the office's
    html = client.get(reverse("home")).content.decode()
    assert "Nguyễn Văn An" in html
    assert "nav-badge" not in html and "việc đang chờ" not in html


@pytest.fixture
def draft(department_tree):
    return make_campaign(status=Campaign.Status.DRAFT, title="Phong trào dự thảo")


def test_the_index_opens_the_campaign_asked_for(client, department_tree, draft):
    client.force_login(department_tree.office)
    response = client.get(reverse("office:index"), {"campaign": draft.slug})
    assert response.context["campaign"] == draft
    assert reverse("office:matrix", args=[draft.slug]) in response.content.decode()
    # An unknown one falls back to the current campaign.
    response = client.get(reverse("office:index"), {"campaign": "khong-co"})
    assert response.context["campaign"] == department_tree.campaign


def test_the_index_without_any_campaign_says_so(client, db):
    from tests.factories import make_user

    client.force_login(make_user(office=True))
    response = client.get(reverse("office:index"))
    assert response.status_code == 200
    assert "Chưa có phong trào nào" in response.content.decode()


def test_the_header_links_the_dashboard_for_staff_only(client, department_tree):
    client.force_login(department_tree.head_a)
    assert reverse("office:index") not in client.get("/").content.decode()
    client.force_login(department_tree.office)
    assert reverse("office:index") in client.get("/").content.decode()
