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

from kit.numbers import plain
from office.exports.tables import Code, Percent, Table

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
# Number formats name separators by role, not by character: "," groups thousands and "." starts
# the decimals in whatever notation the reader's Excel uses, so one file shows 2.500 and 1.234,5
# in Vietnamese settings and 2,500 and 1,234.5 in English ones, and the cells stay numbers.
PERCENT_FORMAT = "0%"
INTEGER_FORMAT = "#,##0"
CODE_FORMAT = "0"  # an id or a theme's number: no separator

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


def _decimals(places: int) -> str:
    return "." + "0" * places if places > 0 else ""


def _cell_value(value):
    """The value openpyxl stores and its number format."""
    if isinstance(value, Percent):
        whole = float(value.value).is_integer()
        return value.value / 100, "0" + _decimals(0 if whole else 1) + "%"
    if isinstance(value, Code):
        return value.value, CODE_FORMAT
    if isinstance(value, bool):
        return value, None
    if isinstance(value, int):
        return value, INTEGER_FORMAT
    if isinstance(value, Decimal):
        # As many decimals as the value has: 100 stays 100, 2.50 shows as 2.5 (2,5).
        return value, INTEGER_FORMAT + _decimals(-plain(value).as_tuple().exponent)
    if isinstance(value, float):
        return value, None  # "General": no float is exported today; shown as it is
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
        return 6
    if isinstance(value, Code):
        return len(str(value.value))
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return len(str(value)) + len(str(abs(int(value)))) // 3  # with its separators
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
    if isinstance(value, Code):
        return str(value.value)
    if isinstance(value, Percent):
        number = value.value
        return str(int(number)) if float(number).is_integer() else str(number)
    if isinstance(value, Decimal):
        return str(plain(value))
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
    dates as yyyy-mm-dd, decimals with a point and no thousands separator, in both languages.

    A CSV is data for other programs (the open-data users, a database import, a script): it has
    no cell types, so a number is only what its characters say. Written as 2.500 it would be
    two and a half to every program that reads a point as the decimal sign, and "1.234,5" would
    need quoting in a comma-separated file; 1234.5 reads back the same everywhere. People who
    want the figures grouped in their own notation open the workbook, whose cells are numbers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise_formulas(str(column.header)) for column in table.columns])
    for row in table.rows:
        writer.writerow([_csv_value(value) for value in row])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")
