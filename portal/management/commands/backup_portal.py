from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from portal.backup import backup_create


class Command(BaseCommand):
    help = "Back up every record and uploaded file into a new folder (default: var/backups/)."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=settings.VAR_DIR / "backups")

    def handle(self, *args, output: Path, **options):
        folder = backup_create(destination=output)
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
