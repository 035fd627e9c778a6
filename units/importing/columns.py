"""The columns a file may have, how their headers are recognised, and reading its rows."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import override as language

from kit.text import search_key
from units.spreadsheet import read_table


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    label: Promise
    aliases: tuple[str, ...]  # header spellings, folded by search_key


COLUMNS = [
    ColumnSpec("name", gettext_lazy("Unit name"), ("name", "unit name", "ten don vi", "don vi")),
    ColumnSpec(
        "name_en", gettext_lazy("English name"), ("name en", "english name", "ten tieng anh")
    ),
    ColumnSpec(
        "short_name", gettext_lazy("Short name"), ("short name", "ten viet tat", "viet tat")
    ),
    ColumnSpec("slug", gettext_lazy("Slug"), ("slug", "ma don vi")),
    ColumnSpec("kind", gettext_lazy("Kind"), ("kind", "loai", "loai don vi")),
    ColumnSpec(
        "parent",
        gettext_lazy("Parent unit"),
        ("parent", "parent unit", "don vi cap tren", "cap tren", "truc thuoc"),
    ),
    ColumnSpec("position", gettext_lazy("Order"), ("order", "thu tu")),
    ColumnSpec("address", gettext_lazy("Address"), ("address", "dia chi")),
    ColumnSpec("phone", gettext_lazy("Phone"), ("phone", "dien thoai", "so dien thoai")),
    ColumnSpec(
        "email", gettext_lazy("Unit e-mail"), ("email", "e mail", "unit email", "email don vi")
    ),
    ColumnSpec(
        "head_username",
        gettext_lazy("Head's user name"),
        ("head username", "username", "user name", "tai khoan", "ten dang nhap"),
    ),
    ColumnSpec(
        "head_full_name",
        gettext_lazy("Head's full name"),
        ("head full name", "head name", "full name", "ho va ten", "ho ten"),
    ),
    ColumnSpec(
        "head_email",
        gettext_lazy("Head's e-mail"),
        ("head email", "head e mail", "email nguoi dung dau", "email ca nhan"),
    ),
    ColumnSpec("role", gettext_lazy("Role"), ("role", "vai tro")),
    ColumnSpec(
        "title", gettext_lazy("Position title"), ("position title", "title", "chuc vu", "chuc danh")
    ),
]
BY_KEY = {column.key: column for column in COLUMNS}
BY_ALIAS = {alias: column.key for column in COLUMNS for alias in column.aliases}

# Spreadsheet column -> Unit field. The Vietnamese name is the unit's name.
UNIT_FIELDS = {
    "name": "name_vi",
    "name_en": "name_en",
    "short_name": "short_name_vi",
    "kind": "kind",
    "position": "position",
    "address": "address",
    "phone": "phone",
    "email": "email",
}
COLUMN_OF = {model_field: column for column, model_field in UNIT_FIELDS.items()}
HEAD_COLUMNS = ("head_username", "head_full_name", "head_email", "role", "title")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


class ImportInvalid(Exception):
    """The file has problems; nothing was imported."""

    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} problems")
        self.errors = sorted(errors, key=lambda e: e.row)


def accepted_choices(choices) -> dict[str, str]:
    """Accepted spellings of a choice: its code and its label in every language, folded."""
    accepted = {}
    for code, label in choices:
        accepted[search_key(code)] = code
        for lang in ("vi", "en"):
            with language(lang):
                accepted[search_key(str(label))] = code
    return accepted


def read_header(rows: list[tuple[int, list[str]]]) -> tuple[int, dict[int, str], list[str]]:
    """The header row's number, column index -> key, and the headers not understood."""
    if not rows:
        raise ImportInvalid([RowError(0, "", _("The file has no rows."))])
    number, cells = rows[0]
    keys: dict[int, str] = {}
    ignored = []
    errors = []
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
    if not {"name", "slug"} & set(keys.values()):
        errors.append(
            RowError(
                number,
                "",
                _(
                    "The first row must name the columns, and one of them must be the unit "
                    "name (“%(name)s”) or its slug (“%(slug)s”)."
                )
                % {"name": BY_KEY["name"].label, "slug": BY_KEY["slug"].label},
            )
        )
    if errors:
        raise ImportInvalid(errors)
    return number, keys, ignored


def read_rows(data: bytes, filename: str) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    table = read_table(data, filename)
    number, keys, ignored = read_header(table)
    body = []
    for row_number, cells in table[1:]:
        values = {key: cells[i].strip() for i, key in keys.items() if i < len(cells)}
        if any(values.values()):
            body.append((row_number, values))
    if not body:
        raise ImportInvalid([RowError(number, "", _("The file has no rows below the header."))])
    return body, ignored
