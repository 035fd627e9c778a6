import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from outbox.models import Message
from outbox.services import message_queue, outbox_flush

pytestmark = pytest.mark.django_db(transaction=True)

UNREACHABLE_SMTP = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 2},
    }
}


def queue(**kw):
    kw.setdefault("to", ["head@example.invalid"])
    kw.setdefault("subject", "Cam kết đã được duyệt")
    kw.setdefault("body", "Nội dung")
    with transaction.atomic():
        return message_queue(**kw)


def test_message_is_sent_after_the_transaction_commits():
    with transaction.atomic():
        message_queue(to=["a@example.invalid"], subject="S", body="B")
        assert mail.outbox == []  # nothing leaves before the change is committed
    assert len(mail.outbox) == 1
    assert Message.objects.get().status == Message.Status.SENT


def test_nothing_is_sent_when_the_change_rolls_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        message_queue(to=["a@example.invalid"], subject="S", body="B")
        raise RuntimeError("the workflow failed")
    assert mail.outbox == []
    assert not Message.objects.exists()


def test_a_mail_outage_is_recorded_and_the_message_sent_later(settings):
    settings.MAILERS = UNREACHABLE_SMTP
    queue()
    message = Message.objects.get()
    assert message.status == Message.Status.FAILED
    assert message.attempts == 1
    assert "ConnectionRefused" in message.last_error or "Errno" in message.last_error

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    call_command("send_outbox")
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert len(mail.outbox) == 1
    assert outbox_flush() == (0, 0)  # a second run sends nothing twice
    assert len(mail.outbox) == 1


def test_same_dedupe_key_is_queued_once():
    assert queue(dedupe_key="reminder:1:2026-11-27") is not None
    assert queue(dedupe_key="reminder:1:2026-11-27") is None
    assert Message.objects.count() == 1
    assert len(mail.outbox) == 1


def test_no_recipient_means_no_message():
    assert queue(to=["", None]) is None
    assert not Message.objects.exists()
