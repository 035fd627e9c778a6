"""Vietnamese text helpers: folding diacritics for slugs and search keys.

Unicode decomposition separates most Vietnamese marks from their letters, but `đ`/`Đ` is a
letter of its own with no decomposition, so plain NFKD drops it; it is mapped first.
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


def vi_slugify(text: str, max_length: int = 80) -> str:
    """A URL slug in ASCII: "Đoàn kết, đồng lòng" -> "doan-ket-dong-long"."""
    slug = slugify(fold(text))[:max_length].strip("-")
    return slug
