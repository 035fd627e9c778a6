from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from units.importing import ImportInvalid, units_import
from units.spreadsheet import UnreadableFile


class Command(BaseCommand):
    help = (
        "Import units and their heads from an XLSX or CSV file. Every row is checked first; "
        "nothing is imported unless the whole file is valid. Importing the same file again "
        "changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The .xlsx or .csv file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; import nothing."
        )

    def handle(self, *args, file: Path, dry_run: bool, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from None
        try:
            report = units_import(data=data, filename=file.name, dry_run=dry_run)
        except UnreadableFile as error:
            raise CommandError(error.message) from None
        except ImportInvalid as invalid:
            for error in invalid.errors:
                where = _("Row %(row)d") % {"row": error.row} if error.row else _("File")
                column = f", {error.column}" if error.column else ""
                self.stderr.write(f"{where}{column}: {error.message}")
            raise CommandError(
                _("Nothing was imported: %(count)d problem(s) in %(file)s.")
                % {"count": len(invalid.errors), "file": file.name}
            ) from None
        if dry_run:
            self.stdout.write(_("Check only; nothing was imported."))
        self.stdout.write(report.summary())
        for name in report.units_created:
            self.stdout.write("  + " + name)
        for line in report.units_updated:
            self.stdout.write("  ~ " + line)
        if report.accounts_created:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "New accounts without a password (set one in the admin before they "
                        "can log in): %(accounts)s"
                    )
                    % {"accounts": ", ".join(report.accounts_created)}
                )
            )
        for line in report.accounts_kept:
            self.stdout.write(self.style.WARNING("  " + line))
        if report.ignored_columns:
            self.stdout.write(
                _("Columns not used: %(columns)s") % {"columns": ", ".join(report.ignored_columns)}
            )
