"""Journey 1: a visitor reads the campaign, a theme, a unit, a pledge's timeline, a commendation
and the honour board, switches to English, and searches the news without diacritics."""

import re

from playwright.sync_api import expect


def test_visitor_follows_the_campaign_from_theme_to_honour_board(checks, public_content):
    page = checks.page
    checks.visit("/", name="home")
    expect(page).to_have_title(re.compile("Trang chủ"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("chiến thắng đại dịch COVID-19")
    checks.screenshot("home")

    page.get_by_role("link", name="Ổn định sản xuất, kinh doanh và thị trường").first.click()
    checks.check("theme")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ổn định sản xuất, kinh doanh và thị trường"
    )
    expect(page.get_by_text("40%").first).to_be_visible()
    checks.screenshot("theme")

    page.get_by_role("link", name="Phòng Quản lý Thương mại").first.click()
    checks.check("unit")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Phòng Quản lý Thương mại")
    checks.screenshot("unit")

    page.get_by_role("link", name="Đưa 30 doanh nghiệp lên sàn thương mại điện tử").first.click()
    checks.check("pledge")
    expect(page.get_by_text("Đã hỗ trợ 12 doanh nghiệp.")).to_be_visible()
    page.locator("main a img").first.click()  # the evidence thumbnail opens the full photo
    assert page.url.endswith("/") and "/evidence/" in page.url
    page.go_back()
    checks.screenshot("pledge")

    checks.visit("/news/", name="news-list")
    checks.screenshot("news-list")
    page.get_by_role("link", name=re.compile("Chị Đỗ Thị Đào")).first.click()
    checks.check("news-detail")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Đỗ Thị Đào")
    checks.screenshot("news-detail")

    page.get_by_role("link", name="Bảng vàng").first.click()
    checks.check("honour-board")
    expect(page.get_by_text("Đỗ Thị Đào").first).to_be_visible()
    checks.screenshot("honour-board")

    page.get_by_role("link", name="English").click()
    checks.check("honour-board-en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("link", name="Commendations", exact=True).first.click()
    checks.check("news-list-en")
    page.get_by_role("searchbox").fill("do thi dao phong chong dich")
    page.get_by_role("button", name="Search").click()
    checks.check("news-search-en")
    expect(page.get_by_role("link", name=re.compile("Chị Đỗ Thị Đào")).first).to_be_visible()


def test_visitor_reads_the_announcement_in_english(checks):
    page = checks.page
    checks.visit("/en/", name="home-en")
    expect(page.get_by_role("heading", level=2, name="Emulation themes")).to_be_visible()
    page.get_by_role("link", name="Read the announcement").click()
    checks.check("campaign-en")
    expect(page.get_by_role("heading", level=2, name="Emulation themes")).to_be_visible()
    page.get_by_role("link", name="Read the full announcement").click()
    checks.check("announcement-en")
    expect(page.get_by_role("main").get_by_text("Source: Office of the Department")).to_be_visible()
    page.get_by_role("link", name="Tiếng Việt").click()
    checks.check("announcement")
    expect(page.get_by_role("main").get_by_text("Nguồn: VP Sở – SCT")).to_be_visible()
    page.get_by_role("link", name="Đơn vị", exact=True).click()
    checks.check("unit-list")
    page.get_by_role("link", name="Trung tâm Khuyến công & Xúc tiến thương mại").click()
    checks.check()
    expect(page.get_by_text("0275.6281888 - 0275.3822403")).to_be_visible()


def test_visitor_meets_the_not_found_page(checks):
    checks.visit("/khong-co-trang-nay/", name="not-found", status=404)
    expect(checks.page.get_by_role("heading", level=1)).to_have_text("Không tìm thấy trang")


def test_visitor_on_a_phone(phone_checks, public_content):
    page = phone_checks.page
    phone_checks.visit("/")
    phone_checks.screenshot("home")
    page.get_by_role("button", name="Mở/đóng menu").click()
    page.get_by_role("link", name="Đơn vị", exact=True).click()
    phone_checks.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đơn vị")
    phone_checks.visit(public_content["theme"].get_absolute_url())
    phone_checks.screenshot("theme")
    phone_checks.visit(public_content["pledge"].get_absolute_url())
    phone_checks.screenshot("pledge")
    phone_checks.visit(public_content["commendation"].get_absolute_url())
    phone_checks.screenshot("news-detail")
    phone_checks.visit(public_content["unit"].get_absolute_url())
    phone_checks.screenshot("unit")
    phone_checks.visit("/news/")
    phone_checks.screenshot("news-list")
    phone_checks.visit(f"/honour-board/{public_content['theme'].campaign.slug}/")
    phone_checks.screenshot("honour-board")


def test_visitor_on_a_phone_reaches_the_full_announcement_in_one_click(phone_checks):
    page = phone_checks.page
    phone_checks.visit(
        "/campaigns/nganh-cong-thuong-doan-ket-phong-chong-covid-19/", name="campaign-phone"
    )
    # The campaign's state and its themes come before the long text, on the first screens.
    expect(page.get_by_role("heading", level=2, name="Đã kết thúc")).to_be_visible()
    expect(page.get_by_text("Phong trào đã kết thúc ngày 31/12/2022.")).to_be_visible()
    phone_checks.screenshot("campaign")
    page.get_by_role("link", name="Đọc toàn văn thông báo phát động").click()
    phone_checks.check("announcement")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Phong trào thi đua đặc biệt")
    expect(page.get_by_role("main").get_by_text("Nguồn: VP Sở – SCT")).to_be_visible()
    expect(page.get_by_role("button", name="In")).to_be_visible()  # shown by the page's script
    phone_checks.screenshot("announcement")
