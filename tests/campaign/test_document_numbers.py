"""Document numbers follow Decree 30/2020/NĐ-CP (số/ký hiệu): what an office writes is accepted,
the rest refused with an example, and what a person types is stored as the decree writes it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from campaign.models import LegalDocument
from tests.factories import make_user

pytestmark = pytest.mark.django_db

VALID = [
    "15/TTr-SCT",  # tờ trình: the decree's own mixed-case abbreviation
    "20/CTr-SCT",  # chương trình
    "05/HD-SCT",
    "3082/QĐ-BCT",
    "128/KH-SCT",
    "01/NQ-CP",
    "125/QĐ-UBND",
    "30/2020/NĐ-CP",  # a legal normative document carries its year
    "1450/QĐ-TTg",  # the Prime Minister
    "59/2020/QH14",
    "123/SCT-VP",  # an official letter: issuer and drafting unit, no kind
]
INVALID = [
    "125",
    "QĐ-SCT/125",
    "125/qđ-sct",  # the symbol is written in capitals
    "số 125/QĐ-SCT",
    "125/QĐ SCT",  # a missing hyphen is not guessed
    "125/QĐ-",
    "125//QĐ-SCT",
    "12a/QĐ-SCT",
]


def document(number: str) -> LegalDocument:
    return LegalDocument(number=number, issuer="Sở Công Thương", title="Kế hoạch thi đua")


def cleaned(number: str) -> str:
    doc = document(number)
    doc.full_clean()
    return doc.number


@pytest.mark.parametrize("number", VALID)
def test_numbers_as_offices_write_them_are_accepted(number):
    assert cleaned(number) == number


@pytest.mark.parametrize("number", INVALID)
def test_other_numbers_are_refused_with_an_example(number):
    with pytest.raises(ValidationError) as caught:
        cleaned(number)
    message = caught.value.message_dict["number"][0]
    assert message == (
        "Nhập số theo đúng dạng “số/ký hiệu”, ví dụ 125/QĐ-SCT, 15/TTr-SCT hoặc 30/2020/NĐ-CP."
    )


def test_the_message_is_in_the_readers_language():
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            cleaned("125")
        message = caught.value.message_dict["number"][0]  # worded when it is shown
    assert message == (
        "Enter the number in the official form “number/symbol”, for example 125/QĐ-SCT, "
        "15/TTr-SCT or 30/2020/NĐ-CP."
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("15 / TTr - SCT", "15/TTr-SCT"),
        ("  3082/QĐ-BCT\t", "3082/QĐ-BCT"),
        ("125/QĐ–SCT", "125/QĐ-SCT"),  # en dash
        ("125/QĐ—SCT", "125/QĐ-SCT"),  # em dash
        ("01/NQ\u2212CP", "01/NQ-CP"),  # minus sign
        ("3082/Q\u00d0-BCT", "3082/QĐ-BCT"),  # Icelandic eth, as old font converters left Đ
        ("125/Q\u0110-UBND", "125/QĐ-UBND"),
        ("30\u200b/2020/NĐ-CP", "30/2020/NĐ-CP"),  # a zero-width space copied with the text
        ("20\uff0fCTr-SCT", "20/CTr-SCT"),  # full-width solidus
    ],
)
def test_what_a_person_types_is_stored_as_the_decree_writes_it(typed, stored):
    assert cleaned(typed) == stored


def test_the_admin_stores_the_normalised_number(client):
    client.force_login(make_user(office=True))
    response = client.post(
        reverse("admin:campaign_legaldocument_add"),
        {
            "number": " 15 / TTr – SCT ",
            "kind": "other",
            "issuer_vi": "Sở Công Thương",
            "title_vi": "Tờ trình đề nghị khen thưởng",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert LegalDocument.objects.get().number == "15/TTr-SCT"


def test_the_admin_shows_the_message_beside_the_field(client):
    client.force_login(make_user(office=True))
    response = client.post(
        reverse("admin:campaign_legaldocument_add"),
        {"number": "125/QĐ SCT", "kind": "other", "issuer_vi": "Sở", "title_vi": "Tờ trình"},
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["number"]
    assert errors == [
        "Nhập số theo đúng dạng “số/ký hiệu”, ví dụ 125/QĐ-SCT, 15/TTr-SCT hoặc 30/2020/NĐ-CP."
    ]
    assert not LegalDocument.objects.exists()
