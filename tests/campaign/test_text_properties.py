"""Property tests of the Vietnamese text helpers, over arbitrary Unicode."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.text import fold, search_key, vi_slugify

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
vietnamese_text = st.text(
    alphabet=st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + " ,.-–!?0123456789"), max_size=120
)
any_text = st.one_of(vietnamese_text, st.text(max_size=200))


@settings(max_examples=300)
@given(any_text)
def test_slug_is_ascii_lowercase_words_and_idempotent(text):
    slug = vi_slugify(text)
    assert slug.isascii()
    assert re.fullmatch(r"[a-z0-9_]+(-[a-z0-9_]+)*", slug) or slug == ""
    assert vi_slugify(slug) == slug
    assert len(slug) <= 80


@settings(max_examples=300)
@given(vietnamese_text.filter(lambda t: any(c.isalpha() for c in t)))
def test_slug_of_vietnamese_letters_is_never_empty(text):
    assert vi_slugify(text) != ""


@given(any_text)
def test_fold_and_search_key_are_idempotent(text):
    assert fold(fold(text)) == fold(text)
    assert search_key(search_key(text)) == search_key(text)


@given(vietnamese_text)
def test_folding_vietnamese_leaves_no_mark_and_no_d_with_stroke(text):
    folded = fold(text)
    assert all(c.isascii() for c in folded if c.isalpha())
    assert "đ" not in search_key(text) and "Đ" not in folded


@given(vietnamese_text)
def test_search_key_ignores_case_and_marks(text):
    assert search_key(text.upper()) == search_key(text.lower()) == search_key(fold(text))
