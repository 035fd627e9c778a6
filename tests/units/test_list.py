"""The units list: the tree's first two levels with how many units each has, and a search by
part of a name for the rest; its weight does not grow with the divisions."""

import pytest
from django.urls import reverse

from tests.factories import make_unit
from units import views

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    ministry = make_unit(name="Bộ Công Thương", kind="department")
    provinces = [
        make_unit(name=f"Sở Công Thương {name}", kind="department", parent=ministry)
        for name in ("Hải Phòng", "Đắk Nông")
    ]
    divisions = [
        make_unit(name=f"Phòng số {i} – {p.name}", parent=p) for p in provinces for i in range(3)
    ]
    return ministry, provinces, divisions


def test_the_list_shows_two_levels_with_their_counts(client, tree):
    ministry, provinces, divisions = tree
    response = client.get(reverse("units:list"))
    html = response.content.decode()
    assert [node.unit for node in response.context["units"]] == [ministry, *provinces]
    assert response.context["total"] == 6 + 3
    assert "9 đơn vị tham gia" in html
    assert "3 đơn vị trực thuộc" in html
    assert divisions[0].name not in html


def test_the_list_is_paged_whatever_the_shape_of_the_tree(client, monkeypatch):
    monkeypatch.setattr(views, "TOP_LEVELS_PER_PAGE", 3)
    root = make_unit(name="Bộ Công Thương")
    for _ in range(4):
        make_unit(parent=root)
    first = client.get(reverse("units:list"))
    assert len(first.context["units"]) == 3
    second = client.get(reverse("units:list"), {"page": 2})
    assert len(second.context["units"]) == 2
    assert 'href="?page=1"' in second.content.decode()


def test_a_unit_is_found_by_part_of_its_name_without_accents(client, tree):
    _, provinces, divisions = tree
    response = client.get(reverse("units:list"), {"q": "dak nong phong so"})
    html = response.content.decode()
    assert list(response.context["page_obj"]) == divisions[3:]
    assert "Tìm thấy 3 đơn vị." in html
    assert "Trực thuộc Sở Công Thương Đắk Nông" in html


def test_nothing_found_says_so(client, tree):
    response = client.get(reverse("units:list"), {"q": "Cà Mau"})
    assert response.status_code == 200
    assert "Không có đơn vị nào có tên chứa các từ này." in response.content.decode()


def test_in_english(client, tree):
    html = client.get("/en" + reverse("units:list"), {"q": "hai phong"}).content.decode()
    assert "4 units found." in html and "Belongs to Sở Công Thương Hải Phòng" in html
