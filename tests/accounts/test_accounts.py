"""Login, logout, password change and reset in the portal's look; login throttling (django-axes)
with a translated 429 page, and unlocking by the office in the admin; password reset limits."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.urls import reverse

from audit.models import Event
from tests.factories import make_role, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def login(client, username, password=PASSWORD, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


@pytest.fixture
def head(db):
    user = make_user(username="head1", email="head1@example.invalid", first_name="Nguyễn Văn")
    make_role(user=user)
    return user


def test_login_page_is_in_the_portal_look_and_translated(client, db):
    html = client.get(reverse("login")).content.decode()
    assert "Cổng thi đua" in html and "Đăng nhập" in html
    assert "Quên mật khẩu?" in html
    en = client.get("/en" + reverse("login")).content.decode()
    assert "Forgot your password?" in en


def test_login_then_logout(client, head):
    response = login(client, "head1")
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == reverse("pledges:workspace")
    html = client.get(reverse("pledges:workspace")).content.decode()
    assert "Đăng xuất" in html and "Đổi mật khẩu" in html
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("home")
    assert client.get(reverse("pledges:workspace")).status_code == 302


def test_office_lands_on_the_review_queue(client, db):
    make_user(username="office1", office=True)
    response = login(client, "office1")
    assert client.get(response["Location"])["Location"] == reverse("pledges:review-queue")


def test_a_login_with_a_next_page_goes_there(client, head):
    response = client.post(
        reverse("login"),
        {"username": "head1", "password": PASSWORD, "next": reverse("password_change")},
    )
    assert response["Location"] == reverse("password_change")


def test_wrong_password_is_a_translated_form_error(client, head):
    response = login(client, "head1", "wrong")
    assert response.status_code == 200
    assert "mật khẩu chính xác" in response.content.decode()


def test_password_change(client, head):
    client.force_login(head)
    page = client.get(reverse("password_change")).content.decode()
    assert "Đổi mật khẩu" in page and "Cổng thi đua" in page
    short = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "ngan", "new_password2": "ngan"},
    )
    assert short.status_code == 200
    assert "12 ký tự" in short.content.decode()
    new = "thi đua yêu nước mỗi ngày"
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response["Location"] == reverse("password_change_done")
    assert "Đã đổi mật khẩu" in client.get(response["Location"]).content.decode()
    head.refresh_from_db()
    assert head.check_password(new)


def test_password_reset_by_email(client, head, settings):
    # The link is the portal's public address, as in every e-mail, not the host the form was
    # posted to (a trailing slash in the setting makes no double one).
    settings.PORTAL_URL = "https://thidua.example.gov.vn/"
    page = client.get(reverse("password_reset")).content.decode()
    assert "Đặt lại mật khẩu" in page
    response = client.post(reverse("password_reset"), {"email": "head1@example.invalid"})
    assert response["Location"] == reverse("password_reset_done")
    assert "Hãy kiểm tra thư điện tử" in client.get(response["Location"]).content.decode()
    [message] = mail.outbox
    assert message.to == ["head1@example.invalid"]
    assert message.subject == "Đặt mật khẩu mới cho Cổng thi đua"
    assert "Tên đăng nhập của bạn: head1" in message.body
    link = re.search(r"https://thidua\.example\.gov\.vn(/accounts/reset/\S+)", message.body)[1]

    form_page = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form_page.content.decode()
    new = "một mật khẩu mới đủ dài"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done["Location"] == reverse("password_reset_complete")
    assert "Đã lưu mật khẩu" in client.get(done["Location"]).content.decode()
    head.refresh_from_db()
    assert head.check_password(new)
    # The link works once.
    assert "Liên kết không còn hiệu lực" in client.get(link, follow=True).content.decode()


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, db):
    response = client.post(reverse("password_reset"), {"email": "ai@example.invalid"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def reset(client, email, **extra):
    return client.post(reverse("password_reset"), {"email": email}, **extra)


def test_one_address_gets_three_reset_mails_an_hour_then_the_same_page_and_none(
    client, head, caplog, monkeypatch
):
    for _ in range(3):
        assert reset(client, "head1@example.invalid")["Location"] == reverse("password_reset_done")
    assert [m.to for m in mail.outbox] == [["head1@example.invalid"]] * 3

    # The fourth, in any case of letters, says the same and sends nothing.
    response = reset(client, "Head1@Example.invalid")
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 3
    assert "password reset: no more mail to head1@example.invalid" in caplog.text
    (event,) = Event.objects.filter(action=Event.Action.RESET_THROTTLED)
    assert event.username == "head1@example.invalid" and event.ip_address == "127.0.0.1"
    reset(client, "head1@example.invalid")
    assert Event.objects.filter(action=Event.Action.RESET_THROTTLED).count() == 1  # once an hour
    # Another account's address is not held back by it.
    make_user(username="head2", email="head2@example.invalid")
    reset(client, "head2@example.invalid")
    assert mail.outbox[-1].to == ["head2@example.invalid"]

    # An hour later the address gets mail again.
    later = time.time() + 3600
    monkeypatch.setattr(time, "time", lambda: later)
    reset(client, "head1@example.invalid")
    assert len(mail.outbox) == 5 and mail.outbox[-1].to == ["head1@example.invalid"]


def test_a_flood_of_reset_requests_from_one_address_gets_429(client, db):
    for n in range(20):
        assert reset(client, f"ai{n}@example.invalid").status_code == 302
    flooded = reset(client, "ai@example.invalid")
    assert flooded.status_code == 429
    assert 0 < int(flooded["Retry-After"]) <= 3600
    html = flooded.content.decode()
    assert "Quá nhiều yêu cầu" in html and "Cổng thi đua" in html  # in the portal's look
    assert "Văn phòng Sở" in html
    en = client.post("/en" + reverse("password_reset"), {"email": "ai@example.invalid"})
    assert en.status_code == 429 and "Too many requests" in en.content.decode()
    # Reading the form is not counted, and another client address is not held back.
    assert client.get(reverse("password_reset")).status_code == 200
    assert reset(client, "ai@example.invalid", REMOTE_ADDR="10.1.2.3").status_code == 302


def fail(client, username, times, ip="127.0.0.1"):
    for _ in range(times):
        response = login(client, username, "sai mật khẩu", REMOTE_ADDR=ip)
    return response


def test_five_failures_lock_the_username_and_address_for_fifteen_minutes(client, head):
    assert fail(client, "head1", 4).status_code == 200
    locked = fail(client, "head1", 1)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Đăng nhập sai quá nhiều lần" in html and "Cổng thi đua" in html
    # Even the right password is refused now, in both languages.
    assert login(client, "head1").status_code == 429
    en = client.post(
        "/en" + reverse("login"), {"username": "head1", "password": PASSWORD}
    ).content.decode()
    assert "Too many failed attempts" in en
    # Another address, or another name from this address, is not locked.
    assert login(client, "head1", REMOTE_ADDR="10.1.2.3").status_code == 302
    client.post(reverse("logout"))
    assert fail(client, "someone-else", 1).status_code == 200

    # Fifteen minutes later the pair may try again.
    AccessAttempt.objects.filter(username="head1").update(
        attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16)
    )
    assert login(client, "head1").status_code == 302


def test_a_success_resets_the_count(client, head):
    fail(client, "head1", 4)
    assert login(client, "head1").status_code == 302
    client.post(reverse("logout"))
    assert fail(client, "head1", 4).status_code == 200
    assert login(client, "head1").status_code == 302


def test_the_office_unlocks_a_locked_account_in_the_admin(client, head):
    fail(client, "head1", 5)
    assert login(client, "head1").status_code == 429

    office = client.__class__()
    office.force_login(make_user(office=True))
    changelist = reverse("admin:axes_accessattempt_changelist")
    page = office.get(changelist)
    assert page.status_code == 200
    assert "head1" in page.content.decode()
    attempt = AccessAttempt.objects.get(username="head1")
    confirm = office.post(
        changelist, {"action": "delete_selected", ACTION_CHECKBOX_NAME: [attempt.pk]}
    )
    assert confirm.status_code == 200
    done = office.post(
        changelist,
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [attempt.pk], "post": "yes"},
    )
    assert done.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert login(client, "head1").status_code == 302
