"""Reading a table of rows from an uploaded XLSX or CSV file, as text.

Whatever the file holds, the outcome is rows of strings or an UnreadableFile with a message the
office can act on; never an exception from deep inside a parser.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000


class UnreadableFile(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number typed into a cell: 12.0 is "12"
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl fails in many ways on a file that is not a workbook
        raise UnreadableFile(
            _("The file could not be read as an Excel workbook (.xlsx): %(error)s")
            % {"error": error}
        ) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append([_text(v) for v in values])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    except Exception as error:  # a damaged sheet can fail in many ways inside openpyxl
        raise UnreadableFile(
            _("The workbook is damaged and could not be read: %(error)s") % {"error": error}
        ) from None
    finally:
        workbook.close()


def _read_csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile(
            _(
                "The CSV file is not in UTF-8, so its Vietnamese letters cannot be read. In "
                "Excel choose “Save as” › “CSV UTF-8 (comma delimited)”, or upload the .xlsx."
            )
        ) from None
    first_line = text.split("\n", 1)[0]
    # Excel writes semicolons where the decimal mark is a comma (Vietnamese settings).
    delimiter = max(",;\t", key=first_line.count)
    try:
        return [
            [cell.strip() for cell in row]
            for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise UnreadableFile(
            _("The CSV file could not be read: %(error)s") % {"error": error}
        ) from None


def read_table(data: bytes, filename: str) -> list[tuple[int, list[str]]]:
    """The non-empty rows of the file's first sheet, each with its row number (1 = first)."""
    if len(data) > MAX_BYTES:
        raise UnreadableFile(_("The file is larger than 5 MB."))
    name = filename.lower()
    if name.endswith(".xlsx") or data.startswith(b"PK\x03\x04"):
        rows = _read_xlsx(data)
    elif name.endswith(".csv") or name.endswith(".txt"):
        rows = _read_csv(data)
    else:
        raise UnreadableFile(
            _("Upload an Excel workbook (.xlsx) or a CSV file; “%(name)s” is neither.")
            % {"name": filename}
        )
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(row)]
    if len(numbered) > MAX_ROWS + 1:
        raise UnreadableFile(
            _("The file has more than %(max)d rows; split it into smaller files.")
            % {"max": MAX_ROWS}
        )
    return numbered
