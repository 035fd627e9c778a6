"""Backups of the whole portal: every record (as a Django fixture) and every uploaded file.

A backup is a folder holding data.json.gz, media.tar.gz and manifest.json (versions, counts and
checksums). Restoring replaces the database's content and the media folder with the backup's.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
from pathlib import Path

import django
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

# Rebuilt by `migrate` on every install, or not worth keeping.
EXCLUDE = ["contenttypes", "auth.permission", "sessions"]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _dump() -> bytes:
    out = io.StringIO()
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            # One consistent snapshot of every table, even while the portal is in use.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        call_command(
            "dumpdata",
            natural_foreign=True,
            natural_primary=True,
            exclude=EXCLUDE,
            stdout=out,
            verbosity=0,
        )
    return out.getvalue().encode()


def backup_create(*, destination: Path) -> Path:
    """Write a new backup folder under `destination` and return its path."""
    folder = destination / timezone.localtime().strftime("thidua-%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=False)
    data = _dump()
    (folder / "data.json.gz").write_bytes(gzip.compress(data))
    media_root = Path(settings.MEDIA_ROOT)
    files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
    with tarfile.open(folder / "media.tar.gz", "w:gz") as tar:
        for path in files:
            tar.add(path, arcname=str(path.relative_to(media_root)))
    manifest = {
        "created": timezone.now().isoformat(),
        "django": django.get_version(),
        "database": connection.vendor,
        "records": len(json.loads(data)),
        "files": len(files),
        "sha256": {name: _sha256(folder / name) for name in ("data.json.gz", "media.tar.gz")},
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return folder


class BackupError(Exception):
    pass


def backup_restore(*, source: Path) -> dict:
    """Replace all records and media with those of the backup in `source`."""
    manifest = json.loads((source / "manifest.json").read_text())
    for name, expected in manifest["sha256"].items():
        if _sha256(source / name) != expected:
            raise BackupError(f"{name} does not match its checksum: the backup is damaged")
    with transaction.atomic():
        # flush re-creates content types and permissions; the dump refers to them by name.
        call_command("flush", interactive=False, verbosity=0)
        call_command("loaddata", str(source / "data.json.gz"), verbosity=0)
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    for path in sorted(media_root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    with tarfile.open(source / "media.tar.gz", "r:gz") as tar:
        tar.extractall(media_root, filter="data")  # refuses absolute paths and ../
    return manifest
