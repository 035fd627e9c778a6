"""The printable review report: the Vietnamese administrative layout, its numbered sections per
theme, the tables, the signature block and the print stylesheet."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from campaign.models import Campaign, CampaignPhase
from pledges.models import Pledge
from tests.factories import make_campaign, make_evidence, make_pledge, make_report, make_user

pytestmark = pytest.mark.django_db

S = Pledge.Status


def text(html: str) -> str:
    body = html.split('<article class="official-report">', 1)[1].split("</article>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


@pytest.fixture
def office_client(client, department_tree):
    client.force_login(department_tree.office)
    return client


def test_campaign_report_reads_as_an_official_document(office_client, department_tree):
    t1, t2, *_ = department_tree.themes
    done = make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_a,
        theme=t1,
        status=S.COMPLETED,
        title="Tiêm vắc xin cho công chức",
    )
    make_evidence(report=make_report(pledge=done, percent=100, by=department_tree.head_a))
    make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_b,
        theme=t2,
        status=S.DRAFT,
        title="Bản nháp chưa gửi",
    )
    html = office_client.get(reverse("office:report", args=[department_tree.campaign.slug])).content
    html = html.decode()
    page = text(html)
    today = timezone.localdate()
    month = f"{today.month:02d}" if today.month < 3 else str(today.month)
    assert "SỞ CÔNG THƯƠNG" in page  # the issuing body, in capitals
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page
    assert "Độc lập - Tự do - Hạnh phúc" in page
    assert f"Bến Tre, ngày {today.day:02d} tháng {month} năm {today.year}" in page
    assert "Số: /BC-……" in page  # the number is left for the clerk; no abbreviation set
    assert "BÁO CÁO" in page and "Kết quả thực hiện phong trào thi đua" in page
    assert "I. KẾT QUẢ CHUNG" in page
    assert "II. KẾT QUẢ THEO TỪNG NỘI DUNG THI ĐUA" in page
    for number, theme in enumerate(department_tree.themes, start=1):
        assert f"{number}. Nội dung {theme.number}: {theme.title}" in page
    assert "Tiêm vắc xin cho công chức" in page
    assert "Bản nháp chưa gửi" not in page  # drafts stay out of an official report
    assert "III. TỔNG HỢP THEO ĐƠN VỊ" in page
    assert "IV. ĐỀ XUẤT KHEN THƯỞNG" in page
    assert "Nơi nhận: - Lưu: VT." in page and "THỦ TRƯỞNG CƠ QUAN" in page
    assert "(Ký, ghi rõ họ tên" not in page  # a form's hint, not part of a document
    assert 'href="/static/portal/print.css"' in html
    assert "style=" not in html


def test_the_report_kind_follows_the_review_phase_or_the_choice(office_client, department_tree):
    url = reverse("office:report", args=[department_tree.campaign.slug])
    today = timezone.localdate()
    CampaignPhase.objects.create(
        campaign=department_tree.campaign,
        kind=CampaignPhase.Kind.PRELIMINARY_REVIEW,
        starts_on=today - dt.timedelta(days=3),
        ends_on=today + dt.timedelta(days=3),
    )
    assert "Sơ kết phong trào thi đua" in text(office_client.get(url).content.decode())
    final = text(office_client.get(url, {"kind": "final"}).content.decode())
    assert "Tổng kết phong trào thi đua" in final


def test_unit_report_names_the_unit_and_its_head(office_client, department_tree):
    t1, *_ = department_tree.themes
    make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_a,
        theme=t1,
        status=S.ACCEPTED,
        title="Bình ổn giá",
        latest_percent=40,
    )
    make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_b,
        theme=t1,
        status=S.ACCEPTED,
        title="Của phòng khác",
    )
    url = reverse(
        "office:unit-report", args=[department_tree.campaign.slug, department_tree.unit_a.slug]
    )
    page = text(office_client.get(url).content.decode())
    assert "SỞ CÔNG THƯƠNG" in page and "PHÒNG QUẢN LÝ THƯƠNG MẠI" in page
    assert "của Phòng Quản lý Thương mại" in page
    assert "Bình ổn giá" in page and "40%" in page
    assert "Của phòng khác" not in page
    assert "Đơn vị có cam kết ở 1 trong 4 nội dung thi đua" in page
    # Issued by the division under the department, signed by its head as a head of division.
    assert page.startswith(" SỞ CÔNG THƯƠNG PHÒNG QUẢN LÝ THƯƠNG MẠI Số: /BC-")
    assert "Nơi nhận: - Sở Công Thương (để tổng hợp); - Lưu: VT. TRƯỞNG PHÒNG Nguyễn Văn An" in page


def test_the_print_stylesheet_sets_a4_and_hides_the_portal_around_the_report():
    css = Path(finders.find("portal/print.css")).read_text(encoding="utf-8")
    assert "@page { size: A4;" in css
    assert "@media print" in css
    printed = css.split("@media print", 1)[1]
    assert ".portal-header" in printed and ".portal-footer" in printed and ".no-print" in printed


REPORT_FIELDS = {
    "title": "Phát động hưởng ứng Phong trào thi đua đặc biệt “Ngành Công Thương chung sức”",
    "governing_body": "UBND tỉnh Bến Tre",
    "letterhead_name": "Sở Công Thương",
    "issuer_code": "SCT",
    "movement": "Phong trào thi đua đặc biệt “Ngành Công Thương chung sức”",
    "signer_on_behalf_of": "Giám đốc",
    "signer_position": "Phó Giám đốc",
    "signer_name": "Lê Văn Cường",
    "report_recipients": (
        "- Bộ Công Thương (để b/c);\nUBND tỉnh (để b/c)\n\nBan Giám đốc Sở\n"
        "Các phòng, đơn vị thuộc Sở\nLưu: VT, VP."
    ),
}


def campaign_report(client, campaign, **params) -> str:
    response = client.get(reverse("office:report", args=[campaign.slug]), params)
    return text(response.content.decode())


def test_the_report_prints_the_campaigns_letterhead_abstract_and_signer(
    office_client, department_tree
):
    for name, value in REPORT_FIELDS.items():
        setattr(department_tree.campaign, name, value)
    department_tree.campaign.save()
    page = campaign_report(office_client, department_tree.campaign, kind="preliminary")
    # Governing body over the issuing body, then the number/symbol, then the motto.
    assert page.startswith(
        " UBND TỈNH BẾN TRE SỞ CÔNG THƯƠNG Số: /BC-SCT CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
        "Độc lập - Tự do - Hạnh phúc Bến Tre, ngày "
    )
    # The abstract names the movement, not the announcement's headline.
    assert "BÁO CÁO Sơ kết Phong trào thi đua đặc biệt “Ngành Công Thương chung sức” I." in page
    assert "Phát động hưởng ứng" not in page
    assert page.endswith(
        " Nơi nhận: - Bộ Công Thương (để b/c); - UBND tỉnh (để b/c); - Ban Giám đốc Sở; "
        "- Các phòng, đơn vị thuộc Sở; - Lưu: VT, VP. KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lê Văn Cường "
    )
    assert "(Ký, ghi rõ họ tên" not in page


def test_the_head_signs_without_kt(office_client, department_tree):
    department_tree.campaign.signer_position = "Giám đốc"
    department_tree.campaign.signer_name = "Trần Văn Dũng"
    department_tree.campaign.save()
    page = campaign_report(office_client, department_tree.campaign)
    assert page.endswith(" GIÁM ĐỐC Trần Văn Dũng ")
    assert "KT." not in page


def test_another_departments_campaign_prints_its_own_letterhead(office_client, department_tree):
    for name, value in REPORT_FIELDS.items():
        setattr(department_tree.campaign, name, value)
    department_tree.campaign.save()
    other = make_campaign(
        title="Thi đua hoàn thành kế hoạch năm 2023",
        issuing_body="Sở Tài chính tỉnh Vĩnh Long",
        issuing_place="Vĩnh Long",
        governing_body="UBND tỉnh Vĩnh Long",
        letterhead_name="Sở Tài chính",
        issuer_code="STC",
        movement="Phong trào thi đua “Tài chính Vĩnh Long hoàn thành kế hoạch”",
        signer_position="Giám đốc",
        signer_name="Phan Thị Hoa",
        report_recipients="UBND tỉnh (để b/c)\nLưu: VT, TĐKT",
    )
    page = campaign_report(office_client, other, kind="final")
    assert page.startswith(" UBND TỈNH VĨNH LONG SỞ TÀI CHÍNH Số: /BC-STC ")
    assert "Vĩnh Long, ngày " in page
    assert "BÁO CÁO Tổng kết Phong trào thi đua “Tài chính Vĩnh Long hoàn thành kế hoạch”" in page
    assert page.endswith(" Nơi nhận: - UBND tỉnh (để b/c); - Lưu: VT, TĐKT. GIÁM ĐỐC Phan Thị Hoa ")
    assert "BẾN TRE" not in page and "SCT" not in page and "Lê Văn Cường" not in page


def test_the_fixture_campaigns_report_is_signed_and_sent_as_the_department_does(
    client, fixture_campaign
):
    client.force_login(make_user(office=True))
    page = campaign_report(client, fixture_campaign, kind="preliminary")
    assert page.startswith(" UBND TỈNH BẾN TRE SỞ CÔNG THƯƠNG Số: /BC-SCT ")
    assert (
        "BÁO CÁO Sơ kết Phong trào thi đua đặc biệt “Ngành Công Thương đoàn kết, chung sức, đồng "
        "lòng thi đua phòng, chống và chiến thắng đại dịch COVID-19” I." in page
    )
    assert page.endswith(
        " Nơi nhận: - Bộ Công Thương (để b/c); - UBND tỉnh (để b/c); - Ban Giám đốc Sở; "
        "- Các phòng, đơn vị thuộc Sở; - Lưu: VT, VP. GIÁM ĐỐC "
    )


def test_a_campaign_made_before_the_report_fields_prints_the_general_form(
    office_client, department_tree
):
    empty = {
        f"{name}_{lang}": None
        for name in ("governing_body", "letterhead_name", "movement", "signer_position")
        for lang in ("vi", "en")
    }
    Campaign.objects.filter(pk=department_tree.campaign.pk).update(
        **empty, report_recipients_vi=None, report_recipients_en=None
    )
    page = campaign_report(office_client, department_tree.campaign, kind="final")
    assert page.startswith(" SỞ CÔNG THƯƠNG Số: /BC-…… ")
    assert "BÁO CÁO Tổng kết phong trào thi đua Phong trào thi đua phòng, chống dịch I." in page
    assert page.endswith(" Nơi nhận: - Lưu: VT. THỦ TRƯỞNG CƠ QUAN ")


def test_the_issuer_abbreviation_is_written_as_it_ends_a_symbol(department_tree):
    department_tree.campaign.issuer_code = "sct"
    with pytest.raises(ValidationError, match="chữ in hoa"):
        department_tree.campaign.full_clean()
    department_tree.campaign.issuer_code = "VP-SCT"
    department_tree.campaign.full_clean()
