"""Targets and progress are typed and shown as each language writes numbers: 1.234,5 and 2.500
on Vietnamese pages, 1,234.5 and 2,500 on English ones."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from pledges.models import Pledge
from tests.factories import make_pledge
from tests.pledges.test_views import create_url, form_data

pytestmark = pytest.mark.django_db


def input_tag(html: str, name: str) -> str:
    return re.search(rf'<input[^>]* name="{name}"[^>]*>', html)[0]


@pytest.mark.parametrize(
    ("prefix", "typed"), [("", "1.234,5"), ("", "1234,5"), ("/en", "1,234.5"), ("/en", "1234.5")]
)
def test_a_target_is_typed_in_the_pages_notation(client, two_units, prefix, typed):
    client.force_login(two_units.head_a)
    response = client.post(prefix + create_url(two_units), form_data(two_units, target_value=typed))
    assert response.status_code == 302, response.context["form"].errors
    assert Pledge.objects.get().target_value == Decimal("1234.5")


@pytest.mark.parametrize(
    ("prefix", "typed", "message"),
    [
        ("", "2.5", "Hãy nhập số theo cách viết 1.234,5 hoặc 2.500"),
        ("", "1,234.5", "Hãy nhập số theo cách viết 1.234,5 hoặc 2.500"),
        ("/en", "2,5", "Enter a number as in 1,234.5 or 2,500"),
        ("/en", "1.234,5", "Enter a number as in 1,234.5 or 2,500"),
    ],
)
def test_the_other_notation_is_refused_not_misread(client, two_units, prefix, typed, message):
    client.force_login(two_units.head_a)
    response = client.post(prefix + create_url(two_units), form_data(two_units, target_value=typed))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Pledge.objects.exists()


@pytest.mark.parametrize(
    ("prefix", "shown"),
    [("", ["2.500 doanh nghiệp", "1.234,5 tấn"]), ("/en", ["2,500 doanh nghiệp", "1,234.5 tấn"])],
)
def test_targets_are_shown_with_the_languages_separators(client, two_units, prefix, shown):
    whole = make_pledge(
        campaign=two_units.campaign, unit=two_units.unit_a, status="accepted", target_value=2500
    )
    Pledge.objects.filter(pk=whole.pk).update(target_unit="doanh nghiệp")
    part = make_pledge(
        campaign=two_units.campaign, unit=two_units.unit_a, status="accepted", target_value="1234.5"
    )
    Pledge.objects.filter(pk=part.pk).update(target_unit="tấn")
    urls = [prefix + pledge.get_absolute_url() for pledge in (whole, part)]  # before /en/ is on
    for url, text in zip(urls, shown, strict=True):
        assert text in client.get(url).content.decode()


@pytest.mark.parametrize(("prefix", "value"), [("", "1.234,5"), ("/en", "1,234.5")])
def test_the_edit_form_shows_the_target_in_the_pages_notation_in_a_text_box(
    client, two_units, prefix, value
):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, target_value="1234.50")
    client.force_login(two_units.head_a)
    html = client.get(prefix + reverse("pledges:update", args=[pledge.pk])).content.decode()
    tag = input_tag(html, "target_value")
    assert f'value="{value}"' in tag
    assert 'type="text"' in tag and 'inputmode="decimal"' in tag


def test_progress_is_a_whole_number_in_a_text_box(client, two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status="accepted")
    client.force_login(two_units.head_a)
    url = reverse("pledges:report", args=[pledge.pk])
    tag = input_tag(client.get(url).content.decode(), "percent")
    assert 'type="text"' in tag and 'inputmode="numeric"' in tag
    response = client.post(url, {"percent": "50,5", "narrative": "Đã làm một nửa."})
    assert "Hãy nhập tiến độ là số nguyên từ 0 đến 100." in response.content.decode()
    assert not pledge.reports.exists()
    response = client.post("/en" + url, {"percent": "50.5", "narrative": "Half done."})
    assert "Enter the progress as a whole number from 0 to 100." in response.content.decode()
    client.post(url, {"percent": " 60 ", "narrative": "Đã làm hơn nửa."})
    assert pledge.reports.get().percent == 60


def test_numbers_that_name_things_are_never_grouped(client, two_units):
    """An id in an anchor or a length in an attribute is for the browser, not a quantity."""
    from tests.factories import make_role, make_unit

    big = make_unit(pk=4321, name="Trung tâm Khuyến công")
    make_role(user=two_units.head_a, unit=big)
    client.force_login(two_units.head_a)
    html = client.get(reverse("pledges:workspace")).content.decode()
    assert 'id="unit-4321"' in html and 'aria-labelledby="unit-4321"' in html
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status="submitted")
    client.force_login(two_units.office)
    html = client.get(reverse("pledges:review", args=[pledge.pk])).content.decode()
    assert 'maxlength="2000"' in html
