"""Security headers on every kind of response: public page, form, admin, static file, error."""

import pytest
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

CSP_MUST_HAVE = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
]


def pages(client):
    office = make_user(office=True)
    yield "public page", client.get("/")
    yield "English page", client.get("/en/")
    yield "form", client.get(reverse("login"))
    yield "not found", client.get("/khong-co/")
    client.force_login(office)
    yield "admin", client.get(reverse("admin:index"))
    yield "admin form", client.get(reverse("admin:campaign_campaign_add"))


def test_every_kind_of_page_carries_the_security_headers(client, fixture_campaign):
    for kind, response in pages(client):
        csp = response["Content-Security-Policy"]
        for directive in CSP_MUST_HAVE:
            assert directive in csp, (kind, directive)
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, kind
        assert response["X-Content-Type-Options"] == "nosniff", kind
        assert response["X-Frame-Options"] == "DENY", kind
        assert response["Referrer-Policy"] == "same-origin", kind
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", kind
        assert "camera=()" in response["Permissions-Policy"], kind
        assert "geolocation=()" in response["Permissions-Policy"], kind


def test_uploaded_files_are_served_sandboxed(client, fixture_campaign):
    """An evidence photo is shown alone: no script, no plugin, no framing, sandboxed."""
    from tests.factories import make_evidence, make_pledge, make_report

    pledge = make_pledge(status="accepted", campaign=fixture_campaign)
    evidence = make_evidence(report=make_report(pledge=pledge))
    response = client.get(evidence.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    csp = response["Content-Security-Policy"]
    for directive in ("default-src 'none'", "sandbox", "frame-ancestors 'none'"):
        assert directive in csp
    assert "script-src" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_pages_carry_no_per_visitor_token_or_nonce(client, fixture_campaign):
    html = client.get("/").content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "nonce" not in html
    assert "Set-Cookie" not in str(client.get("/").headers)


def test_forms_carry_a_csrf_token(client, db):
    assert "csrfmiddlewaretoken" in client.get(reverse("login")).content.decode()


def test_posting_without_a_csrf_token_is_refused(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    make_user(username="head1")
    response = client.post(
        reverse("login"), {"username": "head1", "password": "correct horse battery"}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert "không có gì được lưu" in response.content.decode()
