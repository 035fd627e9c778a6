"""Checking every row of a file before anything is written: the plan of units and heads to
import, or every problem found with its row and column."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kit.text import search_key, vi_slugify
from units.importing.columns import (
    BY_KEY,
    COLUMN_OF,
    HEAD_COLUMNS,
    UNIT_FIELDS,
    ImportInvalid,
    RowError,
    accepted_choices,
)
from units.models import Unit, UnitRole


@dataclass
class PlannedUnit:
    slug: str
    row: int
    values: dict[str, object] = field(default_factory=dict)  # Unit field -> value
    sources: dict[str, int] = field(default_factory=dict)  # Unit field -> row that gave it
    parent_ref: str = ""
    parent_row: int = 0
    existing: Unit | None = None
    parent_slug: str | None = None  # resolved


@dataclass
class PlannedHead:
    row: int
    unit_slug: str
    username: str
    full_name: str
    email: str
    role: str
    title: str


class Checker:
    def __init__(self, body: list[tuple[int, dict[str, str]]]):
        self.body = body
        self.errors: list[RowError] = []
        self.units: dict[str, PlannedUnit] = {}
        self.heads: list[PlannedHead] = []
        self.kinds = accepted_choices(Unit.Kind.choices)
        self.roles = accepted_choices(UnitRole.Role.choices)
        self.existing = {u.slug: u for u in Unit.objects.all()}

    def error(self, row: int, column: str, message) -> None:
        self.errors.append(RowError(row, str(BY_KEY[column].label) if column else "", message))

    def run(self) -> tuple[list[PlannedUnit], list[PlannedHead]]:
        for number, cells in self.body:
            self.read_unit(number, cells)
        self.resolve_parents()
        for unit in self.units.values():
            self.validate_unit(unit)
        self.check_heads()
        if self.errors:
            raise ImportInvalid(self.errors)
        return list(self.units.values()), self.heads

    def read_unit(self, number: int, cells: dict[str, str]) -> None:
        name, slug = cells.get("name", ""), cells.get("slug", "")
        if not name and not slug:
            self.error(number, "name", _("Give the unit's name (or the slug of a unit)."))
            return
        if not slug:
            slug = vi_slugify(name)
            if not slug:
                self.error(number, "name", _("A slug cannot be made from this name; give one."))
                return
        elif slug not in self.existing and slug not in self.units and not name:
            self.error(
                number,
                "slug",
                _("No unit has the slug “%(slug)s”; give its name to create it.") % {"slug": slug},
            )
            return
        unit = self.units.setdefault(slug, PlannedUnit(slug=slug, row=number))
        unit.existing = self.existing.get(slug)
        for column, model_field in UNIT_FIELDS.items():
            raw = cells.get(column, "")
            if not raw:
                continue
            value = self.convert(number, column, raw)
            if value is None:
                continue
            if model_field in unit.values and unit.values[model_field] != value:
                self.error(
                    number,
                    column,
                    _(
                        "Row %(first)d gives this unit (%(slug)s) another value: “%(value)s”. "
                        "Give each unit its own slug, or the same values on every row."
                    )
                    % {
                        "first": unit.sources[model_field],
                        "slug": slug,
                        "value": unit.values[model_field],
                    },
                )
                continue
            unit.values[model_field] = value
            unit.sources.setdefault(model_field, number)
        if parent := cells.get("parent", ""):
            if unit.parent_ref and search_key(unit.parent_ref) != search_key(parent):
                self.error(
                    number,
                    "parent",
                    _("Row %(first)d gives this unit another parent unit: “%(parent)s”.")
                    % {"first": unit.parent_row, "parent": unit.parent_ref},
                )
            elif not unit.parent_ref:
                unit.parent_ref, unit.parent_row = parent, number
        if any(cells.get(column) for column in HEAD_COLUMNS):
            self.read_head(number, slug, cells)

    def convert(self, number: int, column: str, raw: str):
        if column == "kind":
            code = self.kinds.get(search_key(raw))
            if code is None:
                self.error(
                    number,
                    column,
                    _("Unknown kind “%(value)s”; use one of: %(choices)s.")
                    % {
                        "value": raw,
                        "choices": ", ".join(str(label) for _c, label in Unit.Kind.choices),
                    },
                )
            return code
        if column == "position":
            try:
                value = int(raw)
            except ValueError:
                value = -1
            if value < 0:
                self.error(number, column, _("Give the order as a whole number, 0 or more."))
                return None
            return value
        return raw

    def resolve_parents(self) -> None:
        by_name_file: dict[str, list[str]] = {}
        for slug, unit in self.units.items():
            if name := unit.values.get("name_vi"):
                by_name_file.setdefault(search_key(str(name)), []).append(slug)
        by_name_db: dict[str, list[str]] = {}
        for slug, unit in self.existing.items():
            by_name_db.setdefault(search_key(unit.name_vi or ""), []).append(slug)
        for unit in self.units.values():
            if not unit.parent_ref:
                continue
            ref = unit.parent_ref
            candidates: list[str] = []
            for found in (
                [ref] if ref in self.units else [],
                [ref] if ref in self.existing else [],
                by_name_file.get(search_key(ref), []),
                by_name_db.get(search_key(ref), []),
            ):
                if found:
                    candidates = sorted(set(found))
                    break
            if not candidates:
                self.error(
                    unit.parent_row,
                    "parent",
                    _("No unit in the file or in the portal is called “%(parent)s”.")
                    % {"parent": ref},
                )
            elif len(candidates) > 1:
                self.error(
                    unit.parent_row,
                    "parent",
                    _("Several units are called “%(parent)s” (%(slugs)s); give the slug.")
                    % {"parent": ref, "slugs": ", ".join(candidates)},
                )
            elif candidates[0] == unit.slug:
                self.error(unit.parent_row, "parent", _("A unit cannot be its own parent."))
            else:
                unit.parent_slug = candidates[0]
        self.check_cycles()

    def check_cycles(self) -> None:
        slug_of = {u.pk: slug for slug, u in self.existing.items()}
        parent_of = {slug: slug_of.get(u.parent_id) for slug, u in self.existing.items()}
        parent_of.update({s: u.parent_slug for s, u in self.units.items() if u.parent_slug})
        for slug, unit in self.units.items():
            if not unit.parent_slug:
                continue
            seen, current = {slug}, unit.parent_slug
            while current is not None:
                if current in seen:
                    self.error(
                        unit.parent_row,
                        "parent",
                        _("This parent would place the unit under one of its own sub-units."),
                    )
                    break
                seen.add(current)
                current = parent_of.get(current)

    def validate_unit(self, unit: PlannedUnit) -> None:
        """The model's own rules (lengths, e-mail, slug) on the unit as it would be saved."""
        candidate = Unit(slug=unit.slug, name_vi=unit.existing.name_vi if unit.existing else "")
        if unit.existing is not None:
            for model_field in UNIT_FIELDS.values():
                setattr(candidate, model_field, getattr(unit.existing, model_field))
        for model_field, value in unit.values.items():
            setattr(candidate, model_field, value)
        try:
            candidate.full_clean(
                exclude=["parent", "name", "short_name"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            for model_field, messages in error.message_dict.items():
                column = COLUMN_OF.get(model_field, "slug" if model_field == "slug" else "name")
                row = unit.sources.get(model_field, unit.row)
                for message in messages:
                    self.error(row, column, message)

    def read_head(self, number: int, unit_slug: str, cells: dict[str, str]) -> None:
        username = cells.get("head_username", "")
        if not username:
            self.error(number, "head_username", _("Give the user name of the person in this row."))
            return
        role = UnitRole.Role.HEAD
        if raw_role := cells.get("role", ""):
            role = self.roles.get(search_key(raw_role))
            if role is None:
                self.error(
                    number,
                    "role",
                    _("Unknown role “%(value)s”; use one of: %(choices)s.")
                    % {
                        "value": raw_role,
                        "choices": ", ".join(str(label) for _c, label in UnitRole.Role.choices),
                    },
                )
                return
        self.heads.append(
            PlannedHead(
                row=number,
                unit_slug=unit_slug,
                username=username,
                full_name=" ".join(cells.get("head_full_name", "").split()),
                email=cells.get("head_email", ""),
                role=role,
                title=cells.get("title", ""),
            )
        )

    def check_heads(self) -> None:
        User = get_user_model()
        seen_people: dict[str, PlannedHead] = {}
        seen_roles: dict[tuple[str, str], int] = {}
        for head in self.heads:
            key = (head.username, head.unit_slug)
            if key in seen_roles:
                self.error(
                    head.row,
                    "head_username",
                    _("Row %(first)d already gives %(username)s a role in this unit.")
                    % {"first": seen_roles[key], "username": head.username},
                )
            seen_roles.setdefault(key, head.row)
            first = seen_people.setdefault(head.username, head)
            for column, attr in (("head_full_name", "full_name"), ("head_email", "email")):
                mine, theirs = getattr(head, attr), getattr(first, attr)
                if mine and theirs and mine != theirs:
                    self.error(
                        head.row,
                        column,
                        _("Row %(first)d gives %(username)s another value: “%(value)s”.")
                        % {"first": first.row, "username": head.username, "value": theirs},
                    )
            first_name, last_name = split_name(head.full_name)
            person = User(
                username=head.username,
                first_name=first_name,
                last_name=last_name,
                email=head.email,
            )
            try:
                person.full_clean(exclude=["password"], validate_unique=False)
            except ValidationError as error:
                columns = {
                    "username": "head_username",
                    "email": "head_email",
                    "first_name": "head_full_name",
                    "last_name": "head_full_name",
                }
                for model_field, messages in error.message_dict.items():
                    for message in messages:
                        self.error(head.row, columns.get(model_field, "head_username"), message)
            title_max = UnitRole._meta.get_field("title").max_length
            if len(head.title) > title_max:
                self.error(
                    head.row,
                    "title",
                    _("At most %(max)d characters.") % {"max": title_max},
                )


def split_name(full_name: str) -> tuple[str, str]:
    """Vietnamese names put the family name first: "Nguyễn Văn An" is first_name "Nguyễn Văn"
    and last_name "An", so that get_full_name() reads naturally (as in the demo data)."""
    parts = full_name.split()
    if len(parts) < 2:
        return full_name, ""
    return " ".join(parts[:-1]), parts[-1]
