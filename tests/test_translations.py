"""The catalogues are complete: every msgid has a Vietnamese and an English msgstr, none fuzzy."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    p for p in ROOT.glob("**/locale/*/LC_MESSAGES/django*.po") if ".venv" not in p.parts
)


def test_both_languages_have_catalogues():
    languages = {p.parts[-3] for p in CATALOGUES}
    assert {"vi", "en"} <= languages


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete_and_not_fuzzy(path):
    with path.open("rb") as f:
        catalog = read_po(f)
    assert not catalog.fuzzy, "the header is marked fuzzy; the catalogue would be ignored"
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(message.id)
    assert problems == []


def test_vietnamese_catalogue_is_not_a_copy_of_the_english(db):
    from django.utils import translation

    with translation.override("vi"):
        assert translation.gettext("Emulation portal") == "Cổng thi đua"
    with translation.override("en"):
        assert translation.gettext("Emulation portal") == "Emulation portal"
