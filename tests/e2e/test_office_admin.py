"""Journey 3 (foundation part): the office admin works in the Django admin, in Vietnamese."""

from playwright.sync_api import expect


def admin_login(checks, username="office"):
    page = checks.page
    checks.visit("/admin/login/", name="admin-login")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("demo password for journeys")
    page.get_by_role("button", name="Đăng nhập").click()
    checks.check("admin-index")


def test_office_edits_the_campaign_in_the_admin(checks):
    page = checks.page
    admin_login(checks)
    expect(page.get_by_role("heading", name="Văn phòng Sở")).to_be_visible()
    page.get_by_role("link", name="Phong trào", exact=True).first.click()
    checks.check("admin-changelist")
    page.get_by_role("link", name="Phát động hưởng ứng").click()
    checks.check("admin-change-form")
    checks.screenshot("admin-change-form")
    expect(page.get_by_text("Nội dung thi đua").first).to_be_visible()
    page.get_by_label("Tóm tắt [vi]").fill("Tóm tắt mới do Văn phòng Sở cập nhật.")
    page.get_by_role("button", name="Lưu lại", exact=True).click()
    checks.check()
    expect(page.locator(".messagelist")).to_contain_text("thành công")
    checks.visit("/")
    expect(page.get_by_text("Tóm tắt mới do Văn phòng Sở cập nhật.")).to_be_visible()


def test_office_reads_a_pledge_history_in_the_admin(checks, public_content):
    """django-simple-history's pages work under the strict Content-Security-Policy."""
    admin_login(checks)
    pledge = public_content["pledge"]
    checks.visit(f"/admin/pledges/pledge/{pledge.pk}/history/", name="admin-history")
    expect(checks.page.get_by_role("heading", level=1)).to_be_visible()


def test_admin_change_form_on_a_phone(phone_checks):
    page = phone_checks.page
    admin_login(phone_checks)
    page.goto(phone_checks.url("/admin/campaign/campaign/1/change/"))
    phone_checks.screenshot("admin-change-form")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
