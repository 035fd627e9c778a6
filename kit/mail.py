"""E-mails the portal writes: a subject and a body rendered from templates in the portal's
default language, every link in them an address under PORTAL_URL.

Links are built from the setting, never from a request: the daily reminders have no request,
and a request's host is whatever name the reader typed (or a client claimed), which need not be
the address people reach the portal on from their mailbox.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.shortcuts import resolve_url
from django.template.loader import render_to_string
from django.utils import translation


def portal_url(to: Any = "/", *args: Any, **kwargs: Any) -> str:
    """The address of `to` for a reader outside the portal: `to` is a model with
    `get_absolute_url`, a URL name with its arguments, or a path, as `resolve_url` takes."""
    return settings.PORTAL_URL.rstrip("/") + resolve_url(to, *args, **kwargs)


def email_render(template: str, context: dict[str, Any]) -> tuple[str, str]:
    """The subject (one line) and body of `<template>_subject.txt` and `<template>.txt`."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    return " ".join(subject.split()), body.strip() + "\n"
