"""The campaign page leads with where the campaign stands; the announcement is a page of its own."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from campaign.models import Campaign, CampaignPhase
from tests.factories import make_campaign, make_pledge, make_report, make_round, make_unit

pytestmark = pytest.mark.django_db

SLUG = "nganh-cong-thuong-doan-ket-phong-chong-covid-19"


def text_of(response) -> str:
    """The main content as a reader sees it: tags dropped, spaces collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_the_page_leads_with_state_figures_and_themes_not_the_announcement(
    client, fixture_campaign
):
    response = client.get(f"/campaigns/{SLUG}/")
    text = text_of(response)
    # The ~1,000 words of the announcement are one click away; the summary stays.
    assert "mở chuyên trang, chuyên mục về biểu dương gương điển hình" not in text
    assert fixture_campaign.summary_vi.split()[0] in text
    link = reverse("campaign:announcement", args=[SLUG])
    assert f'href="{link}">Đọc toàn văn thông báo phát động</a>' in response.content.decode()
    state = text.index("Đã kết thúc")
    figures = text.index("Đơn vị tham gia")
    themes = text.index("Nội dung thi đua")
    latest = text.index("Tiến độ mới nhất")
    legal = text.index("Căn cứ pháp lý")
    assert state < figures < themes < latest < legal
    for theme in fixture_campaign.themes.all():
        assert themes < text.index(theme.title_vi) < latest


def test_an_ended_campaign_says_so_with_its_end_date(client, fixture_campaign):
    text = text_of(client.get(f"/campaigns/{SLUG}/"))
    assert "Phong trào đã kết thúc ngày 31/12/2022." in text
    assert "Ended The campaign ended on 31/12/2022." in text_of(
        client.get(f"/en/campaigns/{SLUG}/")
    )


def test_a_running_campaign_shows_the_current_phase_and_its_countdown(client):
    today = timezone.localdate()
    campaign = make_campaign(starts_on=today - dt.timedelta(days=10), ends_on=today.replace(
        year=today.year + 1))  # fmt: skip
    for kind, start, end in [
        ("launch", -10, -5),
        ("registration", -4, 12),
        ("implementation", -4, 200),
    ]:
        CampaignPhase.objects.create(
            campaign=campaign,
            kind=kind,
            starts_on=today + dt.timedelta(days=start),
            ends_on=today + dt.timedelta(days=end),
        )
    deadline = (today + dt.timedelta(days=12)).strftime("%d/%m/%Y")
    text = text_of(client.get(campaign.get_absolute_url()))
    assert f"Đang triển khai Đăng ký thi đua : còn 12 ngày (hạn {deadline})" in text
    en = text_of(client.get("/en" + campaign.get_absolute_url()))
    assert f"Under way Registration of pledges : 12 days left (deadline {deadline})" in en


def test_a_campaign_not_yet_started_gives_its_first_day(client):
    start = timezone.localdate() + dt.timedelta(days=30)
    campaign = make_campaign(starts_on=start, ends_on=start + dt.timedelta(days=200))
    text = text_of(client.get(campaign.get_absolute_url()))
    assert f"Sắp triển khai Phong trào bắt đầu từ ngày {start.strftime('%d/%m/%Y')}." in text


def test_key_figures_count_units_accepted_pledges_and_average_progress(client, fixture_campaign):
    theme = fixture_campaign.themes.get(number=1)
    first, second = make_unit(), make_unit()
    make_report(pledge=make_pledge(status="accepted", theme=theme, unit=first), percent=40)
    make_report(pledge=make_pledge(status="accepted", theme=theme, unit=first), percent=80)
    make_pledge(status="accepted", theme=theme, unit=second)
    make_pledge(status="submitted", theme=theme, unit=make_unit())  # not public: not counted
    text = text_of(client.get(f"/campaigns/{SLUG}/"))
    assert "Đơn vị tham gia 2 Cam kết đã duyệt 3 Tiến độ trung bình 40%" in text


def test_leaderboard_link_only_once_a_scoring_round_is_published(client, fixture_campaign):
    leaderboard = reverse("scoring:leaderboard", args=[SLUG])
    make_round(campaign=fixture_campaign, status="draft")
    assert leaderboard not in client.get(f"/campaigns/{SLUG}/").content.decode()
    assert "Bảng xếp hạng" not in text_of(client.get(f"/campaigns/{SLUG}/"))
    make_round(campaign=fixture_campaign)
    html = client.get(f"/campaigns/{SLUG}/").content.decode()
    assert f'href="{leaderboard}">Bảng xếp hạng</a>' in html


def test_announcement_page_is_reached_from_the_campaign_with_breadcrumbs(client, fixture_campaign):
    response = client.get(reverse("campaign:announcement", args=[SLUG]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Thông báo phát động:" in html
    crumbs = html[html.index('class="breadcrumb"') : html.index("</ol>")]
    assert f'href="/campaigns/{SLUG}/"' in crumbs
    assert 'aria-current="page">Thông báo phát động</li>' in crumbs
    assert "data-print" in html  # a print button, shown by the page's script
    assert "print.css" in html


def test_a_draft_campaign_has_no_announcement_page(client, db):
    draft = make_campaign(status=Campaign.Status.DRAFT)
    assert client.get(reverse("campaign:announcement", args=[draft.slug])).status_code == 404
