"""The whole journey of issue 15, through the pages people use: a unit head nominates a
colleague; the office accepts it, opens an evaluation round in the admin's own form with its
council, adds the accepted nominations and the dashboard's candidate units, records the
council's votes (one proposal fails), makes and issues the decision, downloads its DOCX (read
back here), prints the certificates to PDF in Chromium (one landscape page per honouree),
publishes the drafted commendation, and finds it on the honour board grouped by its decision
and in the honouree's achievement record. Every page passes axe and the HTML checker."""

from __future__ import annotations

import io

from docx import Document
from playwright.sync_api import expect

from awards.models import Award, Decision, EvaluationRound
from tests.e2e.test_certificates import A4_LANDSCAPE, pdf_pages
from tests.e2e.test_commendations import FILES, pick_autocomplete
from tests.factories import make_evidence, make_pledge, make_report

SLUG = "nganh-cong-thuong-doan-ket-phong-chong-covid-19"


def completed_pledges() -> None:
    """Two demo divisions whose pledges are completed with photo evidence: the dashboard's
    candidates for a collective commendation."""
    from campaign.models import Campaign
    from units.models import Unit

    campaign = Campaign.objects.get(slug=SLUG)
    theme = campaign.themes.get(number=2)
    for slug in ("phong-quan-ly-thuong-mai", "phong-quan-ly-cong-nghiep"):
        unit = Unit.objects.get(slug=slug)
        pledge = make_pledge(
            campaign=campaign, unit=unit, theme=theme, status="completed", title="Bình ổn giá"
        )
        make_evidence(report=make_report(pledge=pledge, percent=100))


