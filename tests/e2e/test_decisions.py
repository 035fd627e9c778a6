"""The office makes a decision from a round whose council has voted, reads it, issues it,
downloads the DOCX (read back) and prints it: each page passes axe and the HTML checker."""

from __future__ import annotations

import io

from docx import Document
from playwright.sync_api import expect

from awards.models import Award, Decision
from tests.awards.test_decisions import department_campaign, round_with


def test_office_makes_issues_and_prints_a_decision(checks):
    evaluation = round_with(campaign=department_campaign(), passed=2, failed=1, collectives=1)
    page = checks.page
    checks.log_in("office")

    checks.visit(f"/office/awards/rounds/{evaluation.pk}/decision/", name="decision-create")
    page.locator("#id_number").fill("125")
    page.locator("#id_date_0").fill("28")
    page.locator("#id_date_1").fill("12")
    page.locator("#id_date_2").fill("2022")
    page.locator("#id_signer_position").fill("Phó Giám đốc")
    page.locator("#id_signer_on_behalf_of").fill("Giám đốc")
    page.locator("#id_signer_name").fill("Lê Văn Ký")
    page.get_by_role("button", name="Lập dự thảo quyết định").click()
    decision = Decision.objects.get(number=125)
    expect(page.get_by_role("heading", name="Quyết định 125/QĐ-SCT")).to_be_visible()
    checks.check("decision-detail")

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải DOCX").click()
    document = Document(io.BytesIO(download.value.path().read_bytes()))
    assert "Số: 125/QĐ-SCT" in document.tables[0].rows[0].cells[0].text
    assert any(p.text.startswith("Điều 1.") for p in document.paragraphs)

    page.get_by_role("link", name="Ban hành quyết định").click()
    checks.check("decision-issue")
    page.get_by_role("button", name="Ban hành quyết định").click()
    expect(page.get_by_role("link", name="Sửa đổi bằng quyết định mới")).to_be_visible()
    assert Award.objects.filter(decision=decision).count() == 3

    checks.visit(f"/office/awards/decisions/{decision.pk}/print/", name="decision-print")
    expect(page.get_by_text("KT. GIÁM ĐỐC")).to_be_visible()
    checks.page.pdf(path=str(checks_pdf_path()), format="A4", prefer_css_page_size=True)


def checks_pdf_path():
    from tests.e2e.conftest import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / "decision-125-QD-SCT.pdf"
