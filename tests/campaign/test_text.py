import pytest

from kit.text import fold, search_key, vi_slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đoàn kết, đồng lòng", "doan-ket-dong-long"),
        ("ĐỒNG LÒNG Đoàn Kết", "dong-long-doan-ket"),
        ("Phòng, chống dịch COVID-19", "phong-chong-dich-covid-19"),
        ("Sở Công Thương Bến Tre", "so-cong-thuong-ben-tre"),
        (
            "Trung tâm Khuyến công & Xúc tiến thương mại",
            "trung-tam-khuyen-cong-xuc-tien-thuong-mai",
        ),
    ],
)
def test_vi_slugify_folds_every_vietnamese_letter(text, slug):
    assert vi_slugify(text) == slug


def test_plain_slugify_would_drop_d_with_stroke():
    from django.utils.text import slugify

    assert slugify("Đoàn kết, đồng lòng") == "oan-ket-ong-long"  # why the helper exists


def test_slug_is_cut_at_max_length_without_trailing_hyphen():
    slug = vi_slugify("Ngành Công Thương đoàn kết chung sức đồng lòng " * 5, max_length=40)
    assert len(slug) <= 40
    assert not slug.endswith("-")


def test_fold_keeps_case_and_punctuation():
    assert fold("Đà Nẵng, Ưu tiên!") == "Da Nang, Uu tien!"


@pytest.mark.parametrize("query", ["phong chong dich", "Phòng chống dịch", "PHÒNG, CHỐNG DỊCH"])
def test_search_key_matches_regardless_of_marks_case_and_commas(query):
    assert search_key(query) == "phong chong dich"
    assert search_key(query) in search_key("Công tác phòng, chống dịch COVID-19")
