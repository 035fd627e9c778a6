"""Import earlier years' achievement records (hồ sơ thành tích) from a spreadsheet, all or nothing.

Modelled on the units import (units/importing/): every row is checked first and every problem
reported with its row number and column; only a file without a single problem is written, in one
transaction, each line as an imported Award. Units are matched by slug or by their folded name;
a title or form by its folded name, else the text is kept as written. A line already on record
(the same honouree, title or form and decision number) is left out, so importing the same file
again adds nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import override as language

from awards.models import Award
from kit.text import search_key
from kit.validators import document_number_validator, normalise_document_number
from news.models import CommendationForm
from news.models.honorees import HonoreeKind
from units.importing.columns import ColumnSpec, ImportInvalid, RowError, accepted_choices
from units.models import Unit
from units.spreadsheet import read_table

# The headers of the template workbook, in order, as offices write them.
COLUMNS = [
    ColumnSpec("year", gettext_lazy("Year"), ("nam", "year")),
    ColumnSpec(
        "name",
        gettext_lazy("Full name or collective's name"),
        (
            "ho va ten ten tap the",
            "ho va ten",
            "ho ten",
            "ten tap the",
            "name",
            "full name",
            "honoree",
        ),
    ),
    ColumnSpec(
        "kind",
        gettext_lazy("Person or collective"),
        ("ca nhan tap the", "ca nhan hay tap the", "doi tuong", "person or collective", "kind"),
    ),
    ColumnSpec("position", gettext_lazy("Position"), ("chuc vu", "position")),
    ColumnSpec("unit", gettext_lazy("Unit"), ("don vi", "unit", "ma don vi", "slug")),
    ColumnSpec(
        "form",
        gettext_lazy("Title or form"),
        (
            "danh hieu hinh thuc",
            "danh hieu hinh thuc khen thuong",
            "danh hieu",
            "hinh thuc",
            "hinh thuc khen thuong",
            "title or form",
            "form",
        ),
    ),
    ColumnSpec(
        "number", gettext_lazy("Decision number"), ("so quyet dinh", "so qd", "decision number")
    ),
    ColumnSpec(
        "date", gettext_lazy("Decision date"), ("ngay quyet dinh", "ngay qd", "decision date")
    ),
    ColumnSpec(
        "issuer",
        gettext_lazy("Level or signer"),
        ("cap nguoi ky", "cap", "nguoi ky", "cap khen thuong", "issued by", "issuer", "signer"),
    ),
    ColumnSpec("achievement", gettext_lazy("Achievement"), ("thanh tich", "achievement")),
]
# The template's headers, in Vietnamese whatever the reader's language: the office's files are.
TEMPLATE_HEADERS = [
    "Năm",
    "Họ và tên / Tên tập thể",
    "Cá nhân/Tập thể",
    "Chức vụ",
    "Đơn vị",
    "Danh hiệu/Hình thức",
    "Số quyết định",
    "Ngày quyết định",
    "Cấp/Người ký",
    "Thành tích",
]
BY_KEY = {column.key: column for column in COLUMNS}
BY_ALIAS = {alias: column.key for column in COLUMNS for alias in column.aliases}
REQUIRED = ("year", "name", "unit", "form", "number", "date", "issuer")
# Where a model field's error is shown.
COLUMN_OF = {
    "honoree_name": "name",
    "position": "position",
    "form_name": "form",
    "year": "year",
    "decision_number": "number",
    "decision_date": "date",
    "issuer": "issuer",
    "achievement": "achievement",
}
EXCEL_EPOCH = dt.date(1899, 12, 30)
FIRST_YEAR = 1945


@dataclass
class ImportReport:
    created: int = 0
    already_on_record: list[int] = field(default_factory=list)  # row numbers
    forms_as_text: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.created)

    def summary(self) -> str:
        return _(
            "Lines added to the records: %(created)d. Already on record, left out: %(kept)d."
        ) % {"created": self.created, "kept": len(self.already_on_record)}


def _header(table: list[tuple[int, list[str]]]) -> tuple[int, dict[int, str], list[str]]:
    if not table:
        raise ImportInvalid([RowError(0, "", _("The file has no rows."))])
    number, cells = table[0]
    keys: dict[int, str] = {}
    ignored: list[str] = []
    errors: list[RowError] = []
    for index, cell in enumerate(cells):
        if not cell:
            continue
        key = BY_ALIAS.get(search_key(cell))
        if key is None:
            ignored.append(cell)
        elif key in keys.values():
            errors.append(
                RowError(number, cell, _("This column appears twice; keep only one of them."))
            )
        else:
            keys[index] = key
    missing = [str(BY_KEY[key].label) for key in REQUIRED if key not in keys.values()]
    if missing:
        errors.append(
            RowError(
                number,
                "",
                _(
                    "The first row must name the columns as the template does; missing: "
                    "%(columns)s. Download the template and copy the lines into it."
                )
                % {"columns": ", ".join(missing)},
            )
        )
    if errors:
        raise ImportInvalid(errors)
    return number, keys, ignored


def read_rows(data: bytes, filename: str) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """The rows below the header as {column key: text}, with their row numbers."""
    table = read_table(data, filename)
    number, keys, ignored = _header(table)
    body = []
    for row_number, cells in table[1:]:
        values = {key: cells[i].strip() for i, key in keys.items() if i < len(cells)}
        if any(values.values()):
            body.append((row_number, values))
    if not body:
        raise ImportInvalid([RowError(number, "", _("The file has no rows below the header."))])
    return body, ignored


def parse_date(text: str) -> dt.date | None:
    """dd/mm/yyyy (or with dashes or dots), yyyy-mm-dd, or an Excel date's serial number."""
    text = text.strip()
    if text.isdigit() and 20000 <= int(text) <= 80000:
        return EXCEL_EPOCH + dt.timedelta(days=int(text))
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _form_keys() -> dict[str, list[CommendationForm]]:
    """Each title or form under its folded names: alone and with its authority, both
    languages."""
    keys: dict[str, list[CommendationForm]] = {}
    for form in CommendationForm.objects.all():
        names = {form.name_vi or "", form.name_en or ""}
        for lang in ("vi", "en"):
            with language(lang):
                names.add(str(form))
        for name in names:
            if key := search_key(name):
                found = keys.setdefault(key, [])
                if form not in found:
                    found.append(form)
    return keys


