"""The header: five main entries on one line at 1280 px, the office's tools and the person's
own entries in menus that open without scripts, the current page marked, and a phone menu."""

import re

from playwright.sync_api import expect

DESKTOP = {"width": 1280, "height": 800}
SCREENSHOTS = "/tmp/nav-{}.png"

# Each visible header label must fit on one line: one box, or content no taller than 1.5 lines.
WRAPPED_LABELS = """() => [...document.querySelectorAll(
    '.portal-header a, .portal-header summary, .portal-header button[type=submit]')]
  .filter(el => el.offsetParent !== null)
  .filter(el => {
    const style = getComputedStyle(el);
    if (style.display === 'inline') return el.getClientRects().length > 1;
    const line = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
    const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    const content = el.clientHeight - padding;
    return content > 1.5 * line;
  })
  .map(el => el.textContent.trim())"""

HEADER_HEIGHT = "() => document.querySelector('.portal-header').getBoundingClientRect().height"


def assert_header_on_one_line(page):
    assert page.evaluate(WRAPPED_LABELS) == []
    assert page.evaluate(HEADER_HEIGHT) <= 72


def waiting_pledge() -> None:
    from campaign.models import Campaign
    from pledges.models import Pledge
    from tests.factories import make_pledge

    make_pledge(campaign=Campaign.objects.first(), status=Pledge.Status.SUBMITTED)


def test_header_fits_at_1280_px_for_a_visitor_a_unit_head_and_the_office(checks):
    page = checks.page
    page.set_viewport_size(DESKTOP)
    header = page.locator(".portal-header")

    checks.visit("/units/", name="units")
    assert_header_on_one_line(page)
    expect(header.get_by_role("link", name="Đơn vị", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    expect(header.get_by_role("link", name="Trang chủ")).not_to_have_attribute(
        "aria-current", "page"
    )
    expect(header.get_by_role("link", name="Bảng xếp hạng")).to_have_count(0)

    checks.log_in("head1")
    checks.visit("/", name="home-head")
    assert_header_on_one_line(page)
    expect(header.get_by_role("link", name="Trang chủ")).to_have_attribute("aria-current", "page")
    expect(header.get_by_text("Văn phòng Sở")).to_have_count(0)
    page.screenshot(path=SCREENSHOTS.format("head1-1280-vi"))
    person = header.locator("summary", has_text="Nguyễn Văn An")
    person.click()
    page.screenshot(path=SCREENSHOTS.format("head1-1280-vi-menu"))
    header.get_by_role("link", name="Đơn vị của tôi").click()
    checks.check("workspace")
    expect(page.get_by_role("heading", level=1)).to_have_text("Đơn vị của tôi")
    # The menu is closed on the new page; its label shows that the current page is inside.
    expect(header.locator('[aria-current="page"]')).to_have_text("Đơn vị của tôi")
    expect(header.locator("summary", has_text="Nguyễn Văn An")).to_have_class(
        re.compile("nav-current")
    )
    page.get_by_role("link", name="English").click()
    checks.check()
    assert_header_on_one_line(page)
    page.screenshot(path=SCREENSHOTS.format("head1-1280-en"))
    page.get_by_role("link", name="Tiếng Việt").click()
    checks.check()
    header.locator("summary", has_text="Nguyễn Văn An").click()
    with page.expect_navigation():
        header.get_by_role("button", name="Đăng xuất").click()
    expect(header.get_by_role("link", name="Đăng nhập")).to_be_visible()
    expect(header.get_by_text("Nguyễn Văn An")).to_have_count(0)

    waiting_pledge()  # so the office menu carries its badge while the header is measured
    checks.log_in("office")
    checks.visit("/", name="home-office")
    assert_header_on_one_line(page)
    expect(header.locator("summary", has_text="Văn phòng Sở").locator(".nav-badge")).to_have_text(
        "1"
    )
    expect(header.get_by_text("Đơn vị của tôi")).to_have_count(0)
    expect(header.locator("summary", has_text="Võ Thị Đào")).to_be_visible()
    office = header.locator("summary", has_text="Văn phòng Sở")
    expect(header.get_by_role("link", name="Bảng điều hành")).to_be_hidden()
    office.click()
    page.screenshot(path=SCREENSHOTS.format("office-1280-vi-menu"))
    header.get_by_role("link", name="Bảng điều hành").click()
    checks.check("office-index")
    assert "/office/" in page.url
    expect(header.locator('[aria-current="page"]')).to_have_text("Bảng điều hành")
    expect(office).to_have_class(re.compile("nav-current"))
    assert_header_on_one_line(page)
    page.get_by_role("link", name="English").click()
    checks.check()
    assert_header_on_one_line(page)
    expect(header.locator(".nav-badge")).to_have_count(2)  # on the menu and on its review entry
    page.screenshot(path=SCREENSHOTS.format("office-1280-en"))


def test_phone_toggler_opens_the_menus_without_sideways_scroll(phone_checks):
    checks = phone_checks
    page = checks.page
    header = page.locator(".portal-header")
    for user, name in (("head1", "Nguyễn Văn An"), ("office", "Võ Thị Đào")):
        checks.log_in(user)
        for language, path in (("vi", "/"), ("en", "/en/")):
            checks.visit(path)
            expect(header.locator("summary", has_text=name)).to_be_hidden()
            page.locator(".navbar-toggler").click()
            expect(page.locator("#portal-nav")).to_have_class(re.compile(r"\bshow\b"))
            expect(header.get_by_role("link", name=re.compile("Trang chủ|Home"))).to_be_visible()
            person = header.locator("summary", has_text=name)
            expect(person).to_be_visible()
            person.click()
            checks.assert_no_horizontal_scroll()
            page.screenshot(path=SCREENSHOTS.format(f"{user}-375-{language}"), full_page=True)
            person.click()
        page.goto(checks.url("/"))
        page.context.clear_cookies()
