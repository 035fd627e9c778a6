"""The e-mails of the pledge workflow, written in the portal's default language and queued in
the outbox with the change they report (sent after it commits, retried if the server fails)."""

from __future__ import annotations

from collections.abc import Iterable

from kit.mail import email_render
from outbox.models import Message
from outbox.services import message_queue


def _queue(
    template: str, pledge, *, to: Iterable[str], dedupe_key: str = "", **extra
) -> Message | None:
    subject, body = email_render(f"pledges/email/{template}", {"pledge": pledge, **extra})
    return message_queue(to=to, subject=subject, body=body, dedupe_key=dedupe_key)


def pledge_submitted(pledge, *, to: Iterable[str]) -> Message | None:
    return _queue("submitted", pledge, to=to)


def pledge_accepted(pledge, *, to: Iterable[str]) -> Message | None:
    return _queue("accepted", pledge, to=to)


def pledge_returned(pledge, *, to: Iterable[str]) -> Message | None:
    return _queue("returned", pledge, to=to)


def pledge_stale(pledge, *, to: Iterable[str], days: int, dedupe_key: str) -> Message | None:
    return _queue("stale", pledge, to=to, days=days, dedupe_key=dedupe_key)
