"""A backup restores to exactly the records and files it was taken from, and each file is served
again to those who may see it and to no one else: the restore drill of "Backups" in
docs/operations.md."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from campaign.models import LegalDocument
from campaign.seed.demo import load_demo
from portal.backup import stored_files
from tests.factories import (
    make_commendation,
    make_evidence,
    make_nomination,
    make_pledge,
    make_report,
    make_role,
    make_unit,
    make_user,
)
from tests.images import jpeg_bytes
from tests.isolation import replay_data_migrations


def dump() -> list:
    out = io.StringIO()
    call_command(
        "dumpdata", natural_foreign=True, natural_primary=True, stdout=out,
        exclude=["contenttypes", "auth.permission", "sessions"],
    )  # fmt: skip
    return sorted(json.loads(out.getvalue()), key=lambda r: (r["model"], str(r.get("pk"))))


def checksums() -> dict[str, dict[str, str]]:
    """Every stored file of both storages, by name, with its SHA-256."""
    return {
        alias: {
            name: hashlib.sha256(storages[alias].open(name, "rb").read()).hexdigest()
            for name in stored_files(storages[alias])
        }
        for alias in ("default", "private")
    }


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def uploads(fixture_campaign):
    """One upload of every kind: a legal document and a commendation photo (public), evidence of
    progress and a nomination photo (private)."""
    replay_data_migrations()  # an earlier transactional test may have flushed the office group
    load_demo(password="demo password one")
    document = LegalDocument.objects.get(number="3082/QĐ-BCT")
    document.file.save("3082-QD-BCT.pdf", ContentFile(b"%PDF-1.4 quyet dinh 3082"))
    commendation = make_commendation(
        campaign=fixture_campaign, photo=jpeg_bytes(size=(1200, 800)), photo_consent=True
    )
    pledge = make_pledge(status="accepted", campaign=fixture_campaign)
    evidence = make_evidence(report=make_report(pledge=pledge, percent=30))
    unit = make_unit(name="Phòng Kế hoạch – Tài chính")
    head = make_user(username="head_kh")
    make_role(user=head, unit=unit)
    nomination = make_nomination(unit=unit, by=head, images=[jpeg_bytes()])
    return {
        "document": document,
        "commendation": commendation,
        "evidence": evidence,
        "nomination_image": nomination.images.get(),
        "head": head,
        "other_head": make_role(unit=make_unit(name="Phòng khác")).user,
    }


def assert_each_file_served_to_the_right_people(client, uploads):
    commendation = uploads["commendation"]
    for field in ("photo_card", "photo_detail", "photo_share"):
        response = client.get(getattr(commendation, field).url)
        assert response.status_code == 200 and body(response)[:2] == b"\xff\xd8"
    assert body(client.get(uploads["document"].file.url)) == b"%PDF-1.4 quyet dinh 3082"
    evidence = client.get(uploads["evidence"].get_absolute_url())
    assert evidence.status_code == 200 and body(evidence)[:2] == b"\xff\xd8"

    image_url = uploads["nomination_image"].get_absolute_url()
    assert client.get(image_url).status_code == 302  # to the login page
    client.force_login(uploads["other_head"])
    assert client.get(image_url).status_code == 404
    client.force_login(uploads["head"])
    response = client.get(image_url)
    assert response.status_code == 200 and body(response)[:2] == b"\xff\xd8"
    client.logout()


@pytest.mark.django_db(transaction=True)  # as in real use: a restore is no part of a request
def test_restore_drill_every_kind_of_upload(client, uploads, tmp_path):
    assert_each_file_served_to_the_right_people(client, uploads)
    records, files = dump(), checksums()
    assert len(files["default"]) == 5  # the document and the commendation photo's four sizes
    assert len(files["private"]) == 4  # evidence and nomination photo, each with a thumbnail

    call_command("backup_portal", output=tmp_path / "backups")
    (backup,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"] == connection.vendor
    assert manifest["files"] == {"default": 5, "private": 4}

    # Lose everything: every record and every file of both storages.
    call_command("flush", interactive=False, verbosity=0)
    for alias in ("default", "private"):
        for name in list(stored_files(storages[alias])):
            storages[alias].delete(name)
    assert checksums() == {"default": {}, "private": {}}
    assert client.get(uploads["commendation"].photo_card.url).status_code == 404

    out = io.StringIO()
    call_command("restore_portal", str(backup), yes=True, stdout=out)
    assert "Restored the database and 9 files" in out.getvalue()
    assert checksums() == files
    assert dump() == records
    assert_each_file_served_to_the_right_people(client, uploads)


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_is_refused_and_nothing_changes(fixture_campaign, tmp_path):
    call_command("backup_portal", output=tmp_path)
    (backup,) = tmp_path.glob("thidua-*")
    (damaged,) = backup.glob("database.*")
    damaged.write_bytes(b"not the data")
    before = dump()
    with pytest.raises(CommandError, match="checksum"):
        call_command("restore_portal", str(backup), yes=True)
    assert dump() == before


@pytest.mark.django_db(transaction=True)
def test_a_backup_of_another_kind_of_database_is_refused(fixture_campaign, tmp_path):
    call_command("backup_portal", output=tmp_path)
    (backup,) = tmp_path.glob("thidua-*")
    manifest = json.loads((backup / "manifest.json").read_text())
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    manifest["database"] = other
    (backup / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match=f"holds a {other} database"):
        call_command("restore_portal", str(backup), yes=True)


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="not a backup folder"):
        call_command("restore_portal", str(tmp_path), yes=True)
