"""Search ignores case, punctuation and Vietnamese diacritics (đ included), matches whole
syllables, and finds the honoree's unit and the decision number, on every database."""

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


def test_words_match_whole_syllables_not_their_start(client, items):
    assert found(client, "oan") == set()  # not inside "Toàn"
    assert found(client, "toa") == set()  # nor its beginning
    assert found(client, "toan") == {"Trần Văn Toàn"}


@pytest.fixture
def syllables(campaign):
    names = {
        "Đoàn Văn Bình": "Cán bộ tận tụy",
        "Trần Văn Tư": "Đồng hành cùng doanh nghiệp",
        "Lê Thị Hoa": "Gương mẫu trong công việc",
        "Phạm Văn Năm": "Kế hoạch và hoạt động năm 2022",
    }
    for honoree, title in names.items():
        make_commendation(campaign=campaign, honoree_name=honoree, title=title)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("doan", {"Đoàn Văn Bình"}),  # not "doanh nghiệp"
        ("Đoàn", {"Đoàn Văn Bình"}),
        ("doanh", {"Trần Văn Tư"}),
        ("hoa", {"Lê Thị Hoa"}),  # not "hoạt động", not "kế hoạch"
        ("hoach", {"Phạm Văn Năm"}),
        ("ÐOÀN", {"Đoàn Văn Bình"}),  # U+00D0, as old font converters left a capital Đ
    ],
)
def test_a_syllable_is_not_the_start_of_another(client, syllables, query, expected):
    assert found(client, query) == expected


def test_a_d_stroke_typed_as_eth_in_the_text_is_found_as_d(client, campaign):
    make_commendation(campaign=campaign, honoree_name="\u00d0ặng Thị Mai")
    assert found(client, "dang thi mai") == {"\u00d0ặng Thị Mai"}
    assert found(client, "Đặng") == {"\u00d0ặng Thị Mai"}


def test_words_may_come_in_any_order(client, items):
    assert found(client, "Hoa Lê") == {"Lê Thị Hoa"}
    assert found(client, "dich chong phong") == {"Lê Thị Hoa"}


def test_the_honorees_unit_is_searched(client, campaign, unit, other_unit):
    make_commendation(campaign=campaign, unit=unit, honoree_name="Võ Văn Kiệt")
    make_commendation(campaign=campaign, unit=other_unit, honoree_name="Ngô Thị Lan")
    assert found(client, "quan ly thuong mai") == {"Võ Văn Kiệt"}
    assert found(client, "Thương mại Kiệt") == {"Võ Văn Kiệt"}  # unit and name together
    assert found(client, "cong nghiep") == {"Ngô Thị Lan"}
    unit.name = "Phòng Kinh tế số"  # a renamed unit is found by its new name at once
    unit.save()
    assert found(client, "kinh te so") == {"Võ Văn Kiệt"}
    assert found(client, "thuong mai") == set()


@pytest.fixture
def decisions(campaign):
    for honoree, number in [
        ("Nguyễn Thị Một", "125/QĐ-SCT"),
        ("Nguyễn Thị Hai", "15/QĐ-SCT"),
        ("Nguyễn Thị Ba", "125/QĐ-UBND"),
    ]:
        make_commendation(
            campaign=campaign,
            honoree_name=honoree,
            decision_number=number,
            decision_date=dt.date(2022, 6, 1),
        )


@pytest.mark.parametrize("query", ["125/QĐ-SCT", "125/qd-sct", "125/qđ-sct", "QĐ-SCT 125"])
def test_the_decision_number_is_searched_with_or_without_diacritics(client, decisions, query):
    assert found(client, query) == {"Nguyễn Thị Một"}


def test_a_number_matches_whole_numbers(client, decisions):
    assert found(client, "125") == {"Nguyễn Thị Một", "Nguyễn Thị Ba"}
    assert found(client, "12") == set()


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
    assert set(Commendation.objects.search("Lê Hoa")) == {items["covid"]}
    assert set(Commendation.objects.search("Le Ho")) == set()


def test_the_migration_recomputes_keys_stored_in_the_old_form(client, campaign, unit):
    """Keys stored before had no space after the last word and no decision number."""
    from importlib import import_module

    from django.apps import apps

    item = make_commendation(
        campaign=campaign,
        unit=unit,
        honoree_name="Lê Văn Tám",
        decision_number="125/QĐ-SCT",
        decision_date=dt.date(2022, 6, 1),
    )
    Commendation.objects.filter(pk=item.pk).update(search_key=" le van tam")
    unit.__class__.objects.filter(pk=unit.pk).update(search_key="")
    assert found(client, "tam") == set()
    import_module("units.migrations.0002_unit_search_key").fill_search_keys(apps, None)
    import_module("news.migrations.0005_decision_number_search").recompute_search_keys(apps, None)
    assert Commendation.objects.get(pk=item.pk).search_key == item.search_key
    assert found(client, "tam") == {"Lê Văn Tám"}
    assert found(client, "125/qd-sct quan ly thuong mai") == {"Lê Văn Tám"}
