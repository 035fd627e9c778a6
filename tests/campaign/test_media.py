"""Public uploads are served by the portal itself, with DEBUG off as under `make run`."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings

from tests.factories import make_commendation, make_evidence, make_pledge, make_report
from tests.images import jpeg_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixture_campaign")]


@override_settings(DEBUG=False)
def test_every_rendition_of_a_published_photo_is_served(client):
    commendation = make_commendation(photo=jpeg_bytes(size=(1200, 800)), photo_consent=True)
    for field in ("photo", "photo_card", "photo_detail", "photo_share"):
        url = getattr(commendation, field).url
        assert url.startswith("/media/")
        response = client.get(url)
        assert response.status_code == 200, (field, url)
        assert response["Content-Type"] == "image/jpeg"
        assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
        assert "sandbox" in response["Content-Security-Policy"]
        assert response["Cache-Control"] == "public, max-age=86400"


@override_settings(DEBUG=False)
def test_a_document_is_downloaded_not_rendered(client):
    default_storage.save("legal/decision.html", ContentFile(b"<script>alert(1)</script>"))
    response = client.get("/media/legal/decision.html")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="decision.html"'


@pytest.mark.parametrize(
    "path",
    ["/media/nothing-here.jpg", "/media/legal/", "/media/../private/x.jpg", "/media/%2e%2e/x"],
)
def test_missing_or_outside_paths_are_not_found(client, path):
    assert client.get(path).status_code in {400, 404}


def test_evidence_is_never_reachable_under_media(client, settings):
    pledge = make_pledge(status="accepted")
    evidence = make_evidence(report=make_report(pledge=pledge, percent=10))
    assert evidence.image.storage.exists(evidence.image.name)
    assert client.get(f"/media/{evidence.image.name}").status_code == 404


def test_intranet_mode_asks_for_a_login_first(client, settings):
    commendation = make_commendation(photo=jpeg_bytes(size=(1200, 800)), photo_consent=True)
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        "django.contrib.auth.middleware.LoginRequiredMiddleware",
    ]
    response = client.get(commendation.photo_card.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
