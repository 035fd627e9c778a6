"""The fixture campaign says what the announcement says, in both languages: who launched what,
legal documents named by what is known of them, one kind of quotation marks, natural English."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError

from campaign.models import LegalDocument
from campaign.seed.loader import FIXTURE

pytestmark = pytest.mark.django_db

SLUG = "nganh-cong-thuong-doan-ket-phong-chong-covid-19"
PAGES = ["/", "/campaigns/", f"/campaigns/{SLUG}/"] + [
    f"/campaigns/{SLUG}/themes/{n}/" for n in (1, 2, 3, 4)
]


def fixture_texts() -> list[str]:
    """Every text of the fixture, in both languages."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            found.append(value)

    walk(json.loads(FIXTURE.read_text(encoding="utf-8")))
    return found


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def test_the_department_launches_the_response_to_the_ministrys_movement(fixture_campaign):
    assert fixture_campaign.summary_vi.startswith(
        "Sở Công Thương Bến Tre phát động hưởng ứng Phong trào thi đua đặc biệt do Bộ Công "
        "Thương phát động tại Quyết định số 3082/QĐ-BCT"
    )
    assert fixture_campaign.summary_en.startswith(
        "The Bến Tre Department of Industry and Trade launches its response to the special "
        "emulation movement that the Ministry of Industry and Trade launched"
    )
    assert fixture_campaign.title_en.startswith("Launch of the response to the special")


def test_no_legal_document_is_titled_with_its_own_number(fixture_campaign):
    documents = list(LegalDocument.objects.all())
    assert documents
    for document in documents:
        for title in (document.title_vi, document.title_en):
            assert not (document.number and document.number in (title or "")), document.number
    resolution = LegalDocument.objects.get(number="01/NQ-CP")
    assert (resolution.title_vi, resolution.title_en, str(resolution)) == ("", "", "01/NQ-CP")


def test_the_legal_basis_lists_a_resolution_by_its_number_and_issuer_alone(
    client, fixture_campaign
):
    page = visible_text(client.get("/").content.decode())
    for number in ("01/NQ-CP", "02/NQ-CP"):
        assert f"{number} — Chính phủ " in page
        assert f"{number} — Chính phủ:" not in page  # no title follows, not even an empty one


def test_a_legal_document_needs_a_number_or_a_title():
    document = LegalDocument(kind=LegalDocument.Kind.OTHER, issuer="Chính phủ")
    with pytest.raises(ValidationError, match="số, ký hiệu"):
        document.full_clean()
    document.title = "Thỏa thuận thi đua cụm"
    document.full_clean()


def test_the_fixture_uses_curly_quotation_marks_only():
    assert [text[:60] for text in fixture_texts() if '"' in text] == []


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("path", PAGES)
def test_campaign_pages_show_one_kind_of_quotation_marks(client, fixture_campaign, prefix, path):
    page = visible_text(client.get(prefix + path).content.decode())
    assert '"' not in page


def test_the_english_reading_is_natural_english(fixture_campaign):
    english = " ".join(
        [fixture_campaign.body_en]
        + [theme.description_en for theme in fixture_campaign.themes.all()]
    )
    assert "Emulate in" not in english
    assert "strengthen strength" not in english
    assert "so that their example spreads and adds strength and confidence" in english
    assert (
        "that stabilise production and business, control and stabilise the market, secure the "
        "supply of goods and keep imports and exports flowing; that raise labour productivity "
        "and work efficiency; and that mobilise resources" in english
    )
