"""Journey 2: a unit head writes a pledge, has it returned and accepted, reports progress with a
photo from disk; another unit's pledge is not found; five wrong passwords lock the login."""

import re
from pathlib import Path

from playwright.sync_api import expect

from pledges.models import Pledge

FILES = Path(__file__).parent / "files"


def write_and_submit_pledge(checks) -> Pledge:
    page = checks.page
    checks.log_in("head1")
    checks.check("workspace")
    expect(page.get_by_role("heading", level=1)).to_have_text("Đơn vị của tôi")
    checks.screenshot("workspace")
    page.get_by_role("link", name="Đăng ký cam kết").nth(1).click()  # under theme 2
    checks.check("pledge-form")
    expect(page.get_by_label("Nội dung thi đua")).to_have_value(re.compile(r"\d+"))
    page.get_by_label("Tiêu đề").fill("Hỗ trợ 30 doanh nghiệp bán hàng trực tuyến")
    page.get_by_label("Nội dung cam kết").fill(
        "Phòng hướng dẫn doanh nghiệp đưa sản phẩm lên sàn thương mại điện tử."
    )
    page.get_by_label("Chỉ tiêu (con số)").fill("30")
    page.get_by_label("Đơn vị tính của chỉ tiêu").fill("doanh nghiệp bán hàng trực tuyến")
    boxes = page.get_by_role("group", name="Thời hạn")
    boxes.get_by_label("Ngày").fill("30")
    boxes.get_by_label("Tháng").fill("9")
    boxes.get_by_label("Năm").fill("2022")
    page.get_by_label("128/KH-SCT").check()
    page.get_by_role("button", name="Lưu bản nháp").click()
    checks.check()
    expect(page.get_by_text("Hỗ trợ 30 doanh nghiệp bán hàng trực tuyến").first).to_be_visible()
    checks.check("pledge-detail-owner")  # saved: the pledge's page, with its actions
    page.get_by_role("button", name="Gửi duyệt").click()
    checks.check()
    return Pledge.objects.get(title="Hỗ trợ 30 doanh nghiệp bán hàng trực tuyến")


def office_decides(checks, pledge, *, accept: bool, reason: str = "") -> None:
    page = checks.page
    page.context.clear_cookies()
    checks.log_in("office")
    checks.check("review-queue")
    checks.visit(f"/review/{pledge.pk}/", name="review")
    if reason:
        page.get_by_label("Ghi chú hoặc lý do").fill(reason)
    page.get_by_role(
        "button", name="Duyệt" if accept else "Trả lại để hoàn thiện", exact=True
    ).click()
    checks.check()
    page.context.clear_cookies()


def test_unit_head_pledge_from_draft_to_public_progress(checks):
    page = checks.page
    pledge = write_and_submit_pledge(checks)
    assert pledge.status == Pledge.Status.SUBMITTED

    office_decides(checks, pledge, accept=False, reason="Ghi rõ thời hạn từng đợt hỗ trợ.")
    checks.log_in("head1")
    # The to-do list leads with the returned pledge, its reason and the one action to take.
    todo = page.locator(".task-list")
    expect(todo.get_by_text("Ghi rõ thời hạn từng đợt hỗ trợ.")).to_be_visible()
    todo.get_by_role("link", name="Sửa và gửi lại").click()
    checks.check()
    page.get_by_label("Nội dung cam kết").fill(
        "Phòng hướng dẫn doanh nghiệp đưa sản phẩm lên sàn, mỗi quý 10 doanh nghiệp."
    )
    page.get_by_role("button", name="Lưu bản nháp").click()
    checks.check()
    page.get_by_role("button", name="Gửi duyệt").click()
    checks.check()

    office_decides(checks, pledge, accept=True)
    checks.log_in("head1")
    page.locator(".task-list").get_by_role("link", name="Báo cáo tiến độ").click()
    checks.check("progress-form")
    page.get_by_role("textbox", name="Đã đạt").fill("12")
    page.get_by_label("Nội dung báo cáo").fill("Đã hỗ trợ 12 doanh nghiệp lên sàn.")
    page.get_by_label("Ảnh minh chứng").set_input_files(FILES / "evidence.jpg")
    page.get_by_role("button", name="Gửi báo cáo").click()
    checks.check()

    checks.visit(f"/pledges/{pledge.pk}/", name="pledge-detail")
    expect(page.get_by_text("Đã hỗ trợ 12 doanh nghiệp lên sàn.")).to_be_visible()
    expect(page.locator("main img").first).to_be_visible()
    checks.screenshot("pledge-detail")
    expect(page.get_by_text("12/30 doanh nghiệp bán hàng trực tuyến (40%)")).to_be_visible()
    pledge.refresh_from_db()
    assert pledge.latest_percent == 40

    # Public: the theme page shows it to a visitor.
    page.context.clear_cookies()
    checks.visit(pledge.theme.get_absolute_url())
    expect(page.get_by_text("Hỗ trợ 30 doanh nghiệp bán hàng trực tuyến")).to_be_visible()


