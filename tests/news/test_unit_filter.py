"""The news list's unit filter: part of a unit's name typed in a box (accents optional), never a
list of every unit; links with ?unit=<slug> keep choosing one unit."""

import re

import pytest
from django.urls import reverse

from tests.factories import make_commendation, make_unit

pytestmark = pytest.mark.django_db


def listed(client, **params) -> tuple[set, str]:
    response = client.get(reverse("news:list"), params)
    assert response.status_code == 200
    return {c.honoree_name for c in response.context["commendations"]}, response.content.decode()


@pytest.fixture
def units(campaign):
    named = {
        "hp": make_unit(name="Văn phòng Sở – Sở Công Thương Hải Phòng", slug="van-phong-hp"),
        "hp2": make_unit(name="Phòng Hóa chất – Sở Công Thương Hải Phòng", slug="hoa-chat-hp"),
        "dn": make_unit(name="Văn phòng Sở – Sở Công Thương Đắk Nông", slug="van-phong-dn"),
    }
    for key, unit in named.items():
        make_commendation(campaign=campaign, unit=unit, honoree_name=f"Người {key}")
    return named


def test_the_filter_is_a_box_not_a_list_of_every_unit(client, campaign, units):
    for _ in range(30):
        make_unit()
    _, html = listed(client)
    assert '<input type="text" name="unit_name"' in html
    assert 'name="unit"' not in html
    # Themes and forms only: the number of choices does not grow with the units.
    assert len(re.findall(r"<option", html)) < 20


def test_one_unit_matching_the_typed_name_filters_by_it(client, units):
    names, html = listed(client, unit_name="dak nong")
    assert names == {"Người dn"}
    assert 'href="?unit=van-phong-dn"' in html


def test_several_matching_units_are_offered_as_choices(client, units):
    names, html = listed(client, unit_name="Hải phòng")
    assert names == {"Người hp", "Người hp2"}
    assert "2 đơn vị có tên khớp với “Hải phòng”" in html
    assert 'href="?unit=van-phong-hp"' in html and 'href="?unit=hoa-chat-hp"' in html


def test_no_unit_matching_says_so(client, units):
    names, html = listed(client, unit_name="Cà Mau")
    assert names == set()
    assert "Không có đơn vị nào có tên chứa “Cà Mau”" in html


def test_a_unit_chosen_by_its_slug_is_shown_with_the_way_to_remove_it(client, units):
    names, html = listed(client, unit=units["hp"].slug, q="")
    assert names == {"Người hp"}
    assert f'<input type="hidden" name="unit" value="{units["hp"].slug}">' in html
    assert ">Văn phòng Sở – Sở Công Thương Hải Phòng</a>" in html
    assert 'href="?">Mọi đơn vị</a>' in html
    assert 'name="unit_name"' not in html


def test_the_choices_keep_the_other_filters(client, campaign, units):
    theme = campaign.themes.get(number=1)
    _, html = listed(client, unit_name="hai phong", theme=theme.pk)
    assert f'href="?theme={theme.pk}&amp;unit=hoa-chat-hp"' in html
