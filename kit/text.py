"""Vietnamese text helpers: folding diacritics for slugs and search keys.

Unicode decomposition separates most Vietnamese marks from their letters, but `đ`/`Đ` is a
letter of its own with no decomposition, so plain NFKD drops it; it is mapped first.

Search matches whole syllables: Vietnamese writes a word as separate syllables ("doanh
nghiệp", "kế hoạch"), so a syllable that merely starts another is a different word — "doan"
(Đoàn) is not "doanh", "hoa" (Hoa, hóa) is not "hoạt" or "hoạch". A record's key holds its
folded syllables with a space on both sides of each (`search_document`) and a query asks for
" syllable " (`search_phrases`), which a plain LIKE finds the same way on every database.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.text import slugify

# U+00D0 (Ð, the Icelandic eth) is how old font converters left a capital Đ in Vietnamese text.
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D", "Ð": "D"})
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Return `text` without diacritics: "Đoàn kết" -> "Doan ket"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_D_STROKE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_key(text: str) -> str:
    """Lower-case, diacritic-free words separated by single spaces, for matching searches."""
    return _NON_WORD.sub(" ", fold(text).casefold()).strip()


def search_document(*texts: str) -> str:
    """The stored search key of a record's `texts`: " doan ket phong chong dich "."""
    words = search_key(" ".join(text for text in texts if text))
    return f" {words} " if words else ""


def search_phrases(query: str, *, whole: bool = True, limit: int = 10) -> list[str]:
    """What `query` asks for, each part a key must contain: its words, in any order, each one
    folded to whole syllables with a space on both sides. A word joined by punctuation keeps
    its syllables together and in order: "125/qd-sct" asks for " 125 qd sct ", so a decision
    number is found as a whole; "Hoa Lê" finds "Lê Thị Hoa", as names are typed in any order.

    `whole=False` leaves each word's last syllable open, for boxes that search while a name is
    being typed (the admin's unit picker): " phong qu" already finds "Phòng Quản lý"."""
    phrases: list[str] = []
    for word in query.split():
        key = search_key(word)
        phrase = f" {key} " if whole else f" {key}"
        if key and phrase not in phrases:
            phrases.append(phrase)
    return phrases[:limit]


def vi_slugify(text: str, max_length: int = 80) -> str:
    """A URL slug in ASCII: "Đoàn kết, đồng lòng" -> "doan-ket-dong-long"."""
    slug = slugify(fold(text))[:max_length].strip("-")
    return slug
