"""Importing earlier years' achievement records from XLSX: every row checked first, nothing
saved while one row is wrong, every problem named by its row and column."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from audit.models import Event
from awards.importing import TEMPLATE_HEADERS, awards_import, parse_date
from awards.models import Award
from tests.factories import commendation_form, make_award, make_unit, make_user
from units.importing import ImportInvalid
from units.spreadsheet import UnreadableFile

pytestmark = pytest.mark.django_db


def as_xlsx(rows, header=TEMPLATE_HEADERS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.fixture
def unit(db):
    return make_unit(name="Phòng Quản lý Thương mại", slug="phong-quan-ly-thuong-mai")


def good_rows():
    return [
        [2021, "Nguyễn Văn Đức", "Cá nhân", "Chuyên viên", "phong quan ly thuong mai",
         "Lao động tiên tiến", "45 / QĐ – SCT", dt.datetime(2021, 12, 20),
         "Giám đốc Sở Công Thương", "Hoàn thành tốt nhiệm vụ."],
        [2020, "", "Tập thể", "", "phong-quan-ly-thuong-mai", "Tập thể lao động tiên tiến",
         "12/QĐ-SCT", "18/12/2020", "Giám đốc Sở Công Thương", ""],
        [2019, "Nguyễn Văn Đức", "ca nhan", "", "Phòng Quản lý Thương mại",
         "Giấy khen của Công đoàn ngành", "7/QĐ-CĐN", "05/01/2019", "Công đoàn ngành Công Thương",
         ""],
    ]  # fmt: skip


def test_a_good_file_is_imported_as_imported_lines_and_audited(unit):
    report = awards_import(data=as_xlsx(good_rows()), filename="ho-so.xlsx")
    assert report.created == 3
    person = Award.objects.filter(honoree_kind="person").order_by("-year")
    assert [(a.year, a.decision_number, a.decision_date) for a in person] == [
        (2021, "45/QĐ-SCT", dt.date(2021, 12, 20)),  # normalised; an Excel date
        (2019, "7/QĐ-CĐN", dt.date(2019, 1, 5)),
    ]
    assert all(a.imported and a.unit == unit and a.decision is None for a in Award.objects.all())
    assert person[0].form == commendation_form("lao-dong-tien-tien")
    assert person[1].form is None and person[1].form_name == "Giấy khen của Công đoàn ngành"
    assert report.forms_as_text == ["Giấy khen của Công đoàn ngành"]
    collective = Award.objects.get(honoree_kind="collective")
    assert collective.honoree_name == unit.name_vi  # named by its unit
    assert collective.form == commendation_form("tap-the-lao-dong-tien-tien")
    assert Event.objects.filter(object_type="awards.award").count() == 1
    # The same file again adds nothing.
    again = awards_import(data=as_xlsx(good_rows()), filename="ho-so.xlsx")
    assert (again.created, again.already_on_record) == (0, [2, 3, 4])
    assert Award.objects.count() == 3


def test_two_bad_rows_save_nothing_and_both_are_listed_by_row(unit):
    rows = good_rows()
    rows[0][4] = "Phòng không có"  # row 2: no such unit
    rows[2][7] = "31/02/2019"  # row 4: no such date
    with pytest.raises(ImportInvalid) as raised:
        awards_import(data=as_xlsx(rows), filename="ho-so.xlsx")
    errors = [(e.row, e.column) for e in raised.value.errors]
    assert errors == [(2, "Unit"), (4, "Decision date")] or errors == [
        (2, "Đơn vị"),
        (4, "Ngày quyết định"),
    ]
    assert "Phòng không có" in raised.value.errors[0].message
    assert Award.objects.count() == 0
    assert not Event.objects.filter(object_type="awards.award").exists()


def test_a_form_for_persons_only_is_refused_for_a_collective_and_a_bad_number_named(unit):
    rows = good_rows()[:1]
    rows[0][2] = "Tập thể"
    rows[0][6] = "bốn mươi lăm"
    with pytest.raises(ImportInvalid) as raised:
        awards_import(data=as_xlsx(rows), filename="f.xlsx")
    assert len(raised.value.errors) == 2
    assert {e.row for e in raised.value.errors} == {2}


def test_duplicate_lines_in_a_file_are_named(unit):
    rows = good_rows()[:1] * 2
    with pytest.raises(ImportInvalid) as raised:
        awards_import(data=as_xlsx(rows), filename="f.xlsx")
    assert [e.row for e in raised.value.errors] == [3]


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"%PDF-1.4 not a workbook", "ho-so.pdf"),
        (b"PK\x03\x04 broken zip", "ho-so.xlsx"),
        (b"x" * (5 * 1024 * 1024 + 1), "ho-so.xlsx"),
    ],
)
def test_unreadable_files_get_a_clear_message(db, data, filename):
    with pytest.raises(UnreadableFile):
        awards_import(data=data, filename=filename)


def test_a_wrong_header_or_an_empty_file_is_named(unit):
    with pytest.raises(ImportInvalid) as raised:
        awards_import(data=as_xlsx(good_rows(), header=["A", "B", "C"]), filename="f.xlsx")
    assert raised.value.errors[0].row == 1
    assert "Số quyết định" in raised.value.errors[0].message or "Decision number" in (
        raised.value.errors[0].message
    )
    with pytest.raises(ImportInvalid):
        awards_import(data=as_xlsx([]), filename="f.xlsx")


def test_dates_in_every_form_the_office_types():
    assert parse_date("20/12/2021") == dt.date(2021, 12, 20)
    assert parse_date("2021-12-20") == dt.date(2021, 12, 20)
    assert parse_date("44550") == dt.date(2021, 12, 20)  # an Excel date's serial number
    assert parse_date("20.12.2021") == dt.date(2021, 12, 20)
    assert parse_date("tháng 12") is None


# --- the admin's import page


@pytest.fixture
def office_client(client, unit):
    client.force_login(make_user(office=True))
    return client


def upload(client, data: bytes, name: str = "ho-so.xlsx", **extra):
    return client.post(
        reverse("admin:awards_award_import"),
        {"file": SimpleUploadedFile(name, data), **extra},
    )


def test_the_admin_page_imports_and_lists_errors_by_row(office_client):
    rows = good_rows()
    rows[1][0] = "năm ngoái"
    response = upload(office_client, as_xlsx(rows))
    assert response.status_code == 200
    assert response.context["errors"][0].row == 3
    assert b'id="import-errors"' in response.content
    assert Award.objects.count() == 0
    response = upload(office_client, as_xlsx(good_rows()), dry_run="on")
    assert response.context["report"].created == 3 and Award.objects.count() == 0
    response = upload(office_client, as_xlsx(good_rows()))
    assert response.context["report"].created == 3 and Award.objects.count() == 3


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"hello", "ho-so.docx"),  # not a workbook
        (b"PK\x03\x04 not really", "ho-so.xlsx"),  # a damaged one
        (b"x" * (5 * 1024 * 1024 + 1), "ho-so.xlsx"),  # too big
    ],
)
def test_the_admin_page_refuses_a_bad_file_with_a_message(office_client, data, name):
    response = upload(office_client, data, name=name)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert Award.objects.count() == 0


def test_the_admin_page_names_a_wrong_header(office_client):
    response = upload(office_client, as_xlsx(good_rows(), header=["STT", "Tên", "Ghi chú"]))
    assert response.status_code == 200
    assert response.context["errors"][0].row == 1


def test_the_template_workbook_has_the_columns_and_imports_once_filled(office_client, unit):
    response = office_client.get(reverse("admin:awards_award_import_template"))
    assert response["Content-Disposition"].startswith("attachment")
    data = b"".join(response)
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]] == TEMPLATE_HEADERS
    sheet.append(good_rows()[0])
    out = io.BytesIO()
    sheet.parent.save(out)
    assert awards_import(data=out.getvalue(), filename="mau.xlsx").created == 1


def test_a_decisions_award_is_read_only_and_an_imported_line_editable(office_client, unit):
    from tests.factories import make_decision

    decision = make_decision()
    decided = make_award(unit=unit, decision=decision)
    imported = make_award(unit=unit)
    page = office_client.get(reverse("admin:awards_award_change", args=[decided.pk]))
    assert page.status_code == 200 and b'name="form_name"' not in page.content
    form_name = decided.form_name
    office_client.post(reverse("admin:awards_award_change", args=[decided.pk]), {"form_name": "x"})
    decided.refresh_from_db()
    assert decided.form_name == form_name
    assert (
        office_client.get(reverse("admin:awards_award_delete", args=[decided.pk])).status_code
        == 403
    )
    page = office_client.get(reverse("admin:awards_award_change", args=[imported.pk]))
    assert b'name="form_name"' in page.content


def test_the_admin_search_folds_names(office_client, unit):
    make_award(unit=unit, honoree_name="Trần Thị Đào")
    make_award(unit=unit, honoree_name="Lê Văn Bình")
    for query in ("dao", "Đào", "tran dao"):
        response = office_client.get(reverse("admin:awards_award_changelist"), {"q": query})
        names = [a.honoree_name for a in response.context["cl"].result_list]
        assert names == ["Trần Thị Đào"], query
