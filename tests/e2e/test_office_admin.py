"""Journey 3 (foundation part): the office admin works in the Django admin, in Vietnamese."""

import re

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


LONG = (
    "Đồng chí Đặng Thị Lan, chuyên viên Phòng Quản lý Thương mại, đã hỗ trợ 12 doanh nghiệp đưa "
    "sản phẩm lên sàn thương mại điện tử, giới thiệu 30 sản phẩm OCOP của tỉnh Bến Tre và tham "
    "gia tổ công tác phòng, chống dịch COVID-19 tại các chợ đầu mối trên địa bàn huyện Châu Thành"
)
# How many lines a cell's text takes on screen.
LINES = """column => Math.max(0, ...[...document.querySelectorAll('#result_list .field-' + column)]
  .map(cell => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size;
  }))"""


def test_long_texts_in_the_change_lists_read_on_three_lines_at_most(checks, public_content):
    from audit.models import Event
    from tests.factories import make_commendation, make_nomination, make_pledge, make_report

    place = {"campaign": public_content["pledge"].campaign, "unit": public_content["unit"]}
    make_commendation(**place, title=LONG, honoree_name=LONG[:200], status="draft")
    make_nomination(unit=place["unit"], theme=public_content["theme"], honoree_name=LONG[:200])
    make_report(pledge=make_pledge(**place, status="submitted", title=LONG[:200]))
    Event.objects.create(action=Event.Action.ADMIN_CHANGE, object_repr=LONG)
    page = checks.page
    admin_login(checks)
    lists = [
        ("/admin/news/commendation/", ["title_short", "honoree_name_short"]),
        ("/admin/news/nomination/", ["honoree_name_short"]),
        ("/admin/pledges/pledge/", ["title_short"]),
        ("/admin/pledges/progressreport/", ["pledge_short"]),
        ("/admin/audit/event/", ["object_repr_short"]),
    ]
    for width in (1280, 1920):
        page.set_viewport_size({"width": width, "height": 900})
        for path, columns in lists:
            checks.visit(path, name="admin-changelist-" + path.split("/")[-2])
            for column in columns:
                cut = page.locator(f"#result_list .field-{column} span[title^='Đồng chí Đặng']")
                expect(cut.first).to_have_text(re.compile("…$"))
                assert LONG.startswith(cut.first.get_attribute("title"))
                lines = page.evaluate(LINES, column)
                assert 1 <= lines <= 3, f"{column} on {path} at {width} px: {lines} lines"
