"""The CSV writer's formula guard, over arbitrary text: read back with either list separator
(Excel's "," in English settings, ";" in Vietnamese ones), no cell starts a formula, and text
that starts none is left exactly as it was typed."""

from __future__ import annotations

import csv
import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from office.exports.tables import Column, Table
from office.exports.writers import csv_bytes, neutralise_formulas

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Mostly the characters that matter, so that separators, quotes and formula signs meet often.
tricky_text = st.text(alphabet=st.sampled_from(list(",;\"' =+-@\t\r\nPhòngĐ1")), max_size=30)
cell_text = st.one_of(
    tricky_text,
    # Any text a database keeps: no NUL, no lone surrogate.
    st.text(
        alphabet=st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=30
    ),
)


def fields(data: bytes, delimiter: str) -> list[str]:
    text = data.decode("utf-8-sig")
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [value for row in rows for value in row]


def starts_a_formula(value: str) -> bool:
    """Also after leading spaces and quotes, and after CRLF: read with the other separator, a
    quote can carry the file's own line end into the start of the next cell."""
    return re.sub(r'^(?:[ "]|\r\n)*', "", value).startswith(FORMULA_START)


def only_apostrophes_added(original: str, written: str) -> bool:
    rest = iter(written)
    for char in original:
        for found in rest:
            if found == char:
                break
            if found != "'":
                return False
        else:
            return False
    return all(found == "'" for found in rest)


def table(rows: list[list[str]]) -> Table:
    return Table(key="t", title="t", columns=[Column("A"), Column("B"), Column("C")], rows=rows)


@settings(max_examples=400)
@given(st.lists(st.lists(cell_text, min_size=3, max_size=3), min_size=1, max_size=4))
def test_no_cell_starts_a_formula_with_either_separator(rows):
    data = csv_bytes(table(rows))
    for delimiter in (",", ";"):
        assert [v for v in fields(data, delimiter) if starts_a_formula(v)] == [], delimiter
    # With the file's own separator every value comes back whole, only guarded.
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert read == [["A", "B", "C"]] + [[neutralise_formulas(v) for v in row] for row in rows]


@settings(max_examples=400)
@given(cell_text)
def test_the_guard_only_adds_apostrophes_and_only_where_needed(text):
    guarded = neutralise_formulas(text)
    assert only_apostrophes_added(text, guarded)
    assert neutralise_formulas(guarded) == guarded
    # Where a spreadsheet may start a cell: the start, and after every separator or line break.
    pieces = re.split(r"(?<=[,;\r\n])", text)
    if not any(starts_a_formula(piece) for piece in pieces):
        assert guarded == text


def test_examples_with_either_separator():
    rows = [
        ["Phòng A, B", "Tăng 10% - 20%; đạt 95%", "Đơn vị: 5"],
        [";=1+1", 'Ghi chú, "=HYPERLINK(""http://x"")"', "Dòng một\n-2+3\n @SUM(A1)"],
        ["\t=1", "a;\r+1", "-"],
    ]
    data = csv_bytes(table(rows))
    for delimiter in (",", ";"):
        assert [v for v in fields(data, delimiter) if starts_a_formula(v)] == [], delimiter
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert read[1] == ["Phòng A, B", "Tăng 10% - 20%; đạt 95%", "Đơn vị: 5"]  # untouched
    assert read[2] == [
        ";'=1+1",
        'Ghi chú, "\'=HYPERLINK(""http://x"")"',
        "Dòng một\n'-2+3\n '@SUM(A1)",
    ]
    assert read[3] == ["'\t=1", "a;'\r'+1", "'-"]


def test_numbers_stay_numbers():
    from decimal import Decimal

    from office.exports.tables import Percent

    data = csv_bytes(table([[-5, Decimal("-2.50"), Percent(60)]]))
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1] == ["-5", "-2.5", "60"]
