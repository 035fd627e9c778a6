"""The admin's unit search, which also feeds every unit picker (autocomplete) of the admin."""

import pytest
from django.urls import reverse

from tests.factories import make_unit, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_client(client):
    client.force_login(make_user(office=True))
    return client


@pytest.fixture
def units(db):
    make_unit(name="Phòng Quản lý Thương mại", short_name="QLTM")
    make_unit(name="Trung tâm Khuyến công và Tư vấn phát triển công nghiệp")
    make_unit(name="Đội Quản lý thị trường số 1")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("phong quan ly", ["Phòng Quản lý Thương mại"]),  # accents left out
        ("Phòng Quản", ["Phòng Quản lý Thương mại"]),  # Django's own search, kept
        ("quan ly th", ["Phòng Quản lý Thương mại", "Đội Quản lý thị trường số 1"]),  # typing
        ("doi quan", ["Đội Quản lý thị trường số 1"]),
        ("khuyen cong", ["Trung tâm Khuyến công và Tư vấn phát triển công nghiệp"]),
        ("qltm", ["Phòng Quản lý Thương mại"]),  # the short name
    ],
)
def test_units_are_found_without_accents_while_typing(office_client, units, query, expected):
    response = office_client.get(reverse("admin:units_unit_changelist"), {"q": query})
    assert sorted(u.name for u in response.context["cl"].result_list) == sorted(expected)


def test_the_unit_picker_finds_a_unit_typed_without_accents(office_client, units):
    response = office_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "quan ly thuong",
            "app_label": "news",
            "model_name": "commendation",
            "field_name": "unit",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Phòng Quản lý Thương mại"]
