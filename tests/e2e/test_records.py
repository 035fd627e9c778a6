"""Journey: a unit head reads their unit's achievement records and the outcome of its
proposals (also on a phone); the office searches the records without accents and opens the
import page. Every page passes the checks of tests/e2e (axe, the HTML checker, no CSP error)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.factories import make_award, make_decision, make_evaluation_round, make_proposal
from units.models import UnitRole

pytestmark = pytest.mark.e2e


@pytest.fixture
def records(portal_data):
    unit = UnitRole.objects.select_related("unit").get(user__username="head1").unit
    evaluation = make_evaluation_round(members=5, title="Bình xét khen thưởng năm 2022")
    decision = make_decision(evaluation=evaluation, status="issued", number=125)
    make_award(unit=unit, honoree_name="Nguyễn Văn Đức", year=2020, decision_number="31/QĐ-SCT")
    make_award(unit=unit, decision=decision, honoree_name="Nguyễn Văn Đức", position="Chuyên viên")
    make_award(unit=unit, honoree_name=unit.name_vi, honoree_kind="collective")
    passed = make_proposal(evaluation=evaluation, unit=unit, votes_for=4, decision=decision)
    make_proposal(evaluation=evaluation, unit=unit, votes_for=1, honoree_name="Trần Thị Bình")
    make_proposal(evaluation=evaluation, unit=unit, honoree_name="Lê Văn Cường")
    return unit, passed


def test_a_head_reads_records_and_outcomes_and_the_office_searches(checks, records):
    unit, _passed = records
    page = checks.page
    checks.log_in("head1")
    checks.visit("/records/", name="my-records")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hồ sơ thành tích của đơn vị")
    checks.screenshot("records-mine")
    page.get_by_role("link", name="Nguyễn Văn Đức").first.click()
    checks.check("person-record")
    expect(page.get_by_text("125/QĐ-SCT ngày 28/12/2022")).to_be_visible()
    checks.screenshot("records-person")
    checks.visit("/records/outcomes/", name="outcomes")
    expect(page.get_by_text("Không đạt")).to_be_visible()
    expect(page.get_by_text("Chưa biểu quyết")).to_be_visible()
    checks.screenshot("records-outcomes")
    checks.visit(f"/en/office/awards/records/{unit.slug}/", name="unit-record-en")
    expect(page.get_by_role("heading", level=2).first).to_have_text(
        "Awards of the unit as a collective"
    )
    page.context.clear_cookies()
    checks.log_in("office")
    checks.visit("/office/awards/records/?q=duc", name="records-list")
    expect(page.get_by_role("link", name="Nguyễn Văn Đức")).to_be_visible()
    checks.screenshot("records-list")
    checks.visit("/admin/awards/award/import/")
    checks.screenshot("records-import")


def test_the_records_on_a_phone(phone_checks, records):
    page = phone_checks.page
    phone_checks.log_in("head1")
    phone_checks.visit("/records/")
    phone_checks.screenshot("records-mine")
    phone_checks.visit("/records/outcomes/")
    expect(page.get_by_text("Đạt", exact=True)).to_be_visible()
    phone_checks.screenshot("records-outcomes")
