"""The printable review report: the Vietnamese administrative layout, its numbered sections per
theme, the tables, the signature block and the print stylesheet."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from campaign.models import CampaignPhase
from pledges.models import Pledge
from tests.factories import make_evidence, make_pledge, make_report

pytestmark = pytest.mark.django_db

S = Pledge.Status


def text(html: str) -> str:
    body = html.split('<article class="official-report">', 1)[1].split("</article>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


@pytest.fixture
def office_client(client, world):
    client.force_login(world.office)
    return client


def test_campaign_report_reads_as_an_official_document(office_client, world):
    t1, t2, *_ = world.themes
    done = make_pledge(
        campaign=world.campaign,
        unit=world.unit_a,
        theme=t1,
        status=S.COMPLETED,
        title="Tiêm vắc xin cho công chức",
    )
    make_evidence(report=make_report(pledge=done, percent=100, by=world.head_a))
    make_pledge(
        campaign=world.campaign,
        unit=world.unit_b,
        theme=t2,
        status=S.DRAFT,
        title="Bản nháp chưa gửi",
    )
    html = office_client.get(reverse("office:report", args=[world.campaign.slug])).content
    html = html.decode()
    page = text(html)
    today = timezone.localdate()
    month = f"{today.month:02d}" if today.month < 3 else str(today.month)
    assert "SỞ CÔNG THƯƠNG" in page  # the issuing body, in capitals
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page
    assert "Độc lập - Tự do - Hạnh phúc" in page
    assert f"Bến Tre, ngày {today.day:02d} tháng {month} năm {today.year}" in page
    assert "Số: ……/BC-……" in page
    assert "BÁO CÁO" in page and "Kết quả thực hiện phong trào thi đua" in page
    assert "I. KẾT QUẢ CHUNG" in page
    assert "II. KẾT QUẢ THEO TỪNG NỘI DUNG THI ĐUA" in page
    for number, theme in enumerate(world.themes, start=1):
        assert f"{number}. Nội dung {theme.number}: {theme.title}" in page
    assert "Tiêm vắc xin cho công chức" in page
    assert "Bản nháp chưa gửi" not in page  # drafts stay out of an official report
    assert "III. TỔNG HỢP THEO ĐƠN VỊ" in page
    assert "IV. ĐỀ XUẤT KHEN THƯỞNG" in page
    assert "Nơi nhận:" in page and "THỦ TRƯỞNG CƠ QUAN" in page
    assert "(Ký, ghi rõ họ tên, đóng dấu)" in page
    assert 'href="/static/portal/print.css"' in html
    assert "style=" not in html


def test_the_report_kind_follows_the_review_phase_or_the_choice(office_client, world):
    url = reverse("office:report", args=[world.campaign.slug])
    today = timezone.localdate()
    CampaignPhase.objects.create(
        campaign=world.campaign,
        kind=CampaignPhase.Kind.PRELIMINARY_REVIEW,
        starts_on=today - dt.timedelta(days=3),
        ends_on=today + dt.timedelta(days=3),
    )
    assert "Sơ kết phong trào thi đua" in text(office_client.get(url).content.decode())
    final = text(office_client.get(url, {"kind": "final"}).content.decode())
    assert "Tổng kết phong trào thi đua" in final


def test_unit_report_names_the_unit_and_its_head(office_client, world):
    t1, *_ = world.themes
    make_pledge(
        campaign=world.campaign,
        unit=world.unit_a,
        theme=t1,
        status=S.ACCEPTED,
        title="Bình ổn giá",
        latest_percent=40,
    )
    make_pledge(
        campaign=world.campaign,
        unit=world.unit_b,
        theme=t1,
        status=S.ACCEPTED,
        title="Của phòng khác",
    )
    url = reverse("office:unit-report", args=[world.campaign.slug, world.unit_a.slug])
    page = text(office_client.get(url).content.decode())
    assert "SỞ CÔNG THƯƠNG" in page and "PHÒNG QUẢN LÝ THƯƠNG MẠI" in page
    assert "của Phòng Quản lý Thương mại" in page
    assert "Bình ổn giá" in page and "40%" in page
    assert "Của phòng khác" not in page
    assert "Đơn vị có cam kết ở 1 trong 4 nội dung thi đua" in page
    assert "THỦ TRƯỞNG ĐƠN VỊ" in page and "Nguyễn Văn An" in page


def test_the_print_stylesheet_sets_a4_and_hides_the_portal_around_the_report():
    css = Path(finders.find("portal/print.css")).read_text(encoding="utf-8")
    assert "@page { size: A4;" in css
    assert "@media print" in css
    printed = css.split("@media print", 1)[1]
    assert ".portal-header" in printed and ".portal-footer" in printed and ".no-print" in printed
