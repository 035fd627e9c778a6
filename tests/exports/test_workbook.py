"""The campaign workbook, opened back with openpyxl and checked cell by cell: sheets, headers,
cell types and formats, frozen header rows, widths, and user text that stays text."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from pledges.models import Pledge
from tests.factories import commendation_form, make_commendation, make_nomination
from units.models import Unit

pytestmark = pytest.mark.django_db

SHEETS = [
    "Tổng hợp",
    "Theo dõi đăng ký thi đua",
    "Cam kết",
    "Báo cáo tiến độ",
    "Đề xuất khen thưởng",
    "Khen thưởng",
    "Điểm thi đua",
    "Xếp hạng",
]


def download(client, data):
    response = client.get(reverse("exports:workbook", args=[data.campaign.slug]))
    assert response.status_code == 200
    return response, load_workbook(io.BytesIO(response.content))


def headers(sheet) -> list[str]:
    return [cell.value for cell in sheet[1]]


def rows_by(sheet, column: str) -> dict:
    """Data rows keyed by the value of the column with this header."""
    index = headers(sheet).index(column)
    return {row[index].value: row for row in sheet.iter_rows(min_row=2)}


def test_the_download_is_an_attachment_named_after_the_campaign_and_day(office_client, data):
    response, _book = download(office_client, data)
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="{data.campaign.slug}-{today}.xlsx"'
    )
    assert "no-store" in response["Cache-Control"]


def test_sheets_in_order_with_frozen_bold_headers_and_filters(office_client, data):
    _response, book = download(office_client, data)
    assert book.sheetnames == SHEETS
    frozen = {"Theo dõi đăng ký thi đua": "B2", "Cam kết": "C2"}
    for sheet in book.worksheets:
        assert sheet.freeze_panes == frozen.get(sheet.title, "A2"), sheet.title
        assert all(cell.font.b for cell in sheet[1]), sheet.title
        assert all(cell.data_type == "s" for cell in sheet[1]), sheet.title
        assert sheet.auto_filter.ref.startswith("A1:"), sheet.title


def test_summary_values_have_their_types(office_client, data):
    _response, book = download(office_client, data)
    summary = {row[0].value: row[1] for row in book["Tổng hợp"].iter_rows(min_row=2)}
    assert headers(book["Tổng hợp"]) == ["Mục", "Giá trị"]
    assert summary["Phong trào"].value == data.campaign.title
    assert summary["Ngày bắt đầu"].value == dt.datetime(2022, 3, 25)
    assert summary["Ngày bắt đầu"].number_format == "dd/mm/yyyy"
    assert isinstance(summary["Thời điểm xuất dữ liệu"].value, dt.datetime)
    assert summary["Thời điểm xuất dữ liệu"].number_format == "dd/mm/yyyy hh:mm"
    active = Unit.objects.active().count()
    assert summary["Số đơn vị đang hoạt động"].value == active
    # only unit A has public pledges: the other units' pledges are a draft and a submission
    public_units = (
        Pledge.objects.public().filter(campaign=data.campaign).values("unit").distinct().count()
    )
    assert summary["Số đơn vị có cam kết đã duyệt"].value == public_units == 1
    # a third, rounded to a tenth of a percent and shown so: 33,3% (vi) or 33.3% (en) in Excel
    assert summary["Tỷ lệ tham gia"].value == pytest.approx(public_units / active, abs=0.001)
    whole = round(100 * public_units / active, 1).is_integer()
    assert summary["Tỷ lệ tham gia"].number_format == ("0%" if whole else "0.0%")
    assert (
        summary["Cam kết – Bản nháp"].value
        == Pledge.objects.filter(campaign=data.campaign, status="draft").count()
    )
    assert summary["Tin khen thưởng đã đăng"].value == 1  # not the draft nor the scheduled one
    assert summary["Đợt đánh giá đã công bố kết quả"].value == 1


def test_coverage_counts_pledges_by_unit_theme_and_status(office_client, data):
    _response, book = download(office_client, data)
    sheet = book["Theo dõi đăng ký thi đua"]
    header = headers(sheet)
    assert header[:5] == [
        "Đơn vị",
        "Tên viết tắt",
        "Đơn vị cấp trên",
        "Nội dung 1: Bản nháp",
        "Nội dung 1: Đã gửi duyệt",
    ]
    assert header[-1] == "Tổng số cam kết"
    assert len(header) == 3 + 4 * 5 + 1
    unit_a = rows_by(sheet, "Đơn vị")["Phòng Quản lý Thương mại"]
    assert [c.value for c in unit_a[3:8]] == [1, 1, 1, 1, 1]  # one per status, theme 1
    assert unit_a[-1].value == 5 and unit_a[-1].data_type == "n"
    assert unit_a[1].value == "QLTM"
    # the inactive unit is listed because it has a pledge in the campaign
    assert rows_by(sheet, "Đơn vị")["Đơn vị đã giải thể"][-1].value == 1


def test_pledges_carry_dates_numbers_and_percentages(office_client, data):
    _response, book = download(office_client, data)
    sheet = book["Cam kết"]
    header = headers(sheet)
    assert header[:12] == [
        "Mã số",
        "Đơn vị",
        "Nội dung thi đua",
        "Tên nội dung thi đua",
        "Cam kết",
        "Nội dung cam kết",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Thời hạn",
        "Trạng thái",
        "Tiến độ mới nhất (%)",
        "Lần báo cáo gần nhất",
    ]
    accepted = data.by_status["accepted"]
    row = rows_by(sheet, "Mã số")[accepted.pk]
    cell = dict(zip(header, row, strict=True))
    # an id is a number that names a record: no thousands separator, as for a document number
    assert cell["Mã số"].data_type == "n" and cell["Mã số"].number_format == "0"
    assert cell["Nội dung thi đua"].value == 1
    assert cell["Chỉ tiêu"].value == 100 and cell["Chỉ tiêu"].data_type == "n"
    assert cell["Thời hạn"].value == dt.datetime(2022, 12, 31)
    assert cell["Thời hạn"].number_format == "dd/mm/yyyy"
    assert cell["Trạng thái"].value == "Đã duyệt"
    assert cell["Tiến độ mới nhất (%)"].value == pytest.approx(0.6)
    assert cell["Tiến độ mới nhất (%)"].number_format == "0%"
    assert cell["Nội dung báo cáo gần nhất"].value == "Đã tiêm 60% công chức."
    assert cell["Nội dung báo cáo gần nhất"].alignment.wrap_text
    assert cell["Số báo cáo"].value == 1
    assert cell["Người gửi duyệt"].value is None or isinstance(cell["Người gửi duyệt"].value, str)
    assert cell["Đường dẫn"].value == f"http://testserver{accepted.get_absolute_url()}"
    assert sheet.column_dimensions["F"].width == 60  # the commitment: wide, wrapped
    assert 8 <= sheet.column_dimensions["A"].width <= 50
    assert sheet.max_row == 1 + Pledge.objects.filter(campaign=data.campaign).count()


@pytest.mark.parametrize(
    ("target", "number_format"),
    [("2500", "#,##0"), ("1234.5", "#,##0.0"), ("0.25", "#,##0.00")],
)
def test_quantities_stay_numbers_grouped_in_the_readers_notation(
    office_client, data, target, number_format
):
    """Excel shows "#,##0.0" as 1.234,5 in Vietnamese settings and 1,234.5 in English ones."""
    pledge = data.by_status["accepted"]
    Pledge.objects.filter(pk=pledge.pk).update(target_value=Decimal(target))
    _response, book = download(office_client, data)
    sheet = book["Cam kết"]
    cell = dict(zip(headers(sheet), rows_by(sheet, "Mã số")[pledge.pk], strict=True))
    assert cell["Chỉ tiêu"].data_type == "n"
    assert Decimal(str(cell["Chỉ tiêu"].value)) == Decimal(target)
    assert cell["Chỉ tiêu"].number_format == number_format
    assert cell["Nội dung thi đua"].number_format == "0"  # the theme's number names it


def test_text_typed_by_users_never_becomes_a_formula(office_client, data):
    pledge = data.by_status["draft"]
    Pledge.objects.filter(pk=pledge.pk).update(
        title='=HYPERLINK("http://evil.example","Bấm vào đây")',
        commitment="Dòng một\x0bdòng hai",  # a vertical tab pasted from a word processor
    )
    _response, book = download(office_client, data)
    sheet = book["Cam kết"]
    cell = dict(zip(headers(sheet), rows_by(sheet, "Mã số")[pledge.pk], strict=True))
    assert cell["Cam kết"].data_type == "s"
    assert cell["Cam kết"].value == '=HYPERLINK("http://evil.example","Bấm vào đây")'
    assert cell["Nội dung cam kết"].value == "Dòng mộtdòng hai"


def test_no_cell_of_the_workbook_is_a_formula(office_client, data):
    pledge = data.by_status["draft"]
    Pledge.objects.filter(pk=pledge.pk).update(
        title="Phòng A;=1+1", commitment="=SUM(A1);@A2", target_unit="-2+3"
    )
    _response, book = download(office_client, data)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    sheet = book["Cam kết"]
    cell = dict(zip(headers(sheet), rows_by(sheet, "Mã số")[pledge.pk], strict=True))
    # Typed as strings, so the text stays exactly as it was typed: no apostrophe is needed.
    assert [cell[name].value for name in ("Cam kết", "Nội dung cam kết", "Đơn vị tính")] == [
        "Phòng A;=1+1",
        "=SUM(A1);@A2",
        "-2+3",
    ]


def test_reports_nominations_and_commendations(office_client, data):
    _response, book = download(office_client, data)
    reports = book["Báo cáo tiến độ"]
    assert headers(reports) == [
        "Mã số", "Mã cam kết", "Cam kết", "Đơn vị", "Nội dung thi đua", "Tiến độ (%)",
        "Đã đạt", "Chỉ tiêu", "Đơn vị tính",
        "Nội dung báo cáo", "Người báo cáo", "Thời điểm báo cáo", "Ảnh minh chứng",
    ]  # fmt: skip
    by_text = rows_by(reports, "Nội dung báo cáo")
    photo_row = by_text["Đã tiêm 60% công chức."]
    assert photo_row[5].value == pytest.approx(0.6) and photo_row[5].number_format == "0%"
    assert photo_row[6].value is None  # reported in percent: no amount
    assert photo_row[10].value == "Nguyễn Văn An"
    assert photo_row[11].number_format == "dd/mm/yyyy hh:mm"
    assert photo_row[12].value == 1

    nominations = book["Đề xuất khen thưởng"]
    row = dict(zip(headers(nominations), next(nominations.iter_rows(min_row=2)), strict=True))
    assert row["Người được khen thưởng"].value == data.nomination.honoree_name
    assert row["Nội dung thi đua"].value == 2
    assert row["Trạng thái"].value == "Đã gửi duyệt"
    assert row["Người đề xuất"].value == "Nguyễn Văn An"

    commendations = rows_by(book["Khen thưởng"], "Tiêu đề")
    published = dict(zip(headers(book["Khen thưởng"]), commendations["Biểu dương Phòng QLTM"],
                         strict=True))  # fmt: skip
    assert published["Số quyết định"].value == "125/QĐ-SCT"
    assert published["Ngày quyết định"].value == dt.datetime(2022, 9, 2)
    assert published["Đang hiển thị công khai"].value == "Có"
    scheduled = dict(zip(headers(book["Khen thưởng"]), commendations["Tin hẹn giờ"], strict=True))
    assert scheduled["Đang hiển thị công khai"].value == "Không"
    assert scheduled["Đường dẫn"].value is None


def test_titles_and_forms_have_a_column_each(office_client, data):
    make_commendation(
        campaign=data.campaign, title="Lao động tiên tiến 2022",
        form=commendation_form("lao-dong-tien-tien"),
    )  # fmt: skip
    make_nomination(
        unit=data.unit_a, by=data.head, theme=data.campaign.themes.get(number=1),
        proposed_form=commendation_form("chien-si-thi-dua-co-so"),
    )  # fmt: skip
    _response, book = download(office_client, data)
    sheet = book["Khen thưởng"]
    by_title = rows_by(sheet, "Tiêu đề")
    row = lambda title: dict(zip(headers(sheet), [c.value for c in by_title[title]], strict=True))  # noqa: E731
    assert row("Lao động tiên tiến 2022")["Danh hiệu thi đua"] == "Lao động tiên tiến"
    assert row("Lao động tiên tiến 2022")["Hình thức khen thưởng"] is None
    assert row("Biểu dương Phòng QLTM")["Danh hiệu thi đua"] is None
    assert row("Biểu dương Phòng QLTM")["Hình thức khen thưởng"] == "Giấy khen của Giám đốc Sở"
    nominations = book["Đề xuất khen thưởng"]
    proposed = {
        (r["Danh hiệu thi đua đề nghị"], r["Hình thức khen thưởng đề nghị"])
        for r in (
            dict(zip(headers(nominations), [c.value for c in cells], strict=True))
            for cells in nominations.iter_rows(min_row=2)
        )
    }
    assert ("Chiến sĩ thi đua cơ sở", None) in proposed


def test_scores_and_rankings(office_client, data):
    _response, book = download(office_client, data)
    scores = book["Điểm thi đua"]
    assert headers(scores) == [
        "Đợt đánh giá", "Loại đánh giá", "Ngày đánh giá", "Trạng thái đợt", "Đơn vị",
        "Nội dung thi đua", "Tiêu chí", "Điểm tối đa", "Điểm", "Người chấm", "Lần sửa cuối",
    ]  # fmt: skip
    # 3 criteria × (3 active units + 1 inactive) × (published + draft round)
    assert scores.max_row - 1 == 3 * 4 * 2
    row = next(scores.iter_rows(min_row=2))
    assert row[2].number_format == "dd/mm/yyyy"
    assert row[7].data_type == "n" and row[8].data_type == "n"
    assert row[6].value.startswith("1.1. ") or row[6].value.startswith("2.1. ")

    rankings = book["Xếp hạng"]
    assert headers(rankings) == [
        "Đợt đánh giá", "Trạng thái đợt", "Hạng", "Đơn vị",
        "Nội dung 1", "Nội dung 2", "Nội dung 3", "Nội dung 4", "Tổng điểm",
    ]  # fmt: skip
    published = [
        r for r in rankings.iter_rows(min_row=2, values_only=True) if r[0] == "Sơ kết 6 tháng"
    ]
    totals = [r[8] for r in published]
    assert totals == sorted(totals, reverse=True)
    ranks = [r[2] for r in published]
    assert ranks[0] == 1 and all(isinstance(r, int) for r in ranks)
    assert Decimal(str(published[0][8])) == Decimal(str(published[0][4])) + Decimal(
        str(published[0][5])
    )


def test_english_headers_under_en(office_client, data):
    response = office_client.get("/en" + reverse("exports:workbook", args=[data.campaign.slug]))
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[:3] == ["Summary", "Registration tracking", "Pledges"]
    assert headers(book["Pledges"])[:3] == ["Id", "Unit", "Theme"]


def test_the_list_links_every_download(client, data):
    client.force_login(data.office)
    html = client.get(reverse("exports:list")).content.decode()
    assert reverse("exports:workbook", args=[data.campaign.slug]) in html
    assert reverse("exports:table", args=[data.campaign.slug, "scores"]) in html
    assert "Tải bảng tính Excel (XLSX)" in html


def test_the_campaign_admin_links_the_workbook(client, data):
    client.force_login(data.office)
    html = client.get(reverse("admin:campaign_campaign_change", args=[data.campaign.pk]))
    assert reverse("exports:workbook", args=[data.campaign.slug]) in html.content.decode()
