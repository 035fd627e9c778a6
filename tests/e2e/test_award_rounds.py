"""Journey: the office gathers an evaluation round's proposals (the accepted nominations and the
dashboard's candidate units), records the council's votes (one proposal fails), and prints the
council's minutes and the submission to the Director. Each page passes axe and the HTML checker,
on a desktop and at 375 px."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.factories import (
    commendation_form,
    make_evaluation_round,
    make_evidence,
    make_pledge,
    make_report,
)

SLUG = "nganh-cong-thuong-doan-ket-phong-chong-covid-19"


def a_round():
    """An open round of 5 members for the demo campaign, with a unit's pledge completed with
    evidence and an accepted nomination waiting to be proposed."""
    from campaign.models import Campaign
    from news.models import Nomination
    from units.models import Unit

    campaign = Campaign.objects.get(slug=SLUG)
    unit = Unit.objects.get(slug="phong-quan-ly-thuong-mai")
    theme = campaign.themes.get(number=1)
    evaluation = make_evaluation_round(
        campaign=campaign, members=5, title="Bình xét khen thưởng tổng kết phong trào"
    )
    evaluation.forms.set([commendation_form("giay-khen")])
    pledge = make_pledge(
        campaign=campaign, unit=unit, theme=theme, status="completed", title="Bình ổn giá"
    )
    make_evidence(report=make_report(pledge=pledge, percent=100))
    head = unit.roles.first().user
    Nomination.objects.create(
        unit=unit,
        nominated_by=head,
        honoree_name="Lê Thị Thu",
        position="Chuyên viên",
        theme=theme,
        achievements="Trực chốt kiểm dịch 60 ngày.\n\nVận động bình ổn giá.",
        status=Nomination.Status.ACCEPTED,
    )
    return evaluation


def test_office_records_the_councils_vote_and_prints_the_minutes(checks):
    evaluation = a_round()
    page = checks.page
    checks.log_in("office")
    checks.visit("/", name="home-office")
    header = page.locator(".portal-header")
    header.locator("summary", has_text="Văn phòng Sở").click()
    header.get_by_role("link", name="Các đợt bình xét").click()
    checks.check("award-rounds")
    expect(header.locator('[aria-current="page"]')).to_have_text("Các đợt bình xét")
    page.get_by_role("link", name="Bình xét khen thưởng tổng kết phong trào").click()
    checks.check("award-round-empty")

    page.get_by_role("button", name="Thêm các đề xuất đã duyệt").click()
    checks.check()
    page.get_by_role("button", name="Thêm các đơn vị đủ điều kiện trên bảng theo dõi").click()
    checks.check()
    expect(page.get_by_text("Đã thêm 1 đề nghị.")).to_be_visible()
    table = page.locator(".proposal-table")
    expect(table.get_by_role("link", name="Lê Thị Thu")).to_be_visible()
    expect(table.get_by_role("link", name="Bình ổn giá")).to_be_visible()

    # Letters are refused on their row, and nothing is saved.
    page.get_by_label("Số phiếu đồng ý cho Lê Thị Thu").fill("4")
    page.get_by_label("Số phiếu đồng ý cho Phòng Quản lý Thương mại").fill("9")
    page.get_by_role("button", name="Lưu kết quả biểu quyết").click()
    checks.check("award-round-errors", as_shown=True)
    refusal = "Nhập số phiếu là số nguyên từ 0 đến 5, hoặc để trống."
    expect(page.get_by_text(refusal)).to_be_visible()
    assert not evaluation.proposals.filter(votes_for__isnull=False).exists()

    # More than half of 5 passes with 3: the collective with 2 votes fails.
    page.get_by_label("Số phiếu đồng ý cho Phòng Quản lý Thương mại").fill("2")
    page.get_by_role("button", name="Lưu kết quả biểu quyết").click()
    checks.check("award-round-voted")
    expect(table.get_by_text("Không đạt")).to_have_count(1)
    expect(table.get_by_text("Đạt", exact=True)).to_have_count(1)
    checks.screenshot("award-round")

    page.get_by_role("link", name="In biên bản họp").click()
    checks.check("award-minutes")
    expect(page.get_by_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).to_be_visible()
    expect(page.get_by_text("CHỦ TỊCH HỘI ĐỒNG", exact=True)).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".portal-header")).to_be_hidden()
    checks.screenshot("award-minutes-print")
    page.emulate_media(media="screen")

    page.get_by_role("link", name="Quay lại đợt bình xét").click()
    page.get_by_role("link", name="In tờ trình").click()
    checks.check("award-submission")
    expect(page.get_by_text("Lê Thị Thu")).to_be_visible()
    expect(page.get_by_text("Phòng Quản lý Thương mại", exact=True)).to_have_count(0)
    checks.screenshot("award-submission")


def test_the_round_pages_fit_a_phone(phone_checks):
    evaluation = a_round()
    phone_checks.log_in("office")
    for name, path in [
        ("award-round-phone", f"/office/awards/rounds/{evaluation.pk}/"),
        ("award-minutes-phone", f"/office/awards/rounds/{evaluation.pk}/minutes/"),
        ("award-submission-phone", f"/office/awards/rounds/{evaluation.pk}/submission/"),
        ("award-round-en-phone", f"/en/office/awards/rounds/{evaluation.pk}/"),
    ]:
        phone_checks.visit(path, name=name)
        phone_checks.screenshot(name)


def a_long_round(total: int):
    """An open round of 5 members with `total` proposals of people not yet voted on."""
    from awards.models import Proposal
    from units.models import Unit

    unit = Unit.objects.get(slug="phong-quan-ly-thuong-mai")
    evaluation = make_evaluation_round(members=5, title="Bình xét khen thưởng toàn ngành")
    form = commendation_form("giay-khen")
    Proposal.objects.bulk_create(
        Proposal(
            round=evaluation,
            unit=unit,
            form=form,
            honoree_name=f"Người số {n}",
            name_key=f"nguoi so {n}",
            achievements="Hoàn thành xuất sắc nhiệm vụ.",
            order=n,
        )
        for n in range(1, total + 1)
    )
    return evaluation


def test_office_types_a_long_rounds_votes_page_by_page(checks, phone_checks):
    from awards.views.rounds import PAGE_SIZE

    total = PAGE_SIZE + 5
    evaluation = a_long_round(total)
    page = checks.page
    checks.log_in("office")
    checks.visit(f"/office/awards/rounds/{evaluation.pk}/", name="award-round-long")
    expect(page.get_by_text(f"Đề nghị 1–{PAGE_SIZE} trong tổng số {total}.")).to_be_visible()
    expect(page.locator(".vote-input")).to_have_count(PAGE_SIZE)

    for box in page.locator(".vote-input").all():
        box.fill("4")
    page.get_by_role("button", name="Lưu và sang trang sau").click()
    checks.check("award-round-long-2")
    expect(
        page.get_by_text(f"Đã ghi kết quả biểu quyết: {PAGE_SIZE} đề nghị thay đổi.")
    ).to_be_visible()
    expect(page.locator(".vote-input")).to_have_count(total - PAGE_SIZE)
    for box in page.locator(".vote-input").all():
        box.fill("1")
    page.get_by_role("button", name="Lưu kết quả biểu quyết").click()
    checks.check()
    checks.screenshot("award-round-long")
    assert not evaluation.proposals.filter(votes_for__isnull=True).exists()
    assert evaluation.proposals.filter(votes_for=4).count() == PAGE_SIZE

    # What did not pass, filtered: the five of the second page.
    page.get_by_role("link", name="Không đạt (5)").click()
    checks.check("award-round-long-failed")
    expect(page.locator(".vote-input")).to_have_count(total - PAGE_SIZE)

    phone_checks.log_in("office")
    phone_checks.visit(
        f"/office/awards/rounds/{evaluation.pk}/?page=2", name="award-round-long-phone"
    )
    phone_checks.screenshot("award-round-long-phone")
