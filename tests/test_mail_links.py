"""Every link in every e-mail the portal sends is written one way, `{% portal_url … %}`
(kit/mail.py): an address under PORTAL_URL. A template that reverses a URL itself, or writes a
scheme and host of its own, sends a link to nowhere or to whichever host a request came in on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]
# The portal's own e-mails (<app>/email/) and Django's password reset e-mail it overrides.
EMAIL_TEMPLATES = sorted(
    path
    for folder in TEMPLATE_DIRS
    for pattern in ("**/email/*", "**/*_email.*")
    for path in folder.glob(pattern)
    if path.is_file()
)
LINK_BY_HAND = re.compile(r"\{%\s*url\b|get_absolute_url|://")


def test_the_e_mail_templates_are_found():
    names = {path.relative_to(ROOT / "templates").as_posix() for path in EMAIL_TEMPLATES}
    assert {
        "news/email/accepted.txt",
        "office/email/digest.txt",
        "pledges/email/submitted.txt",
        "registration/password_reset_email.html",
    } <= names


@pytest.mark.parametrize("path", EMAIL_TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_in_e_mails_are_built_from_portal_url(path):
    by_hand = [line for line in path.read_text().splitlines() if LINK_BY_HAND.search(line)]
    assert by_hand == []
