"""Search ignores case, punctuation and Vietnamese diacritics (đ included), on every database."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Commendation
from tests.factories import make_commendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(campaign):
    return {
        "covid": make_commendation(
            campaign=campaign,
            title="Tấm gương trong công tác phòng, chống dịch",
            honoree_name="Lê Thị Hoa",
        ),
        "dao": make_commendation(
            campaign=campaign,
            title="Cán bộ tận tụy",
            honoree_name="Đặng Văn Đức",
            summary="Điều phối hàng hóa thiết yếu.",
        ),
        "market": make_commendation(
            campaign=campaign,
            title="Bình ổn thị trường",
            honoree_name="Trần Văn Toàn",
            body="<p>Giữ giá <strong>xăng dầu</strong> ổn định.</p>",
        ),
    }


def found(client, query: str) -> set[str]:
    response = client.get(reverse("news:list"), {"q": query})
    assert response.status_code == 200
    return {c.honoree_name for c in response.context["commendations"]}


@pytest.mark.parametrize(
    "query", ["phong chong dich", "Phòng chống dịch", "PHÒNG, CHỐNG DỊCH", "phòng-chống dịch"]
)
def test_with_and_without_diacritics_the_same_items_are_found(client, items, query):
    assert found(client, query) == {"Lê Thị Hoa"}


@pytest.mark.parametrize("query", ["Đặng Văn Đức", "dang van duc", "DANG Duc", "điều phối", "dieu"])
def test_d_stroke_matches_d(client, items, query):
    assert found(client, query) == {"Đặng Văn Đức"}


def test_body_text_is_searched_and_markup_is_not(client, items):
    assert found(client, "xang dau") == {"Trần Văn Toàn"}
    assert found(client, "strong") == set()


def test_words_match_from_their_start(client, items):
    assert found(client, "oan") == set()  # not inside "Toàn"
    assert found(client, "toa") == {"Trần Văn Toàn"}


def test_every_word_must_match(client, items):
    assert found(client, "phong chong xang") == set()


def test_search_never_finds_drafts_or_scheduled_items(client, campaign, items):
    make_commendation(campaign=campaign, status="draft", honoree_name="Nháp phòng chống dịch")
    make_commendation(
        campaign=campaign,
        honoree_name="Hẹn giờ phòng chống dịch",
        publish_at=timezone.now() + dt.timedelta(days=1),
    )
    assert found(client, "phong chong dich") == {"Lê Thị Hoa"}


def test_search_combines_with_filters_and_pagination_keeps_them(client, campaign, unit):
    for i in range(14):
        make_commendation(campaign=campaign, unit=unit, title=f"Phòng chống dịch {i}")
    make_commendation(campaign=campaign, title="Phòng chống dịch ở đơn vị khác")
    response = client.get(reverse("news:list"), {"q": "phong chong dich", "unit": unit.slug})
    assert response.context["paginator"].count == 14
    html = response.content.decode()
    assert "Tìm thấy 14 tin khen thưởng" in html
    assert f"?q=phong+chong+dich&amp;unit={unit.slug}&amp;page=2" in html


def test_queryset_search_is_the_same_on_any_database(items):
    assert set(Commendation.objects.search("PHÒNG, CHỐNG DỊCH")) == {items["covid"]}
    assert set(Commendation.objects.search("")) == set(items.values())