def _unit_keys() -> tuple[dict[str, Unit], dict[str, list[Unit]]]:
    by_slug: dict[str, Unit] = {}
    by_name: dict[str, list[Unit]] = {}
    for unit in Unit.objects.all():
        by_slug[unit.slug] = unit
        for name in {unit.name_vi or "", unit.name_en or "", unit.short_name_vi or ""}:
            if key := search_key(name):
                by_name.setdefault(key, [])
                if unit not in by_name[key]:
                    by_name[key].append(unit)
    return by_slug, by_name


class Checker:
    def __init__(self, body: list[tuple[int, dict[str, str]]]):
        self.body = body
        self.errors: list[RowError] = []
        self.kinds = accepted_choices(HonoreeKind.choices)
        self.units_by_slug, self.units_by_name = _unit_keys()
        self.forms = _form_keys()
        self.planned: list[tuple[int, Award]] = []
        self.forms_as_text: list[str] = []
        self.last_year = dt.date.today().year + 1

    def error(self, row: int, column: str, message) -> None:
        self.errors.append(RowError(row, str(BY_KEY[column].label) if column else "", message))

    def run(self) -> list[tuple[int, Award]]:
        seen: dict[tuple, int] = {}
        for number, cells in self.body:
            award = self.read(number, cells)
            if award is None:
                continue
            key = _line_key(award)
            if key in seen:
                self.error(
                    number,
                    "",
                    _("Row %(first)d has the same honouree, title or form and decision.")
                    % {"first": seen[key]},
                )
                continue
            seen[key] = number
            self.planned.append((number, award))
        if self.errors:
            raise ImportInvalid(self.errors)
        return self.planned

    def read(self, number: int, cells: dict[str, str]) -> Award | None:
        problems_before = len(self.errors)
        for key in REQUIRED:
            if key == "name":
                continue  # a collective may be named by its unit
            if not cells.get(key):
                self.error(number, key, _("This cell is empty; it is needed."))
        kind = HonoreeKind.PERSON
        if raw := cells.get("kind", ""):
            kind = self.kinds.get(search_key(raw))
            if kind is None:
                self.error(
                    number,
                    "kind",
                    _("Write “%(person)s” or “%(collective)s”, not “%(value)s”.")
                    % {
                        "person": HonoreeKind.PERSON.label,
                        "collective": HonoreeKind.COLLECTIVE.label,
                        "value": raw,
                    },
                )
                kind = HonoreeKind.PERSON
        unit = self.unit(number, cells.get("unit", ""))
        name = cells.get("name", "")
        if not name:
            if kind == HonoreeKind.COLLECTIVE and unit is not None:
                name = unit.name_vi
            else:
                self.error(number, "name", _("This cell is empty; it is needed."))
        year = self.year(number, cells.get("year", ""))
        day = None
        if raw := cells.get("date", ""):
            day = parse_date(raw)
            if day is None:
                self.error(
                    number,
                    "date",
                    _("“%(value)s” is not a date; write it as dd/mm/yyyy, e.g. 20/12/2021.")
                    % {"value": raw},
                )
        decision_number = ""
        if raw := cells.get("number", ""):
            decision_number = normalise_document_number(raw)
            try:
                document_number_validator(decision_number)
            except ValidationError as error:
                self.error(number, "number", " ".join(error.messages))
        form_text = cells.get("form", "")
        form = self.form(form_text)
        if form is not None and (refusal := _refusal(form, kind)):
            self.error(number, "form", refusal)
        award = Award(
            unit=unit,
            honoree_kind=kind,
            honoree_name=name,
            position=cells.get("position", ""),
            form=form,
            form_name=form_text,
            year=year or 0,
            decision_number=decision_number,
            decision_date=day,
            issuer=cells.get("issuer", ""),
            achievement=cells.get("achievement", ""),
            imported=True,
        )
        if len(self.errors) > problems_before:
            return None
        try:
            award.full_clean(
                exclude=["unit", "form", "decision", "campaign", "proposal", "commendation"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            for model_field, messages in error.message_dict.items():
                self.error(number, COLUMN_OF.get(model_field, ""), " ".join(messages))
            return None
        award.name_key = search_key(award.honoree_name)[:200]
        if form is None and form_text not in self.forms_as_text:
            self.forms_as_text.append(form_text)
        return award

    def year(self, number: int, raw: str) -> int | None:
        if not raw:
            return None
        try:
            value = int(raw)
        except ValueError:
            value = 0
        if not FIRST_YEAR <= value <= self.last_year:
            self.error(
                number,
                "year",
                _("Write the year in four digits, from %(first)d to %(last)d.")
                % {"first": FIRST_YEAR, "last": self.last_year},
            )
            return None
        return value

    def unit(self, number: int, raw: str) -> Unit | None:
        if not raw:
            return None
        if unit := self.units_by_slug.get(raw.strip()):
            return unit
        found = self.units_by_name.get(search_key(raw), [])
        if len(found) == 1:
            return found[0]
        if found:
            self.error(
                number,
                "unit",
                _("Several units are called “%(unit)s” (%(slugs)s); write the slug.")
                % {"unit": raw, "slugs": ", ".join(sorted(u.slug for u in found))},
            )
        else:
            self.error(
                number, "unit", _("No unit in the portal is called “%(unit)s”.") % {"unit": raw}
            )
        return None

    def form(self, raw: str) -> CommendationForm | None:
        found = self.forms.get(search_key(raw), []) if raw else []
        return found[0] if len(found) == 1 else None


def _refusal(form: CommendationForm, kind: str) -> str | None:
    if form.accepts(kind):
        return None
    return _("“%(form)s” is not awarded to a %(kind)s.") % {
        "form": form,
        "kind": HonoreeKind(kind).label.lower(),
    }


def _line_key(award: Award) -> tuple:
    return (
        award.unit_id,
        award.honoree_kind,
        award.name_key,
        search_key(award.form_name),
        award.decision_number,
    )


def awards_import(*, data: bytes, filename: str, actor=None, dry_run: bool = False) -> ImportReport:
    """Check the whole file, then add its lines in one transaction (or, with `dry_run`, only
    say what would be added). Raises UnreadableFile or ImportInvalid; then nothing is written."""
    body, ignored = read_rows(data, filename)
    try:
        with transaction.atomic():
            checker = Checker(body)
            planned = checker.run()
            report = ImportReport(
                ignored_columns=ignored, dry_run=dry_run, forms_as_text=checker.forms_as_text
            )
            units = {award.unit_id for _row, award in planned}
            # Two imports naming the same units run one after the other, so neither adds a
            # line the other is adding.
            list(Unit.objects.select_for_update().filter(pk__in=units).values_list("pk"))
            on_record = {
                (a.unit_id, a.honoree_kind, a.name_key, search_key(a.form_name), a.decision_number)
                for a in Award.objects.filter(unit__in=units).only(
                    "unit", "honoree_kind", "name_key", "form_name", "decision_number"
                )
            }
            new = []
            for row, award in planned:
                if _line_key(award) in on_record:
                    report.already_on_record.append(row)
                else:
                    new.append(award)
            Award.objects.bulk_create(new, batch_size=500)
            report.created = len(new)
            if report.changed and not dry_run:
                _audit(actor, filename, report)
            if dry_run:
                transaction.set_rollback(True)
    except IntegrityError:
        raise ImportInvalid(
            [RowError(0, "", _("The records changed during the import; import the file again."))]
        ) from None
    return report


def template_workbook() -> bytes:
    """An empty workbook with the columns, for the office to fill in."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Hồ sơ thành tích"
    sheet.append(TEMPLATE_HEADERS)
    widths = [8, 30, 16, 24, 30, 34, 18, 16, 34, 50]
    for index, width in enumerate(widths, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    # Numbers and dates typed as text keep their form (e.g. 01/QĐ-SCT, 20/12/2021).
    for letter in ("G", "H"):
        for row in range(2, 501):
            sheet[f"{letter}{row}"].number_format = "@"
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _audit(actor, filename: str, report: ImportReport) -> None:
    from audit.models import Event
    from audit.services import audit_record

    audit_record(
        action=Event.Action.ADMIN_CHANGE,
        actor=actor,
        detail=f"{filename}: {report.summary()}",
        target=("awards.award", "", _("Import of achievement records")),
    )
