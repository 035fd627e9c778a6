"""Logins, logouts, failures, lockouts and admin actions each leave exactly one audit row."""

import pytest
from django.urls import reverse

from audit.models import Event
from campaign.models import LegalDocument
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def login(client, username, password=PASSWORD):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR="10.1.2.3"
    )


def test_login_and_logout_are_recorded_with_the_address(client):
    user = make_user(username="head1")
    login(client, "head1")
    client.post(reverse("logout"), REMOTE_ADDR="10.1.2.3")
    events = list(Event.objects.order_by("pk").values_list("action", "actor", "ip_address"))
    assert events == [
        (Event.Action.LOGIN, user.pk, "10.1.2.3"),
        (Event.Action.LOGOUT, user.pk, "10.1.2.3"),
    ]


def test_a_failed_login_is_recorded_once_with_the_name_typed(client):
    make_user(username="head1")
    login(client, "head1", "wrong password")
    event = Event.objects.get()
    assert event.action == Event.Action.LOGIN_FAILED
    assert event.username == "head1" and event.actor is None
    assert event.ip_address == "10.1.2.3"


def test_the_fifth_failure_locks_out_and_is_recorded(client):
    make_user(username="head1")
    for _ in range(5):
        login(client, "head1", "wrong password")
    assert Event.objects.filter(action=Event.Action.LOGIN_FAILED).count() == 5
    assert Event.objects.filter(action=Event.Action.LOCKED_OUT, username="head1").count() == 1


def test_admin_add_change_and_delete_are_recorded(client):
    office = make_user(office=True, username="office")
    client.force_login(office)
    url = reverse("admin:campaign_legaldocument_add")
    data = {
        "number": "12/QĐ-SCT",
        "kind": "decision",
        "issued_on": "05/01/2022",
        "issuer_vi": "Sở Công Thương",
        "issuer_en": "",
        "title_vi": "Về việc khen thưởng",
        "title_en": "",
        "url": "",
    }
    assert client.post(url, data, REMOTE_ADDR="10.9.9.9").status_code == 302
    document = LegalDocument.objects.get(number="12/QĐ-SCT")
    change = reverse("admin:campaign_legaldocument_change", args=[document.pk])
    client.post(change, {**data, "title_vi": "Về việc khen thưởng tập thể"}, REMOTE_ADDR="10.9.9.9")
    delete = reverse("admin:campaign_legaldocument_delete", args=[document.pk])
    client.post(delete, {"post": "yes"}, REMOTE_ADDR="10.9.9.9")
    rows = list(
        Event.objects.exclude(action=Event.Action.LOGIN)
        .order_by("pk")
        .values_list("action", "username", "object_type", "object_id", "ip_address")
    )
    expected_object = ("office", "campaign.legaldocument", str(document.pk), "10.9.9.9")
    assert rows == [
        (Event.Action.ADMIN_ADD, *expected_object),
        (Event.Action.ADMIN_CHANGE, *expected_object),
        (Event.Action.ADMIN_DELETE, *expected_object),
    ]


def test_the_trail_is_read_only_in_the_admin(client):
    client.force_login(make_user(office=True))
    assert client.get(reverse("admin:audit_event_changelist")).status_code == 200
    assert client.get(reverse("admin:audit_event_add")).status_code == 403
