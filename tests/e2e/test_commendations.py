"""Journeys around commendations: the office writes, schedules and publishes one in the admin;
a unit head nominates a colleague and the office turns it into a draft commendation; a visitor
finds commendations, the honour board and the feed."""

import datetime as dt
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.test_office_admin import admin_login

FILES = Path(__file__).parent / "files"


def pick_autocomplete(page, field: str, text: str) -> None:
    """Choose `text` in the admin's autocomplete (select2) widget for `field`."""
    page.locator(f"#id_{field}").locator("xpath=..").locator(".select2-selection").click()
    page.locator(".select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def write_body(page, first: str, bold: str, items: list[str]) -> None:
    """Write the commendation body in its visual editor as an office admin does: a paragraph
    with one word made bold from the toolbar, then a bulleted list from the toolbar."""
    editor = page.get_by_role("textbox", name="Nội dung", exact=True)
    editor.click()
    page.keyboard.type(f"{first} ")
    page.get_by_role("button", name="Chữ đậm", exact=True).click()
    page.keyboard.type(bold)
    page.get_by_role("button", name="Chữ đậm", exact=True).click()
    page.keyboard.type(".")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Danh sách gạch đầu dòng", exact=True).click()
    for n, item in enumerate(items):
        if n:
            page.keyboard.press("Enter")
        page.keyboard.type(item)
    expect(editor.locator("strong")).to_have_text(bold)
    expect(editor.locator("ul li")).to_have_count(len(items))


def test_office_schedules_then_publishes_a_commendation_with_a_photo(checks):
    page = checks.page
    admin_login(checks)
    page.goto(checks.url("/admin/news/commendation/add/"))
    # The toolbar reads as its Vietnamese names, whatever the icon font has drawn by then: the
    # icons' ligature words are hidden, and greyed-out buttons say they are unavailable.
    undo = page.get_by_role("button", name="Hoàn tác", exact=True)
    expect(undo).to_have_attribute("aria-disabled", "true")
    expect(undo.locator('span[aria-hidden="true"]')).to_have_text("undo")
    expect(page.get_by_role("button", name="Chữ đậm", exact=True)).to_have_attribute(
        "aria-disabled", "false"
    )
    checks.check("admin-commendation-form")
    page.get_by_label("Tiêu đề:", exact=True).fill(
        "Đồng chí Nguyễn Văn An tận tụy trong công tác phòng, chống dịch"
    )
    page.get_by_label("Tóm tắt:", exact=True).fill("Gương điển hình của Phòng Quản lý Thương mại.")
    write_body(page, "Anh đã", "tình nguyện", ["Tham gia tổ công tác.", "Hỗ trợ 12 doanh nghiệp."])
    page.get_by_label("Người được khen thưởng:", exact=True).fill("Nguyễn Văn An")
    page.get_by_label("Chức vụ:", exact=True).fill("Chuyên viên")
    pick_autocomplete(page, "unit", "Phòng Quản lý Thương mại")
    pick_autocomplete(page, "campaign", "Phát động")
    page.get_by_label("Nội dung thi đua:", exact=True).select_option(index=3)
    page.get_by_label("Danh hiệu thi đua, hình thức khen thưởng:", exact=True).select_option(
        label="Giấy khen của Giám đốc Sở"
    )
    page.get_by_label("Số quyết định:", exact=True).fill("125/QĐ-SCT")
    page.get_by_label("Ngày quyết định:", exact=True).fill("20/11/2022")
    page.get_by_label("Ảnh:", exact=True).set_input_files(FILES / "honoree.jpg")
    page.get_by_label("Đồng ý đăng ảnh", exact=True).check()
    page.get_by_label("Trạng thái:", exact=True).select_option(value="published")
    tomorrow = timezone.localtime() + dt.timedelta(days=1)
    page.locator("#id_publish_at_0").fill(tomorrow.strftime("%d/%m/%Y"))
    page.locator("#id_publish_at_1").fill("08:00")
    page.get_by_role("button", name="Lưu lại", exact=True).click()
    checks.check("admin-commendation-list")
    expect(page.locator(".messagelist")).to_contain_text("thành công")

    # Scheduled: nowhere public yet.
    checks.visit("/news/", name="news-list")
    expect(page.get_by_text("Nguyễn Văn An tận tụy")).to_have_count(0)
    feed = page.context.request.get(checks.url("/news/feeds/rss/")).text()
    assert "Nguyễn Văn An" not in feed

    # The office brings it forward to now.
    page.goto(checks.url("/admin/news/commendation/"))
    page.get_by_role("link", name="Đồng chí Nguyễn Văn An").click()
    now = timezone.localtime() - dt.timedelta(minutes=1)
    page.locator("#id_publish_at_0").fill(now.strftime("%d/%m/%Y"))
    page.locator("#id_publish_at_1").fill(now.strftime("%H:%M"))
    page.get_by_role("button", name="Lưu lại", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("thành công")

    checks.visit("/news/")
    page.get_by_role("link", name="Đồng chí Nguyễn Văn An tận tụy").first.click()
    checks.check("news-detail")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nguyễn Văn An")
    expect(page.locator("main").get_by_text("125/QĐ-SCT")).to_be_visible()
    # What was written in the editor reads as written: the bold word and the list.
    expect(page.locator("main strong", has_text="tình nguyện")).to_be_visible()
    expect(page.locator("main ul li", has_text="Hỗ trợ 12 doanh nghiệp.")).to_be_visible()
    checks.screenshot("news-detail")
    feed = page.context.request.get(checks.url("/news/feeds/rss/")).text()
    assert "Nguyễn Văn An" in feed
    checks.visit("/")
    expect(page.get_by_text("Nguyễn Văn An tận tụy").first).to_be_visible()


def test_head_nominates_and_the_office_turns_it_into_a_draft(checks):
    page = checks.page
    checks.log_in("head1")
    checks.visit("/nominations/new/", name="nomination-form")
    page.get_by_label("Người được khen thưởng").fill("Trần Thị Hoa")
    page.get_by_label("Chức vụ").fill("Chuyên viên")
    page.get_by_label("Nội dung thi đua").select_option(index=1)
    page.get_by_label("Thành tích").fill(
        "Hỗ trợ 30 doanh nghiệp bán hàng trực tuyến trong mùa dịch."
    )
    page.get_by_label("Ảnh minh chứng").set_input_files(FILES / "evidence.jpg")
    page.get_by_role("button", name="Gửi đề xuất").click()
    checks.check("nomination-detail")
    expect(page.get_by_text("Trần Thị Hoa").first).to_be_visible()

    page.context.clear_cookies()
    admin_login(checks)
    page.goto(checks.url("/admin/news/nomination/"))
    checks.check("admin-nomination-queue")
    page.get_by_role("link", name="Trần Thị Hoa").click()
    checks.check()
    page.get_by_role("link", name="Duyệt", exact=True).first.click()
    checks.check()
    page.get_by_role("button", name="Duyệt và tạo bản nháp").click()
    checks.check()
    expect(page.get_by_label("Người được khen thưởng:", exact=True)).to_have_value("Trần Thị Hoa")
