"""The decision's three outputs from one text: the print page, the DOCX the records clerk edits,
and the annexed list as XLSX; each read back. Their queries do not grow with the list."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from docx import Document
from openpyxl import load_workbook

from awards import decisions as service
from awards.texts import decision_text
from campaign.official import date_parts, place_and_date
from tests.awards.test_decisions import SIGNER, department_campaign, round_with
from tests.factories import make_evaluation_round, make_proposal, make_unit, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision():
    evaluation = round_with(passed=2, failed=1, collectives=1)
    return service.decision_from_round(
        evaluation, number=125, date=dt.date(2022, 12, 28), user=make_user(office=True), **SIGNER
    )


@pytest.fixture
def office_client(client):
    client.force_login(make_user(office=True))
    return client


def test_dates_are_written_as_decree_30_does():
    assert date_parts(dt.date(2023, 1, 5)) == {"day": "05", "month": "01", "year": "2023"}
    assert date_parts(dt.date(2022, 12, 28)) == {"day": "28", "month": "12", "year": "2022"}
    assert date_parts(dt.date(2022, 3, 8)) == {"day": "08", "month": "3", "year": "2022"}
    with translation.override("vi"):
        assert place_and_date("Bến Tre", dt.date(2022, 12, 28)) == (
            "Bến Tre, ngày 28 tháng 12 năm 2022"
        )
        assert (
            place_and_date("Bến Tre", dt.date(2023, 1, 5)) == "Bến Tre, ngày 05 tháng 01 năm 2023"
        )


def test_the_text_has_the_decrees_parts(decision):
    text = decision_text(decision, "vi")
    assert text.governing_body == "UBND TỈNH BẾN TRE"
    assert text.issuing_body == "SỞ CÔNG THƯƠNG"
    assert text.number_line == "Số: 125/QĐ-SCT"
    assert text.place_and_date == "Bến Tre, ngày 28 tháng 12 năm 2022"
    assert text.title == "QUYẾT ĐỊNH"
    assert text.authority == "GIÁM ĐỐC SỞ CÔNG THƯƠNG"
    assert text.signer_on_behalf_of == "KT. GIÁM ĐỐC"
    assert text.signer_position == "PHÓ GIÁM ĐỐC"
    assert text.proposed_by == "Xét đề nghị của Chánh Văn phòng Sở."
    assert text.decides == "QUYẾT ĐỊNH:"
    label, article_1 = text.articles[0]
    assert label == "Điều 1."
    assert "1 tập thể và 2 cá nhân" in article_1
    assert "tổng kết phong trào thi đua phòng, chống dịch COVID-19" in article_1
    assert "Tổng cộng: 910.000 đ" in text.articles[1][1]
    assert [group.title for group in text.groups] == ["I. TẬP THỂ", "II. CÁ NHÂN"]
    assert [len(group.rows) for group in text.groups] == [1, 2]
    assert text.annex_reference == (
        "(Kèm theo Quyết định số 125/QĐ-SCT ngày 28/12/2022 của Giám đốc Sở Công Thương)"
    )
    assert text.total_money == "910.000"


def test_the_print_page(office_client, decision):
    page = office_client.get(reverse("awards:decision-print", args=[decision.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "portal/print.css" in html
    for part in (
        "Số: 125/QĐ-SCT",
        "Bến Tre, ngày 28 tháng 12 năm 2022",
        "QUYẾT ĐỊNH:",
        "KT. GIÁM ĐỐC",
        "Lê Văn Ký",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "I. TẬP THỂ",
        "II. CÁ NHÂN",
        "910.000",
    ):
        assert part in html, part
    for proposal in decision.proposals.all():
        assert proposal.honoree_name in html


def test_the_decision_page_shows_the_money_and_a_missing_rate(office_client, decision):
    from awards.models import AwardRate

    page = office_client.get(reverse("awards:decision", args=[decision.pk]))
    assert "910.000 đ" in page.content.decode()
    assert reverse("awards:decision-issue", args=[decision.pk]) in page.content.decode()
    AwardRate.objects.all().delete()
    page = office_client.get(reverse("awards:decision", args=[decision.pk]))
    assert page.status_code == 200
    assert "alert-warning" in page.content.decode()


def test_the_docx_reads_back(office_client, decision):
    response = office_client.get(reverse("awards:decision-docx", args=[decision.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="QD-125-SCT-2022.docx"'
    document = Document(io.BytesIO(response.content))

    section = document.sections[0]
    sizes = [
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    ]
    assert [round(size.mm) for size in sizes] == [210, 297, 20, 20, 30, 15]
    assert document.styles["Normal"].font.name == "Times New Roman"

    header = document.tables[0].rows[0].cells
    assert "Số: 125/QĐ-SCT" in header[0].text
    assert "SỞ CÔNG THƯƠNG" in header[0].text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header[1].text
    assert "Bến Tre, ngày 28 tháng 12 năm 2022" in header[1].text
    paragraphs = [p.text for p in document.paragraphs]
    article_1 = next(p for p in paragraphs if p.startswith("Điều 1."))
    assert "1 tập thể và 2 cá nhân" in article_1
    assert "QUYẾT ĐỊNH:" in paragraphs
    signature = document.tables[1].rows[0].cells[1].text
    assert "KT. GIÁM ĐỐC" in signature and "Lê Văn Ký" in signature

    annex = document.tables[2]
    rows = [[cell.text for cell in row.cells] for row in annex.rows]
    assert rows[0][0] == "TT" and rows[0][-1] == "Tiền thưởng (đ)"
    names = {row[1] for row in rows}
    for proposal in decision.proposals.all():
        assert proposal.honoree_name in names
    assert rows[-1][-1] == "910.000"


def test_the_annexed_list_xlsx_reads_back(office_client, decision):
    response = office_client.get(reverse("awards:decision-annex", args=[decision.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="DS-QD-125-SCT-2022.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert "125/QĐ-SCT" in values[1][0]
    assert values[3][:2] == ["TT", "Họ và tên / tập thể"]
    assert values[4][0] == "I. TẬP THỂ"
    persons = [row for row in values if row[5] == 230_000]
    assert len(persons) == 2
    assert values[-1][-1] == 910_000


def test_a_formula_typed_as_a_name_stays_text(office_client):
    evaluation = make_evaluation_round(campaign=department_campaign())
    make_proposal(evaluation=evaluation, honoree_name="=HYPERLINK(1)", votes_for=5)
    decision = service.decision_from_round(
        evaluation, number=1, date=dt.date(2022, 12, 28), user=make_user(office=True), **SIGNER
    )
    response = office_client.get(reverse("awards:decision-annex", args=[decision.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "=HYPERLINK(1)")
    assert cell.data_type == "s"


# ---- query counts: fixed, whatever the length of the list ----------------------------------


def decision_of(size: int):
    evaluation = make_evaluation_round(campaign=department_campaign())
    units = [make_unit() for _ in range(5)]
    for n in range(size):
        make_proposal(evaluation=evaluation, unit=units[n % 5], votes_for=5)
    return service.decision_from_round(
        evaluation, number=size, date=dt.date(2022, 12, 28), user=make_user(office=True), **SIGNER
    )


PAGES = [
    "awards:decision",
    "awards:decision-print",
    "awards:decision-docx",
    "awards:decision-annex",
]


def queries(client, decision) -> dict[str, int]:
    counts = {}
    for name in PAGES:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse(name, args=[decision.pk]))
        assert response.status_code == 200
        counts[name] = len(captured)
    return counts


def test_the_pages_queries_do_not_grow_with_the_list(office_client):
    small, large = decision_of(5), decision_of(300)
    assert queries(office_client, small) == queries(office_client, large)


def test_the_pages_queries_are_fixed(office_client, django_assert_num_queries):
    decision = decision_of(5)
    office_client.get(reverse("awards:decision", args=[decision.pk]))  # the session, once
    # session, user, office group, the decision, its proposals, the base salary, the rates,
    # and the page's frame (the current campaign, the office's inbox counts)
    with django_assert_num_queries(9):
        office_client.get(reverse("awards:decision-print", args=[decision.pk]))
    large = decision_of(300)
    with django_assert_num_queries(9):
        office_client.get(reverse("awards:decision-print", args=[large.pk]))
