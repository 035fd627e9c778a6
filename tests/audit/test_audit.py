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


def test_every_workflow_step_leaves_one_row(fixture_campaign):
    """Pledge: create, edit, submit, return, submit, accept, report; nomination: submit,
    accept. Each is one audit row naming the step, the user and the object."""
    from campaign.seed.demo import load_demo
    from news.models import Nomination
    from news.services import nomination_accept, nomination_submit
    from pledges import services
    from units.models import Unit

    load_demo(password="demo password one")
    User = __import__("django.contrib.auth", fromlist=["get_user_model"]).get_user_model()
    head, office = User.objects.get(username="head1"), User.objects.get(username="office")
    unit = Unit.objects.get(slug="phong-quan-ly-thuong-mai")
    theme = fixture_campaign.themes.get(number=2)
    pledge = services.pledge_create(
        actor=head, campaign=fixture_campaign, unit=unit, theme=theme, title="Cam kết",
        commitment="Nội dung", target_value=30, target_unit="doanh nghiệp",
        due_on=fixture_campaign.ends_on, legal_documents=[],
    )  # fmt: skip
    pledge = services.pledge_update(pledge=pledge, actor=head, version=pledge.version, title="Mới")
    pledge = services.pledge_submit(pledge=pledge, actor=head)
    pledge = services.pledge_return(pledge=pledge, actor=office, reason="Bổ sung chỉ tiêu")
    pledge = services.pledge_submit(pledge=pledge, actor=head)
    pledge = services.pledge_accept(pledge=pledge, actor=office)
    services.progress_report_record(pledge=pledge, actor=head, percent=40, narrative="Đã làm")
    nomination = nomination_submit(
        nomination=Nomination(
            unit=unit, theme=theme, honoree_name="Trần Thị Hoa", achievements="Tốt"
        ),
        by=head,
    )
    nomination_accept(nomination=nomination, by=office)

    steps = list(
        Event.objects.filter(action=Event.Action.TRANSITION)
        .order_by("pk")
        .values_list("username", "object_type", "detail")
    )
    assert steps == [
        ("head1", "pledges.pledge", "create"),
        ("head1", "pledges.pledge", "edit"),
        ("head1", "pledges.pledge", "submit"),
        ("office", "pledges.pledge", "return"),
        ("head1", "pledges.pledge", "submit"),
        ("office", "pledges.pledge", "accept"),
        ("head1", "pledges.pledge", "report 40%"),
        ("head1", "news.nomination", "submit"),
        ("office", "news.nomination", "accept"),
    ]


def test_the_trails_object_filter_lists_only_named_kinds(client):
    client.force_login(make_user(office=True))
    Event.objects.create(action=Event.Action.LOGIN, username="office")
    Event.objects.create(
        action=Event.Action.ADMIN_CHANGE, object_type="pledges.pledge", object_repr="Cam kết"
    )
    page = client.get(reverse("admin:audit_event_changelist")).content.decode()
    assert 'href="?object_type=pledges.pledge"' in page
    # A login is about no object: no filter link without text for it.
    assert 'href="?object_type="' not in page
