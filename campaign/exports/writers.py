"""Write export tables as an XLSX workbook (openpyxl) or as CSV files.

Text typed by users is always written as text: a pledge titled "=HYPERLINK(…)" must not become
a formula in the office's spreadsheet. In the workbook the cell is typed as a string. CSV has no
types, so every place in a text where a spreadsheet could start a cell that it would then read
as a formula gets an apostrophe, as spreadsheet programs expect (see `neutralise_formulas`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
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
# Where a cell may begin when a spreadsheet splits our text, then what may stand before its first
# character without protecting it. Excel splits a CSV file on the list separator of the reader's
# regional settings: "," in English ones, ";" in Vietnamese ones, where a line of this
# comma-separated file is cut at every ";" (quotes count only at the start of a cell), and what
# follows a line break inside a value may then start a row. So "Phòng A;=1+1" would put a formula
# in a cell of its own. Leading spaces and double quotes do not stop Excel from reading one.
_CELL_START = re.compile(r'(^|[,;\r\n])([ "]*)(?=[' + re.escape("".join(FORMULA_START)) + "])")


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
    return neutralise_formulas(str(value))


def neutralise_formulas(text: str) -> str:
    """`text` with an apostrophe before whatever would start a formula in any cell that a
    spreadsheet could cut it into, with either list separator; other text is left as it is."""
    return _CELL_START.sub(r"\1\2'", text)


def csv_bytes(table: Table) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel reads the Vietnamese letters correctly;
    dates as yyyy-mm-dd and decimals with a point, which every program reads the same."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise_formulas(str(column.header)) for column in table.columns])
    for row in table.rows:
        writer.writerow([_csv_value(value) for value in row])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")
