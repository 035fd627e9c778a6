"""A commendation without a photo to show keeps the photo's box with a placeholder, never a
broken image: in cards, on its page and on the honour board."""

import pytest
from django.urls import reverse

from tests.factories import make_commendation
from tests.images import jpeg_bytes

PLACEHOLDER = "portal/photo-placeholder"


@pytest.fixture
def with_photo(campaign, unit):
    return make_commendation(
        campaign=campaign, unit=unit, honoree_name="Trần Thị Mai", photo=jpeg_bytes(),
        photo_consent=True,
    )  # fmt: skip


def pages(commendation) -> dict[str, str]:
    return {
        "news": reverse("news:list"),
        "detail": commendation.get_absolute_url(),
        "honour-board": reverse("news:honour-board", args=[commendation.campaign.slug]),
    }


def test_a_photo_that_is_stored_is_shown_everywhere(client, with_photo):
    for name, path in pages(with_photo).items():
        html = client.get(path).content.decode()
        shown = with_photo.photo_detail.url if name == "detail" else with_photo.photo_card.url
        assert f'src="{shown}"' in html, name
        assert PLACEHOLDER not in html, name


def test_no_photo_shows_a_placeholder_of_the_photo_size(client, campaign, unit):
    commendation = make_commendation(campaign=campaign, unit=unit, honoree_name="Lê Văn Tám")
    for name, path in pages(commendation).items():
        html = client.get(path).content.decode()
        assert 'alt="Chưa có ảnh của Lê Văn Tám"' in html, name
        assert PLACEHOLDER in html, name
    card = client.get(reverse("news:list")).content.decode()
    assert 'class="card-img-top photo-placeholder"' in card
    assert 'width="600" height="400"' in card  # the box of a card photo
    detail = client.get(commendation.get_absolute_url()).content.decode()
    assert 'width="1200" height="900"' in detail  # the article photo's box, in plain digits


def test_a_photo_whose_file_was_deleted_shows_the_placeholder(client, with_photo):
    for field in (with_photo.photo_card, with_photo.photo_detail):
        field.storage.delete(field.name)
    for name, path in pages(with_photo).items():
        response = client.get(path)
        assert response.status_code == 200
        html = response.content.decode()
        assert with_photo.photo_card.url not in html, name
        assert with_photo.photo_detail.url not in html, name
        assert 'alt="Chưa có ảnh của Trần Thị Mai"' in html, name
    en = client.get("/en" + with_photo.get_absolute_url()).content.decode()
    assert 'alt="No photo of Trần Thị Mai yet"' in en
