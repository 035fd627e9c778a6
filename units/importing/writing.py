"""Writing a checked file: units, then parents, then accounts and roles, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from units.importing.checks import Checker, PlannedHead, PlannedUnit, split_name
from units.importing.columns import BY_KEY, COLUMN_OF, ImportInvalid, RowError, read_rows
from units.models import Unit, UnitRole


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


def units_import(*, data: bytes, filename: str, actor=None, dry_run: bool = False) -> ImportReport:
    """Check the whole file, then import it in one transaction (or, with `dry_run`, only say
    what would change). Raises UnreadableFile or ImportInvalid; then nothing is written."""
    body, ignored = read_rows(data, filename)
    try:
        with transaction.atomic():
            units, heads = Checker(body).run()
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
