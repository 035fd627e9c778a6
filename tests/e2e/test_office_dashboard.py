"""Journey 4: the office opens its dashboard before a review meeting, checks the flags, the
statistics and the candidates, and opens the review report to print. Journey 4b: the office
works through its inbox ("Việc cần xử lý") until nothing waits."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from playwright.sync_api import expect

from pledges.models import Pledge
from tests.factories import make_pledge, make_report
from units.models import Unit

SLUG = "nganh-cong-thuong-doan-ket-phong-chong-covid-19"


def pledges() -> None:
    """Pledges of the first demo division: one waiting for review for 40 days, one accepted
    and reported on, one accepted and quiet."""
    from campaign.models import Campaign

    campaign = Campaign.objects.get(slug=SLUG)
    unit = Unit.objects.get(slug="phong-quan-ly-thuong-mai")
    themes = list(campaign.themes.order_by("number"))
    old = timezone.now() - dt.timedelta(days=40)
    make_pledge(
        campaign=campaign,
        unit=unit,
        theme=themes[0],
        status=Pledge.Status.SUBMITTED,
        title="Tuyên truyền phòng chống dịch",
        submitted_at=old,
    )
    going = make_pledge(
        campaign=campaign,
        unit=unit,
        theme=themes[1],
        status=Pledge.Status.ACCEPTED,
        title="Bình ổn giá",
        reviewed_at=old,
    )
    make_report(pledge=going, percent=60, reported_at=timezone.now() - dt.timedelta(days=2))
    make_pledge(
        campaign=campaign,
        unit=unit,
        theme=themes[2],
        status=Pledge.Status.ACCEPTED,
        title="Hỗ trợ an sinh",
        reviewed_at=old,
    )


def test_office_reviews_the_dashboard_and_prints_the_report(checks):
    pledges()
    page = checks.page
    checks.visit(f"/campaigns/{SLUG}/", name="campaign-with-phases")
    expect(page.get_by_role("heading", name="Các giai đoạn của phong trào")).to_be_visible()

    checks.log_in("office")
    page.locator(".portal-header summary", has_text="Văn phòng Sở").click()
    page.get_by_role("link", name="Bảng điều hành").click()
    checks.check("office-inbox")
    page.get_by_role("link", name="Theo dõi đăng ký thi đua").click()
    checks.check("office-matrix")
    expect(page.get_by_role("heading", name="Đăng ký thi đua của các đơn vị theo từng nội dung"))
    row = page.get_by_role("row", name="Phòng Quản lý Thương mại")
    expect(row.get_by_text("Chờ duyệt quá hạn")).to_be_visible()
    expect(row.get_by_text("Chưa báo cáo tiến độ")).to_be_visible()
    expect(row.get_by_text("60%")).to_be_visible()
    checks.screenshot("office-matrix")
    # Close the department's group: its units are hidden without any script.
    page.locator("details.matrix-group > summary").first.click()
    expect(page.get_by_role("row", name="Phòng Quản lý Thương mại")).to_be_hidden()
    page.locator("details.matrix-group > summary").first.click()

    page.get_by_role("combobox", name="Cảnh báo").select_option("waiting")
    page.get_by_role("button", name="Lọc").click()
    checks.check("office-matrix-filtered")
    expect(page.get_by_role("row", name="Phòng Quản lý Thương mại")).to_be_visible()
    expect(page.get_by_role("row", name="Văn phòng Sở")).to_have_count(0)

    page.get_by_role("link", name="Thống kê").click()
    checks.check("office-statistics")
    expect(page.get_by_role("img", name="Tiến độ trung bình vào cuối mỗi tuần")).to_be_visible()
    checks.screenshot("office-statistics")

    page.get_by_role("link", name="Danh sách đề xuất khen thưởng").click()
    checks.check("office-candidates")

    page.get_by_role("link", name="Báo cáo sơ kết, tổng kết").click()
    checks.check("office-report")
    expect(page.get_by_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).to_be_visible()
    expect(page.get_by_role("button", name="In")).to_be_visible()  # shown by its script
    page.emulate_media(media="print")
    expect(page.locator(".portal-header")).to_be_hidden()
    expect(page.locator(".report-toolbar")).to_be_hidden()
    checks.screenshot("office-report-print")


def test_office_clears_its_inbox_and_the_badge_goes(checks):
    from campaign.models import Campaign

    campaign = Campaign.objects.get(slug=SLUG)
    make_pledge(
        campaign=campaign,
        unit=Unit.objects.get(slug="phong-quan-ly-thuong-mai"),
        theme=campaign.themes.get(number=1),
        status=Pledge.Status.SUBMITTED,
        title="Tuyên truyền phòng chống dịch",
        submitted_at=timezone.now() - dt.timedelta(days=5),
    )
    page = checks.page
    header = page.locator(".portal-header")
    office_menu = header.locator("summary", has_text="Văn phòng Sở")
    checks.log_in("office")
    checks.visit("/office/", name="office-inbox-one-waiting")
    expect(page.get_by_role("heading", name="Việc cần xử lý", level=2)).to_be_visible()
    reviews = page.locator("section[aria-labelledby=inbox-reviews]")
    expect(reviews.locator(".inbox-count")).to_have_text("1")
    expect(reviews).to_contain_text("chờ 5 ngày")
    expect(office_menu.locator(".nav-badge")).to_have_text("1")
    expect(office_menu).to_contain_text("1 việc đang chờ")  # read out, not shown
    checks.screenshot("office-inbox")

    reviews.get_by_role("link", name="Xem tất cả (1)").click()
    checks.check("review-queue-from-inbox")
    page.get_by_role("link", name="Tuyên truyền phòng chống dịch").click()
    checks.check()
    page.get_by_role("button", name="Duyệt", exact=True).click()
    checks.check()
    expect(page.get_by_text("Đã duyệt “Tuyên truyền phòng chống dịch”")).to_be_visible()

    checks.visit("/office/", name="office-inbox-empty")
    expect(reviews.locator(".inbox-count")).to_have_text("0")
    expect(reviews).to_contain_text("Không có cam kết nào chờ duyệt.")
    expect(office_menu.locator(".nav-badge")).to_have_count(0)
    expect(office_menu).not_to_contain_text("việc đang chờ")
