"""Long texts in the admin's change lists read on a few lines, the whole text in the title."""

import html
import re

import pytest
from django.urls import reverse

from audit.models import Event
from kit.admin_widgets import SHORT_TEXT_LENGTH, short_text
from tests.factories import make_commendation, make_nomination, make_pledge, make_report, make_user

pytestmark = pytest.mark.django_db

LONG = (
    "Đồng chí Đặng Thị Lan, chuyên viên Phòng Quản lý Thương mại, đã hỗ trợ 12 doanh nghiệp "
    "đưa sản phẩm lên sàn thương mại điện tử và giới thiệu 30 sản phẩm OCOP của tỉnh Bến Tre"
)
SHORT = "Đồng chí Đặng Thị Lan hỗ trợ doanh nghiệp"


def _cell(client, url: str, column: str, row: int = 0) -> str:
    """The change list's cell of `column` in `row`, as HTML."""
    page = client.get(url, follow=True).content.decode()
    cells = re.findall(rf'<(?:td|th) class="field-{column}"[^>]*>(.*?)</(?:td|th)>', page, re.S)
    return cells[row]


def _shown(cell: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()


def _title(cell: str) -> str | None:
    found = re.search(r'title="([^"]*)"', cell)
    return html.unescape(found.group(1)) if found else None


@pytest.fixture
def office_client(client):
    client.force_login(make_user(office=True))
    return client


@pytest.mark.parametrize(
    ("url", "column", "make"),
    [
        (
            "admin:news_commendation_changelist",
            "title_short",
            lambda text: make_commendation(title=text),
        ),
        (
            "admin:news_commendation_changelist",
            "honoree_name_short",
            lambda text: make_commendation(honoree_name=text[:200]),
        ),
        (
            "admin:news_nomination_changelist",
            "honoree_name_short",
            lambda text: make_nomination(honoree_name=text[:200]),
        ),
        (
            "admin:pledges_pledge_changelist",
            "title_short",
            lambda text: make_pledge(status="submitted", title=text),
        ),
        (
            "admin:pledges_progressreport_changelist",
            "pledge_short",
            lambda text: make_report(pledge=make_pledge(title=text)),
        ),
        (
            "admin:audit_event_changelist",
            "object_repr_short",
            lambda text: Event.objects.create(action=Event.Action.ADMIN_CHANGE, object_repr=text),
        ),
    ],
)
def test_a_long_text_is_cut_with_the_whole_text_in_its_title(office_client, url, column, make):
    make(LONG)
    cell = _cell(office_client, reverse(url), column)
    full = LONG[:200] if "honoree" in column else LONG
    shown = _shown(cell)
    assert shown.endswith("…") and len(shown) <= SHORT_TEXT_LENGTH
    assert full.startswith(shown[:-1])
    assert _title(cell) == full


def test_a_short_text_is_shown_whole_without_a_title(office_client):
    make_pledge(status="submitted", title=SHORT)
    cell = _cell(office_client, reverse("admin:pledges_pledge_changelist"), "title_short")
    assert _shown(cell) == SHORT
    assert _title(cell) is None


def test_the_column_keeps_the_fields_heading_and_sorts_by_it(office_client):
    make_pledge(status="submitted", title="Cam kết B")
    make_pledge(status="submitted", title="Cam kết A")
    url = reverse("admin:pledges_pledge_changelist")
    page = office_client.get(url).content.decode()
    heading = re.search(
        r'<th scope="col" class="sortable column-title_short">(.*?)</th>', page, re.S
    )
    assert _shown(heading.group(1)) == "Tiêu đề"
    # The first column, sorted ascending by the title.
    sorted_page = office_client.get(url, {"o": "1"})
    titles = [
        _shown(c)
        for c in re.findall(
            r'class="field-title_short">(.*?)</th>', sorted_page.content.decode(), re.S
        )
    ]
    assert titles == ["Cam kết A", "Cam kết B"]


def test_the_cut_falls_between_words():
    cut = short_text(LONG)
    assert cut == (
        "Đồng chí Đặng Thị Lan, chuyên viên Phòng Quản lý Thương mại, đã hỗ trợ 12 doanh…"
    )
    assert short_text(SHORT) == SHORT
    # A text without a space to cut at is cut inside it.
    assert short_text("x" * 100, 10) == "x" * 9 + "…"
