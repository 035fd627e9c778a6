"""One Vietnamese word per concept: the glossary's (GLOSSARY.md in the project's shared notes).

The Vietnamese catalogues carry almost every word the portal shows — pages, the admin's names
and help texts, e-mails, export headers, the printed report — so they are checked entry by
entry against the variants the glossary rules out. Templates and the documentation (README.md,
docs/) hold a little Vietnamese of their own; they are checked for the variants that are wrong
wherever they appear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
VI_CATALOGUES = sorted((ROOT / "locale/vi/LC_MESSAGES").glob("*.po"))


@dataclass(frozen=True)
class Term:
    concept: str
    term: str
    # Variants wrong wherever they are written.
    anywhere: tuple[str, ...] = ()
    # Variants that are right words for something else, so wrong only in entries whose English
    # text names this concept (`where`, and not `where_not`): "đăng ký thi đua" is the
    # registration, not the pledge registered.
    in_context: tuple[str, ...] = ()
    where: str = ""
    where_not: str = ""
    # Entries whose English matches `names_it` must say `word`.
    names_it: str = ""
    word: str = ""


TERMS = [
    Term(
        "accepting a pledge or a nomination",
        "duyệt; chờ duyệt; đã duyệt",
        anywhere=(r"(?i)chấp thuận",),
    ),
    Term(
        "the office that runs the campaign",
        "Văn phòng Sở; its people: cán bộ Văn phòng Sở",
        anywhere=(
            r"(?i)văn phòng thi đua",
            r"(?i)quản trị viên khác",
            r"(?i)cán bộ văn phòng(?! Sở)",
        ),
        # "Chánh Văn phòng" is a job title; "Văn phòng" alone is also a kind of unit.
        in_context=(r"(?<!Chánh )Văn phòng(?! Sở)",),
        where_not=r"^Office$",
        names_it=r"(?i)\b(the|campaign) office\b(?! dashboard)|office admin",
        word="Văn phòng Sở",
    ),
    Term(
        "a pledge, the record",
        "cam kết",
        in_context=(r"(?i)đăng ký thi đua",),
        where=r"(?i)\bpledges?\b",
        where_not=r"(?i)registration",
    ),
    Term(
        "the office's units × themes view",
        "theo dõi đăng ký thi đua",
        anywhere=(r"(?i)bao phủ", r"(?i)ma trận"),
        names_it=r"^Coverage$",
        word="Theo dõi đăng ký thi đua",
    ),
    Term(
        "the date something is published",
        "ngày đăng (ngày phát động is a movement's launch)",
        in_context=(r"(?i)ngày phát động",),
        where=r"(?i)publish",
        names_it=r"(?i)^published on$",
        word="ngày đăng",
    ),
    Term(
        "an emulation title, which is not a form of commendation",
        "danh hiệu thi đua",
        names_it=r"(?i)emulation titles?\b",
        word="danh hiệu thi đua",
    ),
    Term(
        "a form of commendation (Giấy khen, Bằng khen …)",
        "hình thức khen thưởng",
        names_it=r"(?i)forms? of commendation",
        word="hình thức khen thưởng",
    ),
    Term(
        "a submission the office sends back",
        "trả lại để hoàn thiện",
        anywhere=(r"(?i)\btrả về\b", r"(?i)hoàn trả", r"(?i)yêu cầu (bổ sung|chỉnh sửa)"),
        names_it=r"(?i)returned for completion",
        word="trả lại để hoàn thiện",
    ),
]


def entries() -> list[tuple[str, str, str]]:
    """(catalogue, English, Vietnamese) for every translated form of every message."""
    found = []
    for path in VI_CATALOGUES:
        with path.open("rb") as f:
            for message in read_po(f):
                if not message.id:
                    continue
                english = message.id[0] if isinstance(message.id, tuple) else message.id
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                found.extend((path.name, english, text) for text in strings)
    return found


def names_concept(term: Term, english: str) -> bool:
    if term.where and not re.search(term.where, english):
        return False
    return not (term.where_not and re.search(term.where_not, english))


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.concept)
def test_catalogues_use_no_variant_the_glossary_rules_out(term):
    wrong = [
        f"{catalogue}: {english!r} -> {text!r}"
        for catalogue, english, text in entries()
        for pattern in (term.anywhere + (term.in_context if names_concept(term, english) else ()))
        if re.search(pattern, text)
    ]
    assert wrong == [], f"write “{term.term}” for {term.concept}"


@pytest.mark.parametrize("term", [t for t in TERMS if t.names_it], ids=lambda t: t.concept)
def test_catalogues_name_the_concept_with_the_glossary_term(term):
    missing = [
        f"{catalogue}: {english!r} -> {text!r}"
        for catalogue, english, text in entries()
        if re.search(term.names_it, english) and term.word.lower() not in text.lower()
    ]
    assert missing == [], f"write “{term.word}” for {term.concept}"


def texts_with_literal_vietnamese() -> list[Path]:
    templates = (ROOT / "templates").rglob("*")
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return [*(p for p in templates if p.suffix in {".html", ".txt", ".xml"}), *docs]


@pytest.mark.parametrize("term", [t for t in TERMS if t.anywhere], ids=lambda t: t.concept)
def test_templates_and_docs_use_no_variant_the_glossary_rules_out(term):
    wrong = []
    for path in texts_with_literal_vietnamese():
        # Prose wraps: "Chấp" at the end of one line and "thuận" on the next is one word.
        text = " ".join(path.read_text(encoding="utf-8").split())
        for pattern in term.anywhere:
            wrong += [
                f"{path.relative_to(ROOT)}: …{text[max(m.start() - 30, 0) : m.end() + 30]}…"
                for m in re.finditer(pattern, text)
            ]
    assert wrong == [], f"write “{term.term}” for {term.concept}"
