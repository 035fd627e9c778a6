"""Every form a person can reach, sent empty or wrong, opens with the error summary: it has the
focus, and each of its links leads to a field of the page and moves the focus there."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pledges.models import Pledge
from tests.e2e.conftest import DEMO_PASSWORD


def accepted_pledge() -> Pledge:
    from campaign.models import Campaign
    from tests.factories import make_pledge
    from units.models import Unit

    unit = Unit.objects.get(slug="phong-quan-ly-thuong-mai")
    return make_pledge(status="accepted", campaign=Campaign.objects.get(), unit=unit)


def reset_link() -> str:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = get_user_model().objects.get(username="head1")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})


# form -> (who logs in, the page, what to type into which field, the button that sends)
FORMS = {
    # A due date without its month: the summary leads to the month box.
    "pledge": (
        "head1",
        lambda: "/workspace/",
        {"#id_due_on_0": "30", "#id_due_on_2": "2022"},
        "Lưu bản nháp",
    ),
    "progress-report": (
        "head1",
        lambda: f"/workspace/pledges/{accepted_pledge().pk}/report/",
        {"#id_percent": "150"},
        "Gửi báo cáo",
    ),
    "nomination": ("head1", lambda: "/nominations/new/", {}, None),
    "login": (None, lambda: "/accounts/login/", {"#id_username": "head1"}, "Đăng nhập"),
    "password-change": ("head1", lambda: "/accounts/password_change/", {}, "Đổi mật khẩu"),
    "password-reset": (
        None,
        lambda: "/accounts/password_reset/",
        {"#id_email": "not an address"},
        "Gửi liên kết",
    ),
    "password-reset-confirm": (None, reset_link, {}, "Lưu mật khẩu mới"),
}


@pytest.mark.parametrize("name", list(FORMS))
def test_a_form_sent_wrong_opens_with_a_summary_that_leads_to_its_fields(checks, name):
    who, path, typed, button = FORMS[name]
    page = checks.page
    if who:
        checks.log_in(who, DEMO_PASSWORD)
    page.goto(checks.url(path()))
    if name == "pledge":
        page.get_by_role("link", name="Đăng ký cam kết").first.click()
        page.get_by_label("Nội dung thi đua").select_option(index=0)
    for field, value in typed.items():
        page.locator(field).fill(value)
    form = page.locator("main form[method=post]").last
    sender = form.get_by_role("button", name=button) if button else form.locator("[type=submit]")
    sender.first.click()
    page.wait_for_load_state("load")

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("Có lỗi cần sửa")
    checks.check(f"form-errors-{name}", as_shown=True)
    if name == "pledge":
        expect(summary.get_by_role("link", name="Thời hạn phải có tháng.")).to_have_attribute(
            "href", "#id_due_on_1"
        )
        expect(page.locator("#id_due_on_0")).to_have_value("30")
    links = summary.get_by_role("link")
    assert links.count() >= 1
    for i in range(links.count()):
        link = links.nth(i)
        anchor = link.get_attribute("href")
        assert re.fullmatch(r"#id_\w+", anchor), anchor
        field = page.locator(anchor)
        expect(field).to_have_count(1)
        link.click()
        expect(field).to_be_focused()