def test_another_units_draft_is_not_found_and_five_wrong_passwords_lock(checks):
    from campaign.models import Campaign
    from tests.factories import make_pledge
    from units.models import Unit

    draft = make_pledge(
        unit=Unit.objects.get(slug="phong-quan-ly-thuong-mai"), campaign=Campaign.objects.get()
    )
    page = checks.page
    checks.log_in("head2")
    checks.visit(f"/workspace/pledges/{draft.pk}/edit/", name="not-found-logged-in", status=404)
    expect(page.get_by_role("heading", level=1)).to_have_text("Không tìm thấy trang")
    page.context.clear_cookies()

    for _ in range(5):
        page.goto(checks.url("/accounts/login/"))
        page.get_by_label("Tên đăng nhập").fill("head3")
        page.get_by_label("Mật khẩu").fill("not the password")
        with page.expect_navigation():  # each failure must reach the server before the next
            page.get_by_role("button", name="Đăng nhập").click()
    checks.console_errors.clear()  # the lockout answers 429 by design
    expect(page.get_by_role("heading", level=1)).to_have_text("Đăng nhập sai quá nhiều lần")
    checks.check("locked-out")


def test_unit_head_on_a_phone(phone_checks, public_content):
    """The workspace, the pledge form and the progress form fit a 375 px screen."""
    page = phone_checks.page
    phone_checks.log_in("head1")
    phone_checks.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đơn vị của tôi")
    phone_checks.screenshot("workspace")
    page.get_by_role("link", name="Đăng ký cam kết").first.click()
    phone_checks.check()
    phone_checks.screenshot("pledge-form")
    pledge = public_content["pledge"]
    phone_checks.visit(f"/workspace/pledges/{pledge.pk}/report/")
    # The target counts enterprises: the head types how many, beside the target, and the page
    # works the percent out as they type (the server does it again).
    expect(page.get_by_text("/ 30 doanh nghiệp", exact=True)).to_be_visible()
    page.get_by_role("textbox", name="Đã đạt").fill("12")
    expect(page.locator("output.achieved-preview")).to_have_text("Tiến độ: 40%")
    page.get_by_label("Nội dung báo cáo").fill("Thêm 5 doanh nghiệp lên sàn.")
    page.get_by_label("Ảnh minh chứng").set_input_files(FILES / "evidence.jpg")
    phone_checks.screenshot("progress-form-amount")
    page.get_by_role("button", name="Gửi báo cáo").click()
    phone_checks.check()
    expect(page.get_by_text("12/30 doanh nghiệp (40%)").first).to_be_visible()
    pledge.refresh_from_db()
    assert pledge.latest_percent == 40
    assert pledge.reports.latest().achieved == 12
    phone_checks.screenshot("pledge-after-report")
