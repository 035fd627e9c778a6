"""The office clears expired failed logins from the admin's list, in its own language."""

from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def attempt(username: str, age: dt.timedelta) -> AccessAttempt:
    made = AccessAttempt.objects.create(
        username=username,
        ip_address="127.0.0.1",
        user_agent="Firefox",
        path_info="/accounts/login/",
        get_data="",
        post_data="",
        failures_since_start=2,
    )
    AccessAttempt.objects.filter(pk=made.pk).update(attempt_time=timezone.now() - age)
    return made


def test_the_clean_up_action_removes_only_expired_attempts_and_says_so_in_vietnamese(client):
    # Logging in clears expired attempts by itself: the attempts come after.
    client.force_login(make_user(username="root", is_staff=True, is_superuser=True))
    old = attempt("cu", dt.timedelta(hours=2))
    fresh = attempt("moi", dt.timedelta(minutes=1))
    response = client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "cleanup_expired_attempts", "_selected_action": [old.pk, fresh.pk]},
        follow=True,
        headers={"accept-language": "vi"},
    )
    assert response.status_code == 200
    assert "Đã dọn 1 lượt đăng nhập sai đã hết hạn." in response.content.decode()
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["moi"]
    # The list reads in Vietnamese: 5 failures allowed, 2 made.
    assert "Còn 3 lần thử" in response.content.decode()
