"""Write export tables as an XLSX workbook (openpyxl) or as CSV files.

Text typed by users is always written as text: a pledge titled "=HYPERLINK(…)" must not become
a formula in the office's spreadsheet (in the workbook the cell is typed as a string; in CSV,
which has no types, such a value is prefixed with an apostrophe as spreadsheet programs expect).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from campaign.exports.tables import Percent, Table

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
PERCENT_FORMAT = "0%"
INTEGER_FORMAT = "#,##0"

MIN_WIDTH, MAX_WIDTH, WRAP_WIDTH = 8, 50, 60
HEADER_FILL = PatternFill("solid", start_color="FFF3E0B5")  # the portal's gold, lightened
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# Workbook -------------------------------------------------------------------------------------


def _cell_value(value):
    """The value openpyxl stores and its number format."""
    if isinstance(value, Percent):
        return value.value / 100, PERCENT_FORMAT
    if isinstance(value, bool):
        return value, None
    if isinstance(value, int):
        return value, INTEGER_FORMAT
    if isinstance(value, Decimal | float):
        return value, None  # "General": 100 and 2.5 as they are, in the reader's notation
    if isinstance(value, dt.datetime):
        return value, DATETIME_FORMAT
    if isinstance(value, dt.date):
        return value, DATE_FORMAT
    if value is None:
        return None, None
    return ILLEGAL_CHARACTERS_RE.sub("", str(value)), None


def _display_length(value) -> int:
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, Percent):
        return 5
    text = "" if value is None else str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def _add_sheet(workbook: Workbook, table: Table) -> None:
    sheet = workbook.create_sheet(title=_sheet_title(table.title))
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=1, column=col, value=column.header)
        cell.data_type = "s"
        cell.font = bold
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row_number, row in enumerate(table.rows, start=2):
        for col, value in enumerate(row, start=1):
            stored, number_format = _cell_value(value)
            cell = sheet.cell(row=row_number, column=col, value=stored)
            if isinstance(stored, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            if number_format:
                cell.number_format = number_format
            if table.columns[col - 1].wrap:
                cell.alignment = wrap
    for col, column in enumerate(table.columns, start=1):
        letter = get_column_letter(col)
        if column.wrap:
            width = WRAP_WIDTH
        else:
            longest = max(
                [_display_length(row[col - 1]) for row in table.rows]
                + [min(len(column.header), 30)],
            )
            width = min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = sheet.cell(row=2, column=table.frozen_columns + 1).coordinate
    last = get_column_letter(len(table.columns))
    sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    sheet.row_dimensions[1].height = 45


def _sheet_title(title: str) -> str:
    """Sheet names are at most 31 characters and cannot contain []:*?/\\."""
    for char in "[]:*?/\\":
        title = title.replace(char, " ")
    return title[:31]


def workbook_bytes(tables: list[Table], *, title: str = "", creator: str = "") -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        _add_sheet(workbook, table)
    workbook.properties.title = ILLEGAL_CHARACTERS_RE.sub("", title)[:250]
    workbook.properties.creator = ILLEGAL_CHARACTERS_RE.sub("", creator)[:250]
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# CSV ------------------------------------------------------------------------------------------


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Percent):
        number = value.value
        return str(int(number)) if float(number).is_integer() else str(number)
    if isinstance(value, Decimal):
        return str(
            value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
        )
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool | int | float):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_bytes(table: Table) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel reads the Vietnamese letters correctly;
    dates as yyyy-mm-dd and decimals with a point, which every program reads the same."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.header for column in table.columns])
    for row in table.rows:
        writer.writerow([_csv_value(value) for value in row])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")
