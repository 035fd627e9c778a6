"""Journey 1: a visitor reads the campaign, its themes and units, in Vietnamese and English."""

import re

from playwright.sync_api import expect


def test_visitor_reads_the_campaign_in_both_languages(checks):
    page = checks.page
    checks.visit("/", name="home")
    expect(page).to_have_title(re.compile("Trang chủ"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("chiến thắng đại dịch COVID-19")
    checks.screenshot("home")

    page.get_by_role("link", name="Ổn định sản xuất, kinh doanh và thị trường").click()
    checks.check("theme")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ổn định sản xuất, kinh doanh và thị trường"
    )
    checks.screenshot("theme")

    page.get_by_role("link", name="Đơn vị", exact=True).click()
    checks.check("unit-list")
    page.get_by_role("link", name="Trung tâm Khuyến công & Xúc tiến thương mại").click()
    checks.check("unit")
    expect(page.get_by_text("0275.6281888 - 0275.3822403")).to_be_visible()
    checks.screenshot("unit")

    page.get_by_role("link", name="English").click()
    checks.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Industrial Extension & Trade Promotion Centre"
    )
    page.get_by_role("link", name="Home").first.click()
    checks.check("home-en")
    expect(page.get_by_role("heading", level=2, name="Emulation themes")).to_be_visible()

    page.get_by_role("link", name="Read the announcement").click()
    checks.check("campaign")
    expect(page.get_by_role("main").get_by_text("Source: Office of the Department")).to_be_visible()


def test_visitor_meets_the_not_found_page(checks):
    checks.visit("/khong-co-trang-nay/", name="not-found", status=404)
    expect(checks.page.get_by_role("heading", level=1)).to_have_text("Không tìm thấy trang")


def test_visitor_on_a_phone(phone_checks):
    page = phone_checks.page
    phone_checks.visit("/")
    phone_checks.screenshot("home")
    page.get_by_role("button", name="Mở/đóng menu").click()
    page.get_by_role("link", name="Đơn vị", exact=True).click()
    phone_checks.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đơn vị")
