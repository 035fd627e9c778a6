"""Import units and their heads from a spreadsheet (XLSX or CSV), all or nothing.

Every row is checked first and every problem reported with its row number and column; only a
file without a single problem is written, in one transaction. Units are matched by slug (given,
or made from the name) and people by user name, so importing the same file again changes
nothing. An empty cell leaves what is stored unchanged.

New accounts get no usable password (the office sets one in the admin). An existing account is
never changed: where the file disagrees with it, the difference is reported instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import override as language

from campaign.text import search_key, vi_slugify
from units.models import Unit, UnitRole
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


@dataclass
class ImportReport:
    units_created: list[str] = field(default_factory=list)
    units_updated: list[str] = field(default_factory=list)
    units_unchanged: int = 0
    accounts_created: list[str] = field(default_factory=list)
    accounts_kept: list[str] = field(default_factory=list)
    roles_created: int = 0
    roles_updated: int = 0
    roles_unchanged: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(
            self.units_created
            or self.units_updated
            or self.accounts_created
            or self.roles_created
            or self.roles_updated
        )

    def summary(self) -> str:
        return _(
            "Units: %(created)d new, %(updated)d changed, %(unchanged)d unchanged. "
            "Accounts: %(accounts)d new. Roles: %(roles_created)d new, %(roles_updated)d "
            "changed, %(roles_unchanged)d unchanged."
        ) % {
            "created": len(self.units_created),
            "updated": len(self.units_updated),
            "unchanged": self.units_unchanged,
            "accounts": len(self.accounts_created),
            "roles_created": self.roles_created,
            "roles_updated": self.roles_updated,
            "roles_unchanged": self.roles_unchanged,
        }


# Reading -------------------------------------------------------------------------------------


def _choices(choices) -> dict[str, str]:
    """Accepted spellings of a choice: its code and its label in every language, folded."""
    accepted = {}
    for code, label in choices:
        accepted[search_key(code)] = code
        for lang in ("vi", "en"):
            with language(lang):
                accepted[search_key(str(label))] = code
    return accepted


def _header(rows: list[tuple[int, list[str]]]) -> tuple[int, dict[int, str], list[str]]:
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


# Checking ------------------------------------------------------------------------------------


class _Checker:
    def __init__(self, body: list[tuple[int, dict[str, str]]]):
        self.body = body
        self.errors: list[RowError] = []
        self.units: dict[str, PlannedUnit] = {}
        self.heads: list[PlannedHead] = []
        self.kinds = _choices(Unit.Kind.choices)
        self.roles = _choices(UnitRole.Role.choices)
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


def _rows(data: bytes, filename: str) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
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


# Writing -------------------------------------------------------------------------------------


def units_import(*, data: bytes, filename: str, actor=None, dry_run: bool = False) -> ImportReport:
    """Check the whole file, then import it in one transaction (or, with `dry_run`, only say
    what would change). Raises UnreadableFile or ImportInvalid; then nothing is written."""
    body, ignored = _rows(data, filename)
    try:
        with transaction.atomic():
            units, heads = _Checker(body).run()
            report = ImportReport(ignored_columns=ignored, dry_run=dry_run)
            saved = _write_units(units, report)
            _write_heads(heads, saved, report)
            if report.changed and not dry_run:
                _audit(actor, filename, report)
            if dry_run:
                transaction.set_rollback(True)
    except IntegrityError:
        # Someone added the same unit or account while this file was being imported.
        raise ImportInvalid(
            [RowError(0, "", _("The units changed during the import; import the file again."))]
        ) from None
    return report


def _write_units(units: list[PlannedUnit], report: ImportReport) -> dict[str, Unit]:
    saved: dict[str, Unit] = {}
    changes: dict[str, list[str]] = {}
    for planned in units:
        unit = planned.existing
        if unit is None:
            unit = Unit(slug=planned.slug)
            for model_field, value in planned.values.items():
                setattr(unit, model_field, value)
            unit.save()
            report.units_created.append(unit.name_vi)
        else:
            changed = [f for f, v in planned.values.items() if getattr(unit, f) != v]
            for model_field in changed:
                setattr(unit, model_field, planned.values[model_field])
            if changed:
                unit.save(update_fields=changed)
            changes[planned.slug] = [str(BY_KEY[COLUMN_OF[f]].label) for f in changed]
        saved[planned.slug] = unit
    # Parents once every unit of the file exists, so a row may name a unit further down.
    for planned in units:
        if not planned.parent_slug:
            continue
        unit = saved[planned.slug]
        parent = saved.get(planned.parent_slug) or Unit.objects.get(slug=planned.parent_slug)
        if unit.parent_id != parent.pk:
            unit.parent = parent
            unit.save(update_fields=["parent"])
            if planned.slug in changes:
                changes[planned.slug].append(str(BY_KEY["parent"].label))
    for slug, fields in changes.items():
        if fields:
            report.units_updated.append(f"{saved[slug].name_vi} ({', '.join(fields)})")
        else:
            report.units_unchanged += 1
    return saved


def _write_heads(heads: list[PlannedHead], units: dict[str, Unit], report: ImportReport) -> None:
    User = get_user_model()
    usernames = {head.username for head in heads}
    people = {u.username: u for u in User.objects.filter(username__in=usernames)}
    roles = {
        (role.user.username, role.unit_id): role
        for role in UnitRole.objects.filter(user__username__in=usernames).select_related("user")
    }
    compared: set[str] = set()
    for head in heads:
        person = people.get(head.username)
        if person is None:
            first_name, last_name = split_name(head.full_name)
            person = User(
                username=head.username,
                first_name=first_name,
                last_name=last_name,
                email=head.email,
            )
            person.set_unusable_password()
            person.save()
            people[head.username] = person
            report.accounts_created.append(head.username)
        elif head.username not in compared and head.username not in report.accounts_created:
            compared.add(head.username)
            _report_differences(person, head, report)
        unit = units[head.unit_slug]
        role = roles.get((head.username, unit.pk))
        if role is None:
            UnitRole.objects.create(user=person, unit=unit, role=head.role, title=head.title)
            report.roles_created += 1
            continue
        changed = []
        if role.role != head.role:
            role.role = head.role
            changed.append("role")
        if head.title and role.title != head.title:
            role.title = head.title
            changed.append("title")
        if changed:
            role.save(update_fields=changed)
            report.roles_updated += 1
        else:
            report.roles_unchanged += 1


def _report_differences(person, head: PlannedHead, report: ImportReport) -> None:
    """An existing account is left as it is; say where the file differs from it."""
    differences = []
    if head.full_name and head.full_name != person.get_full_name():
        differences.append(
            _("full name “%(stored)s” (file: “%(file)s”)")
            % {"stored": person.get_full_name(), "file": head.full_name}
        )
    if head.email and head.email.lower() != person.email.lower():
        differences.append(
            _("e-mail “%(stored)s” (file: “%(file)s”)")
            % {"stored": person.email, "file": head.email}
        )
    if differences:
        report.accounts_kept.append(
            _("%(username)s already exists and was not changed: %(differences)s.")
            % {"username": head.username, "differences": "; ".join(differences)}
        )


def _audit(actor, filename: str, report: ImportReport) -> None:
    from audit.models import Event
    from audit.services import audit_record

    audit_record(
        action=Event.Action.ADMIN_CHANGE,
        actor=actor,
        detail=f"{filename}: {report.summary()}",
        target=("units.unit", "", _("Import of units and heads")),
    )
