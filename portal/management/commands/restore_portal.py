from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Replace the database and every uploaded file with those of a backup folder."

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="a folder written by backup_portal")
        parser.add_argument(
            "--yes", action="store_true", help="do not ask; the current content is replaced"
        )

    def handle(self, *args, backup: Path, yes: bool, **options):
        if not (backup / "manifest.json").exists():
            raise CommandError(f"{backup} is not a backup folder (no manifest.json)")
        if not yes:
            answer = input(f"Replace ALL records and uploads with the backup {backup}? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            manifest = backup_restore(source=backup)
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = manifest["files"]
        count = sum(files.values()) if isinstance(files, dict) else files
        message = f"Restored the database and {count} files from {backup}"
        self.stdout.write(self.style.SUCCESS(message))
