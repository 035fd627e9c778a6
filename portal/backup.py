"""Backups of the whole portal: the database and every uploaded file, public and private.

A backup is a folder holding
- the database: `database.psql.bin` (PostgreSQL: `pg_dump --format=custom` through
  django-dbbackup's connector, a consistent snapshot streamed to disk) or `database.sqlite3`
  (SQLite: the online backup API, consistent while the portal runs);
- `media.tar.gz`: the public uploads (commendation photos, legal documents);
- `private.tar.gz`: the uploads only the portal hands out after a permission check (evidence of
  progress, nomination photos);
- `manifest.json`: versions, counts and SHA-256 checksums.

Restoring checks the checksums, then replaces the database's content and both storages' files
with the backup's. SQLite is restored through the backup API as well, page by page into the
live connection: django-dbbackup copies the file over the database, which under WAL journaling
could be mixed with a stale write-ahead log.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import sqlite3
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import django
from django.core.files.base import File
from django.core.files.storage import Storage, storages
from django.core.management import call_command
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from kit.cache import public_content_changed
from kit.public import TOPICS

FORMAT = 2
# Storage alias -> archive in the backup folder.
ARCHIVES = {"default": "media.tar.gz", "private": "private.tar.gz"}
DATABASE_FILES = {"postgresql": "database.psql.bin", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def stored_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in `storage`, through the storage API (local disk or object storage)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield str(PurePosixPath(folder, name)) if folder else name
    for sub in sorted(folders):
        yield from stored_files(storage, str(PurePosixPath(folder, sub)) if folder else sub)


def _dump_database(path: Path) -> None:
    if connection.vendor == "postgresql":
        from dbbackup.db.base import get_connector

        dump = get_connector(connection.alias).create_dump()
        with path.open("wb") as out:
            dump.seek(0)
            shutil.copyfileobj(dump, out)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        target.close()
    else:  # pragma: no cover - the portal runs on these two
        raise BackupError(f"backups of {connection.vendor} databases are not supported")


def _archive(storage: Storage, archive: Path) -> int:
    count = 0
    with tarfile.open(archive, "w:gz") as tar:
        for name in stored_files(storage):
            with storage.open(name, "rb") as handle:
                info = tarfile.TarInfo(name)
                info.size = handle.size
                tar.addfile(info, handle)
            count += 1
    return count


def backup_create(*, destination: Path) -> Path:
    """Write a new backup folder under `destination` and return its path."""
    folder = destination / timezone.localtime().strftime("thidua-%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=False)
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"backups of {connection.vendor} databases are not supported")
    database = DATABASE_FILES[connection.vendor]
    _dump_database(folder / database)
    files = {alias: _archive(storages[alias], folder / name) for alias, name in ARCHIVES.items()}
    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "django": django.get_version(),
        "database": connection.vendor,
        "files": files,
        "sha256": {name: _sha256(folder / name) for name in [database, *ARCHIVES.values()]},
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return folder


def _restore_database(path: Path) -> None:
    close_old_connections()
    if connection.vendor == "postgresql":
        from dbbackup.db.base import get_connector

        connection.close()  # pg_restore drops the tables: nothing of ours may hold them
        with path.open("rb") as dump:
            get_connector(connection.alias).restore_dump(dump)
    else:
        connection.ensure_connection()
        with sqlite3.connect(path) as source:
            source.backup(connection.connection)
        source.close()


def _replace_files(storage: Storage, archive: Path) -> None:
    for name in list(stored_files(storage)):
        storage.delete(name)
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar:
            member = tarfile.data_filter(member, "")  # refuses absolute paths, ../ and links
            if not member.isfile():
                continue
            with tar.extractfile(member) as handle:
                saved = storage.save(member.name, File(handle, name=member.name))
            if saved != member.name:
                raise BackupError(f"{member.name} could not be restored under its own name")


def backup_restore(*, source: Path) -> dict:
    """Replace the database and every upload with those of the backup in `source`."""
    manifest = json.loads((source / "manifest.json").read_text())
    for name, expected in manifest["sha256"].items():
        if not (source / name).is_file() or _sha256(source / name) != expected:
            raise BackupError(f"{name} does not match its checksum: the backup is damaged")
    if manifest.get("format", 1) == 1:
        _restore_format_1(source)
        return manifest
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"the backup holds a {manifest['database']} database and this portal runs on "
            f"{connection.vendor}: restore it on the same kind of database"
        )
    if connection.in_atomic_block:
        raise BackupError("a restore cannot run inside a transaction")
    _restore_database(source / DATABASE_FILES[connection.vendor])
    for alias, name in ARCHIVES.items():
        _replace_files(storages[alias], source / name)
    _forget_stored_pages()
    return manifest


def _forget_stored_pages() -> None:
    """Pages and figures kept in the shared cache show what was there before the restore."""
    for topic in TOPICS:
        public_content_changed(topic=topic)


def _restore_format_1(source: Path) -> None:
    """Backups written before format 2: a JSON fixture and the public media folder only."""
    with tempfile.TemporaryDirectory() as tmp:
        fixture = Path(tmp) / "data.json"
        fixture.write_bytes(gzip.decompress((source / "data.json.gz").read_bytes()))
        with transaction.atomic():
            # flush re-creates content types and permissions; the dump refers to them by name.
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(fixture), verbosity=0)
    _replace_files(storages["default"], source / "media.tar.gz")
    _forget_stored_pages()
