"""E-mails of the workflow: who gets them, that they leave only after commit, that a mail outage
never blocks a submission, and the daily reminder about pledges without progress."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from outbox.models import Message
from pledges import services
from pledges.models import Pledge
from tests.factories import make_pledge, make_report, make_user

S = Pledge.Status

UNREACHABLE_SMTP = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 2},
    }
}


@pytest.mark.django_db
def test_submit_tells_the_office_after_commit(two_units, django_capture_on_commit_callbacks):
    make_user(office=True, email="")  # an office admin without an address is skipped
    make_user(office=True, email="old@example.invalid", is_active=False)
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, title="Bình ổn giá")
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_submit(pledge=pledge, actor=two_units.head_a)
        assert mail.outbox == []
    [message] = mail.outbox
    assert message.to == [two_units.office.email]
    assert message.subject == f"Cam kết chờ duyệt: {two_units.unit_a.name} – Bình ổn giá"
    assert "Nguyễn Văn An" in message.body  # who submitted
    assert f"http://127.0.0.1:8000{reverse('pledges:review', args=[pledge.pk])}" in message.body


@pytest.mark.django_db
@pytest.mark.parametrize("decision", ["accept", "return"])
def test_accept_and_return_tell_the_units_heads_and_deputies(
    two_units, django_capture_on_commit_callbacks, decision
):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        if decision == "accept":
            services.pledge_accept(pledge=pledge, actor=two_units.office)
        else:
            services.pledge_return(pledge=pledge, actor=two_units.office, reason="Thiếu số liệu.")
    [message] = mail.outbox
    assert sorted(message.to) == sorted([two_units.head_a.email, two_units.deputy_a.email])
    if decision == "accept":
        assert message.subject.startswith("Cam kết đã được duyệt")
    else:
        assert message.subject.startswith("Cam kết bị trả lại để hoàn thiện")
        assert "Thiếu số liệu." in message.body


@pytest.mark.django_db
def test_a_refused_transition_sends_nothing(two_units, django_capture_on_commit_callbacks):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(services.PledgeStateError),
    ):
        services.pledge_submit(pledge=pledge, actor=two_units.head_a)
    assert mail.outbox == [] and not Message.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_mail_outage_never_blocks_a_submission(client, two_units, settings):
    """A real SMTP connection to a closed port: the submission succeeds, the failure is recorded
    and the message is sent by the next `send_outbox`."""
    settings.MAILERS = UNREACHABLE_SMTP
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a)
    client.force_login(two_units.head_a)
    response = client.post(reverse("pledges:submit", args=[pledge.pk]), {"version": 1})
    assert response.status_code == 302
    assert Pledge.objects.get(pk=pledge.pk).status == S.SUBMITTED
    message = Message.objects.get()
    assert message.status == Message.Status.FAILED
    assert message.attempts == 1 and message.last_error

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    call_command("send_outbox")
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert mail.outbox[0].to == [two_units.office.email]


def progress_reminders() -> list:
    """The reminders about pledges without progress among what `send_reminders` sent (it also
    sends the deadlines and the office digest)."""
    return [m for m in mail.outbox if m.subject.startswith("Đến hạn báo cáo tiến độ: ")]


def stale_pledge(two_units, *, days_quiet: int):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)
    report = make_report(pledge=pledge, percent=20, by=two_units.head_a)
    past = timezone.now() - dt.timedelta(days=days_quiet)
    Pledge.objects.filter(pk=pledge.pk).update(latest_report_at=past)
    pledge.refresh_from_db()
    return pledge, report


@pytest.mark.django_db(transaction=True)
def test_reminder_goes_to_quiet_pledges_once_a_day(two_units, settings):
    quiet, _ = stale_pledge(two_units, days_quiet=31)
    stale_pledge(two_units, days_quiet=5)  # recent progress: no reminder
    never = make_pledge(
        campaign=two_units.campaign,
        unit=two_units.unit_b,
        status=S.ACCEPTED,
        reviewed_at=timezone.now() - dt.timedelta(days=40),
    )
    make_pledge(
        campaign=two_units.campaign, unit=two_units.unit_a, status=S.SUBMITTED
    )  # not accepted
    make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.COMPLETED)  # done

    call_command("send_reminders")
    assert len(progress_reminders()) == 2
    by_subject = {m.subject: m for m in progress_reminders()}
    to_a = by_subject[f"Đến hạn báo cáo tiến độ: {quiet.title}"]
    assert sorted(to_a.to) == sorted([two_units.head_a.email, two_units.deputy_a.email])
    assert "30 ngày chưa có báo cáo tiến độ" in to_a.body
    assert "20 %" in to_a.body
    assert reverse("pledges:report", args=[quiet.pk]) in to_a.body
    to_b = by_subject[f"Đến hạn báo cáo tiến độ: {never.title}"]
    assert to_b.to == [two_units.head_b.email]
    assert "Chưa có báo cáo tiến độ nào." in to_b.body

    sent = len(mail.outbox)
    call_command("send_reminders")  # the scheduler runs it again the same day
    assert len(mail.outbox) == sent
    assert Message.objects.filter(dedupe_key__startswith="pledge-stale:").count() == 2


@pytest.mark.django_db(transaction=True)
def test_days_come_from_the_setting_or_the_option(two_units, settings):
    stale_pledge(two_units, days_quiet=8)
    settings.PLEDGE_STALE_DAYS = 10
    call_command("send_reminders")
    assert progress_reminders() == []
    call_command("send_reminders", "--days", "7")
    [reminder] = progress_reminders()
    assert "7 ngày chưa có báo cáo tiến độ" in reminder.body


@pytest.mark.django_db
def test_reminder_dedupe_key_is_per_pledge_and_day(two_units):
    pledge, _ = stale_pledge(two_units, days_quiet=31)
    assert services.pledges_remind_stale(days=30, today=dt.date(2026, 1, 5)) == 1
    assert services.pledges_remind_stale(days=30, today=dt.date(2026, 1, 5)) == 0
    assert services.pledges_remind_stale(days=30, today=dt.date(2026, 1, 6)) == 1
    keys = set(Message.objects.values_list("dedupe_key", flat=True))
    assert keys == {f"pledge-stale:{pledge.pk}:2026-01-05", f"pledge-stale:{pledge.pk}:2026-01-06"}
