"""Every string Django and the installed packages can show has a Vietnamese translation.

The page comparison (tests/test_language_leaks.py) finds what the rendered pages show; this finds
the rest: error messages, lockout notices, the admin's scripts. The strings are taken from the
packages' own catalogues: Django's English ones list every msgid of its code; the other packages
ship no English catalogue, so every msgid of any of theirs counts.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import pytest
from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from tests.factories import make_campaign

DJANGO = Path(django.__file__).parent
OURS = Path(settings.BASE_DIR)


def _catalogue(path: Path):
    with path.open("rb") as f:
        return read_po(f)


def _key(message) -> tuple:
    msgid = message.id if isinstance(message.id, str) else tuple(message.id)
    return (message.context, msgid)


def _locale_dirs() -> list[Path]:
    """Django's own, then each installed package's (the portal's apps have none)."""
    dirs = [DJANGO / "conf" / "locale"]
    for config in apps.get_app_configs():
        folder = Path(config.path) / "locale"
        if folder.is_dir() and OURS not in folder.parents:
            dirs.append(folder)
    return dirs


def _package_msgids(domain: str) -> dict[tuple, str]:
    """{(context, msgid): where it comes from} for every string the packages can show."""
    found = {}
    for folder in _locale_dirs():
        english = folder / "en" / "LC_MESSAGES" / f"{domain}.po"
        sources = [english] if english.exists() else folder.glob(f"*/LC_MESSAGES/{domain}.po")
        for path in sources:
            for message in _catalogue(path):
                if message.id:
                    found.setdefault(_key(message), str(folder.relative_to(folder.parents[1])))
    return found


def _vietnamese(domain: str) -> set[tuple]:
    """What is translated into Vietnamese anywhere Django looks: the packages' catalogues and
    the portal's LOCALE_PATHS."""
    paths = [folder / "vi" / "LC_MESSAGES" / f"{domain}.po" for folder in _locale_dirs()]
    paths += [Path(p) / "vi" / "LC_MESSAGES" / f"{domain}.po" for p in settings.LOCALE_PATHS]
    translated = set()
    for path in filter(Path.exists, paths):
        for message in _catalogue(path):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.id and not message.fuzzy and all(strings):
                translated.add(_key(message))
    return translated


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_package_string_has_vietnamese(domain):
    wanted = _package_msgids(domain)
    translated = _vietnamese(domain)
    missing = sorted(
        f"{where}: {context + ' | ' if context else ''}{msgid}"
        for (context, msgid), where in wanted.items()
        if (context, msgid) not in translated
    )
    assert missing == [], "\n".join(missing)


class _Buttons(HTMLParser):
    """The action button's text and the save button's label of an admin page."""

    def __init__(self):
        super().__init__()
        self.run = self.save = None
        self._in_run = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in_run = tag == "button" and attrs.get("name") == "index"
        if tag == "input" and attrs.get("name") == "_save":
            self.save = attrs["value"]

    def handle_data(self, data):
        if self._in_run and data.strip():
            self.run = data.strip()
            self._in_run = False


def _buttons(html: str) -> _Buttons:
    parser = _Buttons()
    parser.feed(html)
    return parser


def test_the_admin_script_names_the_buttons_as_they_read(admin_client, db):
    """Choosing an action and pressing "Save" gets a warning naming both buttons."""
    campaign = make_campaign()
    changelist = _buttons(admin_client.get(reverse("admin:campaign_campaign_changelist")).text)
    change = reverse("admin:campaign_campaign_change", args=[campaign.pk])
    change_form = _buttons(admin_client.get(change).text)
    script = admin_client.get(reverse("admin:jsi18n")).text
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    warning = catalogue[
        "You have selected an action, and you haven’t made any changes on individual fields. "
        "You’re probably looking for the Run button rather than the Save button."
    ]
    assert changelist.run == "Thực hiện"
    assert f"nút {changelist.run}" in warning
    assert f"nút {change_form.save}" in warning
