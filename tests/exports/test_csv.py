"""One CSV per table: UTF-8 with a byte-order mark (Excel then reads Vietnamese correctly),
read back with the csv module."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from office.exports.tables import TABLES
from pledges.models import Pledge

pytestmark = pytest.mark.django_db

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def read(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("table", list(TABLES))
def test_every_table_downloads_as_csv(office_client, data, table):
    response = office_client.get(reverse("exports:table", args=[data.campaign.slug, table]))
    rows = read(response)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="{data.campaign.slug}-{table}-{today}.csv"'
    )
    assert len(rows) > 1
    assert len({len(row) for row in rows}) == 1  # every row as wide as the header


def test_vietnamese_text_numbers_and_dates_survive(office_client, data):
    rows = read(office_client.get(reverse("exports:table", args=[data.campaign.slug, "pledges"])))
    header = rows[0]
    assert header[:4] == ["Mã số", "Đơn vị", "Nội dung thi đua", "Tên nội dung thi đua"]
    accepted = data.by_status["accepted"]
    row = dict(zip(header, next(r for r in rows if r[0] == str(accepted.pk)), strict=True))
    assert row["Đơn vị"] == "Phòng Quản lý Thương mại"
    assert row["Cam kết"] == "Cam kết accepted của phòng A"
    assert row["Thời hạn"] == "2022-12-31"
    assert row["Chỉ tiêu"] == "100"
    assert row["Tiến độ mới nhất (%)"] == "60"
    assert row["Trạng thái"] == "Đã duyệt"
    assert row["Nội dung báo cáo gần nhất"] == "Đã tiêm 60% công chức."


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_numbers_stay_plain_for_other_programs_in_both_languages(office_client, data, prefix):
    """A CSV cell has no type: 2.500 would be two and a half to a program that reads a point
    as the decimal sign, so no language's separators are written."""
    pledge = data.by_status["accepted"]
    Pledge.objects.filter(pk=pledge.pk).update(target_value=Decimal("1234.50"))
    other = data.by_status["draft"]
    Pledge.objects.filter(pk=other.pk).update(target_value=Decimal("2500"))
    url = prefix + reverse("exports:table", args=[data.campaign.slug, "pledges"])
    rows = read(office_client.get(url))
    by_id = {row[0]: row for row in rows[1:]}
    target = rows[0].index("Chỉ tiêu" if not prefix else "Target")
    assert by_id[str(pledge.pk)][target] == "1234.5"
    assert by_id[str(other.pk)][target] == "2500"


def test_formulas_are_neutralised(office_client, data):
    pledge = data.by_status["draft"]
    Pledge.objects.filter(pk=pledge.pk).update(title="=1+2", commitment="@SUM(A1)")
    rows = read(office_client.get(reverse("exports:table", args=[data.campaign.slug, "pledges"])))
    row = dict(zip(rows[0], next(r for r in rows if r[0] == str(pledge.pk)), strict=True))
    assert row["Cam kết"] == "'=1+2"
    assert row["Nội dung cam kết"] == "'@SUM(A1)"


def test_no_cell_starts_a_formula_whichever_list_separator_excel_uses(office_client, data):
    """Excel in Vietnamese settings splits CSV lines at ";", so text after one starts a cell."""
    pledge = data.by_status["draft"]
    Pledge.objects.filter(pk=pledge.pk).update(
        title="Phòng A;=1+1",
        commitment="Tập huấn, \"-2+3\"\n @SUM(A1);  +cmd|' /C calc'!A0",
        target_unit="Phòng A, B",
    )
    response = office_client.get(reverse("exports:table", args=[data.campaign.slug, "pledges"]))
    rows = read(response)
    text = response.content.decode("utf-8-sig")
    for delimiter in (",", ";"):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        cells = [cell for line in reader for cell in line]
        assert [c for c in cells if c.lstrip(' "').startswith(FORMULA_START)] == [], delimiter
    row = dict(zip(rows[0], next(r for r in rows if r[0] == str(pledge.pk)), strict=True))
    assert row["Cam kết"] == "Phòng A;'=1+1"
    assert row["Nội dung cam kết"] == "Tập huấn, \"'-2+3\"\n '@SUM(A1);  '+cmd|' /C calc'!A0"
    assert row["Đơn vị tính"] == "Phòng A, B"  # ordinary text stays as it was typed


def test_an_unknown_table_is_not_found(office_client, data):
    response = office_client.get(f"/exports/{data.campaign.slug}/passwords.csv")
    assert response.status_code == 404
