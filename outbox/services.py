"""Queue e-mails with the change they belong to; deliver them after commit, retry failures."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core import mail
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from outbox.models import Message

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
STALE_SENDING = dt.timedelta(hours=1)


def message_queue(
    *, to: Iterable[str], subject: str, body: str, dedupe_key: str = ""
) -> Message | None:
    """Record an e-mail now and send it once the current transaction commits.

    Returns None when there is nobody to write to, or when `dedupe_key` was queued before.
    """
    recipients = sorted({address for address in to if address})
    if not recipients:
        return None
    try:
        with transaction.atomic():
            message = Message.objects.create(
                to=recipients, subject=subject[:300], body=body, dedupe_key=dedupe_key
            )
    except IntegrityError:
        if dedupe_key and Message.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    transaction.on_commit(lambda: message_deliver(message.pk))
    return message


def message_deliver(pk: int) -> bool:
    """Send one message if nobody else is sending it; record the outcome. Never raises."""
    claimed = Message.objects.filter(
        pk=pk, status__in=[Message.Status.PENDING, Message.Status.FAILED]
    ).update(status=Message.Status.SENDING, attempts=F("attempts") + 1)
    if not claimed:
        return False
    message = Message.objects.get(pk=pk)
    try:
        mail.send_mail(
            message.subject,
            message.body,
            settings.DEFAULT_FROM_EMAIL,
            message.to,
            fail_silently=False,
        )
    except Exception as error:  # any backend failure: keep the message for a retry
        log.warning("e-mail %s not sent: %s", pk, error)
        Message.objects.filter(pk=pk).update(
            status=Message.Status.FAILED, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        return False
    Message.objects.filter(pk=pk).update(
        status=Message.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def outbox_flush() -> tuple[int, int]:
    """Send whatever is waiting or failed (and sends that died half-way); (sent, still due)."""
    stale = timezone.now() - STALE_SENDING
    Message.objects.filter(status=Message.Status.SENDING, created_at__lt=stale).update(
        status=Message.Status.FAILED
    )
    due = Message.objects.filter(
        Q(status=Message.Status.PENDING) | Q(status=Message.Status.FAILED),
        attempts__lt=MAX_ATTEMPTS,
    ).values_list("pk", flat=True)
    sent = sum(message_deliver(pk) for pk in list(due))
    remaining = Message.objects.exclude(status=Message.Status.SENT).count()
    return sent, remaining
