"""A backup restores to exactly the records and files it was taken from."""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError

from campaign.models import Campaign, LegalDocument
from campaign.seed.demo import load_demo
from units.models import Unit


def dump() -> list:
    out = io.StringIO()
    call_command(
        "dumpdata", natural_foreign=True, natural_primary=True, stdout=out,
        exclude=["contenttypes", "auth.permission", "sessions"],
    )  # fmt: skip
    return sorted(json.loads(out.getvalue()), key=lambda r: (r["model"], str(r.get("pk"))))


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.mark.django_db(transaction=True)  # as in real use: restore is its own transaction
def test_backup_and_restore_round_trip(fixture_campaign, media, tmp_path):
    load_demo(password="demo password one")
    document = LegalDocument.objects.get(number="3082/QĐ-BCT")
    document.file.save("3082-QD-BCT.pdf", ContentFile(b"%PDF-1.4 quyet dinh 3082"))
    before = dump()
    files_before = {p.relative_to(media): p.read_bytes() for p in media.rglob("*") if p.is_file()}

    call_command("backup_portal", output=tmp_path / "backups")
    (backup,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["records"] == len(before) and manifest["files"] == 1

    # Lose everything, then restore.
    Campaign.objects.all().delete()
    Unit.objects.update(name_vi="hỏng")
    for path in media.rglob("*"):
        if path.is_file():
            path.unlink()
    call_command("restore_portal", str(backup), yes=True)

    assert dump() == before
    files_after = {p.relative_to(media): p.read_bytes() for p in media.rglob("*") if p.is_file()}
    assert files_after == files_before


@pytest.mark.django_db
def test_a_damaged_backup_is_refused_and_nothing_changes(fixture_campaign, media, tmp_path):
    call_command("backup_portal", output=tmp_path)
    (backup,) = tmp_path.glob("thidua-*")
    (backup / "data.json.gz").write_bytes(b"not the data")
    before = dump()
    with pytest.raises(CommandError, match="checksum"):
        call_command("restore_portal", str(backup), yes=True)
    assert dump() == before


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="not a backup folder"):
        call_command("restore_portal", str(tmp_path), yes=True)