def test_from_a_nomination_to_the_certificates_and_the_record(checks):
    completed_pledges()
    page = checks.page

    # A unit head nominates a colleague.
    checks.log_in("head1")
    checks.visit("/nominations/new/", name="journey-nomination-form")
    page.get_by_label("Người được khen thưởng").fill("Lê Thị Thu")
    page.get_by_label("Chức vụ").fill("Chuyên viên")
    page.get_by_label("Nội dung thi đua").select_option(index=2)
    page.get_by_label("Thành tích").fill("Trực chốt kiểm dịch 60 ngày, vận động bình ổn giá.")
    page.get_by_label("Ảnh minh chứng").set_input_files(FILES / "evidence.jpg")
    page.get_by_role("button", name="Gửi đề xuất").click()
    checks.check("journey-nomination")
    page.context.clear_cookies()

    # The office accepts it.
    checks.log_in("office")
    page.goto(checks.url("/admin/news/nomination/"))
    page.get_by_role("link", name="Lê Thị Thu").click()
    page.get_by_role("link", name="Duyệt", exact=True).first.click()
    page.get_by_role("button", name="Duyệt và tạo bản nháp").click()
    checks.check()

    # It opens a round in the admin's form, with a council of five.
    page.goto(checks.url("/admin/awards/evaluationround/add/"))
    checks.check("journey-round-add")
    page.locator("#id_title").fill("Bình xét khen thưởng tổng kết phong trào năm 2022")
    pick_autocomplete(page, "campaign", "Ngành Công Thương")
    page.locator("#id_year").fill("2022")
    page.get_by_label("Giấy khen của Giám đốc Sở").check()
    page.locator("#id_meeting_date").fill("20/12/2022")
    page.locator("#id_meeting_place").fill("Phòng họp Sở Công Thương")
    council = [
        ("Nguyễn Thanh Hải", "Giám đốc Sở", "chair"),
        ("Huỳnh Văn Lợi", "Phó Giám đốc Sở", "vice_chair"),
        ("Đặng Thị Mai", "Chủ tịch Công đoàn Sở", "member"),
        ("Lý Quốc Nam", "Trưởng phòng Quản lý Công nghiệp", "member"),
        ("Võ Thị Đào", "Chánh Văn phòng Sở", "secretary"),
    ]
    add_member = page.locator("#members-group .add-row a")
    for n, (name, position, role) in enumerate(council):
        add_member.click()
        page.locator(f"#id_members-{n}-name").fill(name)
        page.locator(f"#id_members-{n}-position").fill(position)
        page.locator(f"#id_members-{n}-role").select_option(role)
        page.locator(f"#id_members-{n}-order").fill(str(n))
    with page.expect_navigation():
        page.locator("input[name=_save]").click()
    checks.check()
    evaluation = EvaluationRound.objects.get()
    assert evaluation.members.count() == 5

    # Its proposals: the accepted nomination and the dashboard's candidate units.
    checks.visit(f"/office/awards/rounds/{evaluation.pk}/", name="journey-round")
    with page.expect_navigation():
        page.get_by_role("button", name="Thêm các đề xuất đã duyệt").click()
    checks.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Thêm các đơn vị đủ điều kiện trên bảng theo dõi").click()
    checks.check()
    assert evaluation.proposals.count() == 3

    # The council's votes: more than half of five passes with 3; one unit gets 2 and fails.
    page.get_by_label("Số phiếu đồng ý cho Lê Thị Thu").fill("5")
    page.get_by_label("Số phiếu đồng ý cho Phòng Quản lý Công nghiệp").fill("4")
    page.get_by_label("Số phiếu đồng ý cho Phòng Quản lý Thương mại").fill("2")
    page.get_by_role("button", name="Lưu kết quả biểu quyết").click()
    checks.check("journey-round-voted")
    expect(page.locator(".proposal-table").get_by_text("Không đạt")).to_have_count(1)
    page.get_by_role("link", name="In biên bản họp").click()
    checks.check("journey-minutes")
    page.get_by_role("link", name="Quay lại đợt bình xét").click()

    # The decision, made in one step from the passed proposals, then issued.
    page.get_by_role("link", name="Lập quyết định từ các đề nghị đạt").click()
    checks.check("journey-decision-form")
    page.locator("#id_number").fill("125")
    page.locator("#id_date_0").fill("28")
    page.locator("#id_date_1").fill("12")
    page.locator("#id_date_2").fill("2022")
    page.locator("#id_signer_position").fill("Phó Giám đốc")
    page.locator("#id_signer_on_behalf_of").fill("Giám đốc")
    page.locator("#id_signer_name").fill("Huỳnh Văn Lợi")
    with page.expect_navigation():
        page.get_by_role("button", name="Lập dự thảo quyết định").click()
    checks.check("journey-decision")
    decision = Decision.objects.get(number=125)

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải DOCX").click()
    document = Document(io.BytesIO(download.value.path().read_bytes()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(cells)
    assert "125/QĐ-SCT" in text
    assert "KT. GIÁM ĐỐC" in text
    # The annexed list names the two that passed, not the unit that failed.
    assert "Lê Thị Thu" in cells and "Phòng Quản lý Công nghiệp" in cells
    assert "Phòng Quản lý Thương mại" not in cells

    page.get_by_role("link", name="Ban hành quyết định").click()
    checks.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Ban hành quyết định").click()
    checks.check("journey-decision-issued")
    assert Award.objects.filter(decision=decision).count() == 2

    # The certificates: Bà for the person, then one landscape A4 page per honouree.
    page.get_by_role("link", name="In giấy khen").click()
    checks.check("journey-certificates")
    page.locator("select[name^=salutation-]").select_option("ba")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu danh xưng").click()
    checks.check()
    assert Award.objects.get(honoree_name="Lê Thị Thu").salutation == "ba"
    person = page.locator("article.certificate", has_text="Lê Thị Thu")
    expect(person).to_contain_text("Bà Lê Thị Thu")
    sizes = pdf_pages(page.pdf(prefer_css_page_size=True, print_background=True))
    assert len(sizes) == 2, sizes
    for width, height in sizes:
        assert abs(width - A4_LANDSCAPE[0]) < 2 and abs(height - A4_LANDSCAPE[1]) < 2

    # The drafted commendation news, published, on the honour board under its decision.
    commendation = Award.objects.get(honoree_name="Lê Thị Thu").commendation
    page.goto(checks.url(f"/admin/news/commendation/{commendation.pk}/change/"))
    page.locator("#id_status").select_option("published")
    with page.expect_navigation():
        page.locator("input[name=_save]").click()
    checks.check()
    page.context.clear_cookies()
    checks.visit(f"/honour-board/{SLUG}/", name="journey-honour-board")
    board = page.locator("main")
    heading = board.locator("h2.honour-decision-title").first
    expect(heading).to_contain_text("Quyết định số 125/QĐ-SCT ngày 28/12/2022")
    expect(board.get_by_text("Lê Thị Thu").first).to_be_visible()

    # The honouree's record, as the unit's head reads it.
    checks.log_in("head1")
    checks.visit("/records/", name="journey-my-records")
    page.get_by_role("link", name="Lê Thị Thu").first.click()
    checks.check("journey-record")
    expect(page.get_by_text("125/QĐ-SCT ngày 28/12/2022")).to_be_visible()
    checks.visit("/records/outcomes/", name="journey-outcomes")
    expect(page.get_by_text("Không đạt")).to_be_visible()
