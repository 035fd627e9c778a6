"""Security properties that hold across the apps: hostile uploads on every upload field, random
text on every form, fields the server owns, and sessions that end when they should."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.fields import ImageUploadField, MultipleImageField
from news.forms import CommendationAdminForm, NominationForm
from pledges.forms import PledgeForm, ProgressReportForm
from tests.factories import make_role, make_user
from tests.images import (
    GPS_IFD,
    animated_webp_bytes,
    hostile_uploads,
    jpeg_bytes,
    png_bytes,
    upload,
)

pytestmark = pytest.mark.django_db

# Every form a person fills in, with the upload field it has (if any).
UPLOAD_FIELDS = [
    (ProgressReportForm, "images"),
    (NominationForm, "evidence"),
    (CommendationAdminForm, "photo_upload"),
]
MODEL_FORMS = [PledgeForm, ProgressReportForm, NominationForm, CommendationAdminForm]
# What the server always sets itself: never a field a person may post.
SERVER_OWNED = {
    "status", "version", "created_by", "submitted_by", "reviewed_by", "reported_by", "author",
    "nominated_by", "decided_by", "latest_percent", "latest_report_at", "search_key", "pledge",
    "reviewed_at", "submitted_at", "completed_at", "commendation",
}  # fmt: skip


@pytest.mark.parametrize("form_class", MODEL_FORMS, ids=lambda f: f.__name__)
def test_forms_list_their_fields_and_never_take_server_owned_ones(form_class):
    meta_fields = form_class._meta.fields
    assert isinstance(meta_fields, list | tuple), "a form must name its fields"
    exposed = (
        set(meta_fields) - {"status", "publish_at"}
        if form_class is CommendationAdminForm
        else set(meta_fields)
    )
    assert not exposed & SERVER_OWNED


@pytest.mark.parametrize(
    ("form_class", "name"), UPLOAD_FIELDS, ids=lambda x: getattr(x, "__name__", x)
)
@pytest.mark.parametrize("kind", list(hostile_uploads()))
def test_every_upload_field_rejects_the_attack_corpus_by_name(form_class, name, kind):
    field = form_class.base_fields[name]
    assert isinstance(field, ImageUploadField | MultipleImageField)
    bad = hostile_uploads()[kind]
    value = [bad] if isinstance(field, MultipleImageField) else bad
    with pytest.raises(Exception) as caught:
        field.clean(value)
    assert caught.type.__name__ == "ValidationError"
    assert f"“{bad.name}”" in " ".join(caught.value.messages)


GOOD_BUT_UNUSUAL = {
    "gps-jpeg": lambda: upload("phone.jpg", jpeg_bytes(gps=True)),
    "cmyk-jpeg": lambda: upload("print.jpg", jpeg_bytes(mode="CMYK")),
    "16-bit-png": lambda: upload("scan.png", png_bytes(mode="I;16"), "image/png"),
    "animated-webp": lambda: upload("anim.webp", animated_webp_bytes(), "image/webp"),
}


@pytest.mark.parametrize(
    ("form_class", "name"), UPLOAD_FIELDS, ids=lambda x: getattr(x, "__name__", x)
)
@pytest.mark.parametrize("kind", list(GOOD_BUT_UNUSUAL))
def test_every_upload_field_stores_real_images_sanitised(form_class, name, kind):
    import io

    from PIL import Image

    field = form_class.base_fields[name]
    good = GOOD_BUT_UNUSUAL[kind]()
    cleaned = field.clean([good] if isinstance(field, MultipleImageField) else good)
    processed = cleaned[0] if isinstance(cleaned, list) else cleaned
    stored = Image.open(io.BytesIO(processed.content.read()))
    assert not stored.getexif().get_ifd(GPS_IFD) and not stored.getexif()
    assert getattr(stored, "n_frames", 1) == 1


# --- random text on every form -----------------------------------------------------------------

NASTY = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "\u202e\u200f\u200d" * 20,  # right-to-left override and marks, zero-width joiner
            "a\x00b",
            "x" * 100_000,
            "🎉👩‍👩‍👧‍👦" * 50,
            "Đ" + "\u0301\u0323" * 200,  # one letter with a pile of combining marks
            "<script>alert(1)</script>",
            "' OR 1=1 --",
        ]
    ),
)


def nul(*texts: str) -> bool:
    """Whether a text holds a NUL character: the portal refuses those with a 400, form or not
    (portal.middleware.RejectNulMiddleware)."""
    return any("\x00" in text for text in texts)


@pytest.fixture
def head(fixture_campaign):
    from units.models import Unit

    user = make_user(username="fuzzhead")
    make_role(user=user, unit=Unit.objects.get(slug="van-phong-so"))
    return user


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=NASTY, text=NASTY, number=NASTY)
def test_the_pledge_form_never_fails_on_any_text(
    client, fixture_campaign, head, title, text, number
):
    client.force_login(head)
    url = reverse("pledges:create", args=["van-phong-so", fixture_campaign.slug])
    theme = fixture_campaign.themes.get(number=1)
    data = {
        "theme": theme.pk, "title": title, "commitment": text, "target_value": number,
        "target_unit": text[:50], "due_on": number,
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code in ((400,) if nul(title, text, number) else (200, 302))
    if response.status_code == 302:  # stored: the page shows it escaped
        page = client.get(response["Location"]).content.decode()
        assert "<script>alert(1)</script>" not in page


FUZZ_SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ_SETTINGS
@given(text=NASTY, percent=NASTY, name=NASTY)
def test_the_other_forms_never_fail_on_any_text(client, fixture_campaign, text, percent, name):
    """Progress report, nomination, review, password change: any text gets a page, not a 500."""
    from tests.factories import make_pledge

    head = get_user_model().objects.get_or_create(username="fuzz")[0]
    if not head.unit_roles.exists():
        from units.models import Unit

        make_role(user=head, unit=Unit.objects.get(slug="van-phong-so"))
    office = get_user_model().objects.filter(groups__name="Campaign office").first() or make_user(
        username="fuzz-office", office=True
    )
    theme = fixture_campaign.themes.get(number=1)
    accepted = make_pledge(status="accepted", campaign=fixture_campaign, theme=theme,
                           unit=head.unit_roles.get().unit)  # fmt: skip
    submitted = make_pledge(status="submitted", campaign=fixture_campaign, theme=theme)
    client.force_login(head)
    posts = [
        (reverse("pledges:report", args=[accepted.pk]), {"percent": percent, "narrative": text}),
        (
            reverse("news:nomination-create"),
            {
                "honoree_name": name,
                "honoree_kind": "person",
                "position": text,
                "theme": theme.pk,
                "achievements": text,
            },
        ),  # fmt: skip
        (
            reverse("password_change"),
            {"old_password": text, "new_password1": name, "new_password2": name},
        ),
    ]
    for url, data in posts:
        expected = (400,) if nul(*map(str, data.values())) else (200, 302)
        assert client.post(url, data).status_code in expected, url
    client.force_login(office)
    review = reverse("pledges:review", args=[submitted.pk])
    expected = (400,) if nul(name, text) else (200, 302)
    assert client.post(review, {"decision": name, "reason": text}).status_code in expected


@FUZZ_SETTINGS
@given(query=NASTY, field=st.sampled_from(["q", "theme", "unit", "form", "page"]))
def test_public_lists_never_fail_on_any_query(client, fixture_campaign, query, field):
    for path in ("/news/", fixture_campaign.themes.first().get_absolute_url(), "/campaigns/"):
        response = client.get(path, {field: query})
        assert response.status_code in ((400,) if nul(query) else (200, 404))
        assert "<script>alert(1)</script>" not in response.content.decode()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(username=NASTY, password=NASTY)
def test_login_never_fails_on_any_text(db, username, password):
    response = Client().post(reverse("login"), {"username": username, "password": password})
    assert response.status_code in ((400,) if nul(username, password) else (200, 429))


@pytest.mark.parametrize("path", ["login", "admin:login"])
def test_a_very_long_user_name_is_a_failed_login_not_an_error(db, path):
    """Found on PostgreSQL by the fuzzer: the failure log column holds 255 characters."""
    from axes.models import AccessAttempt

    client = Client(raise_request_exception=False)
    response = client.post(reverse(path), {"username": "đ" * 300, "password": "x"})
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "đ" * 150


# --- sessions ------------------------------------------------------------------------------------


def test_sessions_rotate_on_login_and_end_on_logout():
    make_user(username="head1")
    client = Client()
    client.get(reverse("login"))
    client.cookies["sessionid"] = "attacker-chosen-session-key"
    client.post(reverse("login"), {"username": "head1", "password": "correct horse battery"})
    key = client.cookies["sessionid"].value
    assert key != "attacker-chosen-session-key"
    assert client.get(reverse("pledges:workspace")).status_code == 200
    client.post(reverse("logout"))
    client.cookies["sessionid"] = key  # replaying the old cookie does not log in again
    assert client.get(reverse("pledges:workspace")).status_code == 302


def test_changing_the_password_ends_the_other_sessions():
    user = make_user(username="head1")
    laptop, phone = Client(), Client()
    for device in (laptop, phone):
        device.post(reverse("login"), {"username": "head1", "password": "correct horse battery"})
    response = laptop.post(
        reverse("password_change"),
        {
            "old_password": "correct horse battery",
            "new_password1": "một mật khẩu mới rất dài 2026",
            "new_password2": "một mật khẩu mới rất dài 2026",
        },
    )
    assert response.status_code == 302
    assert laptop.get(reverse("pledges:workspace")).status_code == 200  # this one stays in
    assert phone.get(reverse("pledges:workspace")).status_code == 302  # the other is out
    user.refresh_from_db()
    assert user.password.startswith("argon2") or user.check_password(
        "một mật khẩu mới rất dài 2026"
    )


def test_passwords_are_hashed_with_argon2_in_production_settings():
    from django.conf import settings as django_settings
    from django.test.utils import override_settings

    import config.settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        user = get_user_model()(username="x")
        user.set_password("một mật khẩu dài")
        assert user.password.startswith("argon2$")
    assert django_settings.AUTH_PASSWORD_VALIDATORS[1]["OPTIONS"]["min_length"] == 12


@pytest.mark.parametrize(
    ("form_class", "name"), UPLOAD_FIELDS, ids=[f.__name__ for f, _ in UPLOAD_FIELDS]
)
def test_every_upload_field_refuses_a_50_mb_file_before_reading_it(form_class, name):
    import os

    field = form_class.base_fields[name]
    huge = upload("video.jpg", os.urandom(50 * 1024 * 1024))
    with pytest.raises(Exception) as caught:
        field.clean([huge] if isinstance(field, MultipleImageField) else huge)
    assert caught.type.__name__ == "ValidationError"
    message = " ".join(caught.value.messages)
    assert "“video.jpg”" in message and "50,0" in message
