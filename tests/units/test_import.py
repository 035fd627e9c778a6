"""Importing units and heads from XLSX or CSV: every row checked first, nothing imported while
a single row is wrong (and that row named), the same file twice changes nothing, and existing
accounts are never overwritten."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook

from audit.models import Event
from tests.factories import make_unit, make_user
from units.importing import ImportInvalid, units_import
from units.models import Unit, UnitRole
from units.spreadsheet import UnreadableFile

pytestmark = pytest.mark.django_db
User = get_user_model()

HEADER = [
    "STT", "Tên đơn vị", "Tên viết tắt", "Loại", "Đơn vị cấp trên", "Điện thoại", "Email",
    "Tài khoản", "Họ và tên", "Email cá nhân", "Vai trò", "Chức vụ",
]  # fmt: skip
ROWS = [
    ["1", "Phòng Kinh tế Đối ngoại", "KTĐN", "Phòng", "so-cong-thuong", "0275 3822 111",
     "ktdn@example.invalid", "tranvanhai", "Trần Văn Hải", "hai@example.invalid", "Trưởng",
     "Trưởng phòng"],
    ["2", "Phòng Kinh tế Đối ngoại", "", "", "", "", "", "lethimai", "Lê Thị Mai", "", "Phó",
     "Phó Trưởng phòng"],
    ["3", "Tổ Công nghệ thông tin", "CNTT", "Đơn vị khác", "Phòng Kinh tế Đối ngoại", "", "",
     "tranvanhai", "Trần Văn Hải", "", "deputy", ""],
]  # fmt: skip


def as_csv(rows, header=HEADER, delimiter=",") -> bytes:
    lines = [delimiter.join(f'"{cell}"' for cell in row) for row in [header, *rows]]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()


def as_xlsx(rows, header=HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def snapshot():
    units = sorted(
        Unit.objects.values_list(
            "slug", "name_vi", "short_name_vi", "kind", "parent__slug", "phone", "email",
            "position", "is_active",
        )
    )  # fmt: skip
    users = sorted(User.objects.values_list("username", "first_name", "last_name", "email"))
    roles = sorted(UnitRole.objects.values_list("user__username", "unit__slug", "role", "title"))
    return units, users, roles


@pytest.fixture
def department(db):
    return make_unit(name="Sở Công Thương", slug="so-cong-thuong", kind=Unit.Kind.DEPARTMENT)


def test_one_bad_row_imports_nothing_and_is_named_then_the_fixed_file_imports_once(department):
    bad = [row[:] for row in ROWS]
    bad[2][3] = "Khác"  # not a kind
    before = snapshot()
    with pytest.raises(ImportInvalid) as invalid:
        units_import(data=as_csv(bad), filename="don-vi.csv")
    [error] = invalid.value.errors
    assert (error.row, error.column) == (4, "Loại đơn vị")
    assert "Không có loại đơn vị “Khác”" in error.message and "Đơn vị khác" in error.message
    assert snapshot() == before

    report = units_import(data=as_csv(ROWS), filename="don-vi.csv")
    assert report.units_created == ["Phòng Kinh tế Đối ngoại", "Tổ Công nghệ thông tin"]
    assert report.accounts_created == ["tranvanhai", "lethimai"]
    assert (report.roles_created, report.ignored_columns) == (3, ["STT"])
    ktdn = Unit.objects.get(slug="phong-kinh-te-doi-ngoai")
    assert (ktdn.parent, ktdn.kind, ktdn.short_name, ktdn.phone) == (
        department, "division", "KTĐN", "0275 3822 111",
    )  # fmt: skip
    assert Unit.objects.get(slug="to-cong-nghe-thong-tin").parent == ktdn  # parent by name
    hai = User.objects.get(username="tranvanhai")
    assert (hai.first_name, hai.last_name, hai.email) == ("Trần Văn", "Hải", "hai@example.invalid")
    assert not hai.has_usable_password() and hai.is_active
    assert sorted(hai.unit_roles.values_list("unit__slug", "role", "title")) == [
        ("phong-kinh-te-doi-ngoai", "head", "Trưởng phòng"),
        ("to-cong-nghe-thong-tin", "deputy", ""),
    ]
    imported = snapshot()

    again = units_import(data=as_csv(ROWS), filename="don-vi.csv")
    assert not again.changed
    assert (again.units_unchanged, again.roles_unchanged, again.accounts_created) == (2, 3, [])
    assert snapshot() == imported
    assert Event.objects.filter(object_type="units.unit").count() == 1  # only the real import


def test_a_workbook_imports_the_same_as_the_csv(department):
    rows = [row[:] for row in ROWS]
    rows[0][5] = 2753822111  # typed as a number into the cell
    report = units_import(data=as_xlsx(rows), filename="don-vi.xlsx")
    assert len(report.units_created) == 2
    assert Unit.objects.get(slug="phong-kinh-te-doi-ngoai").phone == "2753822111"
    assert not units_import(data=as_xlsx(rows), filename="don-vi.xlsx").changed


def test_every_problem_is_reported_with_its_row_and_column(department):
    make_unit(name="Phòng trùng tên", slug="trung-1")
    make_unit(name="Phòng trùng tên", slug="trung-2")
    rows = [
        ["1", "", "", "", "", "", "", "", "", "", "", ""],  # a row of nothing is skipped
        ["2", "", "X", "", "", "", "", "", "", "", "", ""],
        ["3", "Phòng A", "", "", "Không có đơn vị này", "", "khong-phai-email", "", "", "",
         "", ""],
        ["4", "Phòng B", "", "", "Phòng trùng tên", "", "", "ai do", "", "", "Sếp", ""],
        ["5", "Phòng A", "PA", "Phòng", "", "", "a@example.invalid", "", "Nguyễn Văn B", "",
         "", ""],
        ["6", "Phòng C", "", "", "Phòng D", "", "", "", "", "", "", ""],
        ["7", "Phòng D", "", "", "Phòng C", "", "", "", "", "", "", ""],
        ["8", "Phòng E", "", "", "", "", "", "nv.e", "Nguyễn Văn E", "e@example.invalid", "",
         ""],
        ["9", "Phòng E", "", "", "", "", "", "nv.e", "Nguyễn Văn Ê", "", "", ""],
    ]  # fmt: skip
    with pytest.raises(ImportInvalid) as invalid:
        units_import(data=as_csv(rows), filename="loi.csv")
    found = {(e.row, e.column): e.message for e in invalid.value.errors}
    assert "Hãy ghi tên đơn vị" in found[3, "Tên đơn vị"]
    assert "Không có đơn vị nào trong tệp hoặc trên cổng có tên" in found[4, "Đơn vị cấp trên"]
    assert "email" in found[4, "Email đơn vị"].lower()
    assert "trung-1, trung-2" in found[5, "Đơn vị cấp trên"]
    assert "Không có vai trò “Sếp”" in found[5, "Vai trò"]
    assert "Dòng 4 ghi giá trị khác" in found[6, "Email đơn vị"]
    assert "Hãy ghi tên đăng nhập" in found[6, "Tên đăng nhập"]
    assert "đơn vị trực thuộc của chính nó" in found[7, "Đơn vị cấp trên"]
    assert "Dòng 9 ghi giá trị khác cho nv.e" in found[10, "Họ và tên"]
    assert (2, "Tên đơn vị") not in found  # the empty row
    assert not Unit.objects.filter(name_vi__in=["Phòng A", "Phòng B", "Phòng C"]).exists()


def test_an_invalid_user_name_is_reported(department):
    rows = [["1", "Phòng F", "", "", "", "", "", "ai do có dấu cách", "", "", "", ""]]
    with pytest.raises(ImportInvalid) as invalid:
        units_import(data=as_csv(rows), filename="f.csv")
    assert [(e.row, e.column) for e in invalid.value.errors] == [(2, "Tên đăng nhập")]


def test_existing_accounts_are_never_overwritten_and_the_difference_is_reported(department):
    make_user(username="tranvanhai", first_name="Trần Văn", last_name="Hai", email="old@x.invalid")
    report = units_import(data=as_csv(ROWS[:1]), filename="don-vi.csv")
    hai = User.objects.get(username="tranvanhai")
    assert (hai.last_name, hai.email) == ("Hai", "old@x.invalid")
    assert hai.has_usable_password()
    [line] = report.accounts_kept
    assert "tranvanhai" in line and "Trần Văn Hải" in line and "old@x.invalid" in line
    assert report.accounts_created == []


def test_a_unit_is_updated_from_the_file_and_empty_cells_keep_values(department):
    unit = make_unit(name="Phòng Kinh tế Đối ngoại", slug="phong-kinh-te-doi-ngoai",
                     phone="111", email="cu@example.invalid")  # fmt: skip
    rows = [["1", "Phòng Kinh tế Đối ngoại", "", "", "", "222", "", "", "", "", "", ""]]
    report = units_import(data=as_csv(rows), filename="don-vi.csv")
    unit.refresh_from_db()
    assert (unit.phone, unit.email) == ("222", "cu@example.invalid")
    assert report.units_updated == ["Phòng Kinh tế Đối ngoại (Điện thoại)"]


def test_semicolon_csv_from_excel_with_vietnamese_settings(department):
    report = units_import(data=as_csv(ROWS, delimiter=";"), filename="don-vi.csv")
    assert len(report.units_created) == 2


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        # "Tên đơn vị" saved by an old program in Windows-1258
        (b"T\xean \xf0\xf5n v\xec\r\nPh\xf2ng\r\n", "cu.csv", "không ở dạng UTF-8"),
        (b"PK\x03\x04 not really a workbook", "hong.xlsx", "Excel"),
        (b"\xd0\xcf\x11\xe0 old excel", "cu.xls", "không thuộc hai loại này"),
    ],
)
def test_unreadable_files_get_a_clear_message(db, data, filename, message):
    with pytest.raises(UnreadableFile) as unreadable:
        units_import(data=data, filename=filename)
    assert message in unreadable.value.message


def test_a_file_without_a_name_column_is_refused(db):
    with pytest.raises(ImportInvalid) as invalid:
        units_import(data=as_csv([["x"]], header=["Cột lạ"]), filename="x.csv")
    assert invalid.value.errors[0].row == 1


def test_the_command_reports_rows_and_fails_then_imports(department, tmp_path, capsys):
    bad = [row[:] for row in ROWS]
    bad[1][10] = "Sếp"
    path = tmp_path / "don-vi.csv"
    path.write_bytes(as_csv(bad))
    with pytest.raises(CommandError, match="Chưa nhập dữ liệu nào"):
        call_command("import_units", str(path))
    assert "Dòng 3, Vai trò: Không có vai trò “Sếp”" in capsys.readouterr().err
    assert not User.objects.filter(username="tranvanhai").exists()

    path.write_bytes(as_csv(ROWS))
    call_command("import_units", str(path), "--dry-run")
    assert "Chỉ kiểm tra" in capsys.readouterr().out
    assert not User.objects.filter(username="tranvanhai").exists()
    call_command("import_units", str(path))
    out = capsys.readouterr().out
    assert "Đơn vị: 2 mới" in out and "tranvanhai, lethimai" in out
    assert User.objects.filter(username="tranvanhai").exists()


# The admin page ---------------------------------------------------------------------------


def upload(client, data: bytes, name: str, **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("admin:units_unit_import"),
        {"file": SimpleUploadedFile(name, data), **extra},
    )


def test_the_office_imports_from_the_admin(client, department):
    client.force_login(make_user(office=True))
    changelist = client.get(reverse("admin:units_unit_changelist")).content.decode()
    assert reverse("admin:units_unit_import") in changelist
    page = client.get(reverse("admin:units_unit_import"))
    assert page.status_code == 200 and "Tên viết tắt" in page.content.decode()

    bad = [row[:] for row in ROWS]
    bad[0][6] = "khong-phai-email"
    html = upload(client, as_xlsx(bad), "don-vi.xlsx").content.decode()
    assert "Tệp có 1 lỗi. Chưa nhập dữ liệu nào" in html
    assert "<td>2</td><td>Email đơn vị</td>" in html
    assert not Unit.objects.filter(slug="phong-kinh-te-doi-ngoai").exists()

    html = upload(client, as_xlsx(ROWS), "don-vi.xlsx", dry_run="on").content.decode()
    assert "chỉ kiểm tra" in html and not Unit.objects.filter(slug="phong-kinh-te-doi-ngoai")

    html = upload(client, as_xlsx(ROWS), "don-vi.xlsx").content.decode()
    assert "Đã nhập dữ liệu từ tệp." in html
    assert "chưa có mật khẩu" in html and "tranvanhai" in html
    html = upload(client, as_xlsx(ROWS), "don-vi.xlsx").content.decode()
    assert "không có gì thay đổi" in html


def test_a_broken_upload_is_a_form_error_not_a_500(client, department):
    client.force_login(make_user(office=True))
    response = upload(client, b"\x00garbage", "don-vi.pdf")
    assert response.status_code == 200
    assert "không thuộc hai loại này" in response.content.decode()


def test_staff_with_only_some_of_the_import_permissions_get_403(client, db):
    """Adding units is not enough: the import also changes units and adds heads' roles and accounts.
    Everyone else's outcome is in the permission table (tests/test_url_permissions.py)."""
    client.force_login(make_user(is_staff=True, perms=["units.add_unit", "units.view_unit"]))
    assert client.get(reverse("admin:units_unit_import")).status_code == 403
