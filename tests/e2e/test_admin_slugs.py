"""Slugs typed in the admin's own forms come out as the server folds them (kit/text.py).

Django's urlify.js turned "Đồng chí Đặng Thị Lan" into "djng-chi-djng-th-lan"; the portal
replaces its URLify, and these journeys type into every admin form with a slug to prove it.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from kit.text import vi_slugify
from tests.e2e.conftest import DEMO_PASSWORD

# (add form, the field the slug is made from, what the office types)
FORMS = [
    ("/admin/news/commendation/add/", "id_title", "Đồng chí Đặng Thị Lan – Phòng Quản lý Đô thị"),
    ("/admin/campaign/campaign/add/", "id_title_vi", "Phong trào thi đua “Đoàn kết, đồng lòng”"),
    ("/admin/units/unit/add/", "id_name_vi", "Phòng Kỹ thuật An toàn & Môi trường"),
    ("/admin/news/commendationform/add/", "id_name_vi", "Bằng khen của Bộ trưởng Bộ Công Thương"),
]

# Text a clerk may paste: every tone on every vowel, Đ and its look-alike Ð, digits, punctuation,
# decomposed marks, other scripts, and more than a field holds.
CORPUS = [
    "ẤẦẨẪẬ ắằẳẵặ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỳýỷỹỵ",
    "Ðoàn kết ĐẠI ĐOÀN KẾT đi đầu",
    "Số 128/KH-SCT ngày 25/03/2022 (bổ sung)",
    "Cu\u0300ng nhau  --  vu\u031bo\u031b\u0323t khó__",
    "Ưu tiên 100% doanh nghiệp; «chống dịch» — Ω π 中文",
    "  -_- dấu cách ở đầu và cuối -_-  ",
    "Phong trào " * 20,
]


@pytest.fixture
def superuser(portal_data):
    return get_user_model().objects.create_superuser("root", "root@example.gov.vn", DEMO_PASSWORD)


def log_in_admin(checks, username):
    page = checks.page
    page.goto(checks.url("/admin/login/"))
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập").click()


def type_then_leave(field, text):
    """Type as a clerk does and move on: letters no US key makes arrive as text input without a
    key event, and leaving the field is what fills the slug then."""
    field.press_sequentially(text)
    field.press("Tab")


@pytest.mark.parametrize(("path", "source", "text"), FORMS, ids=[f[0] for f in FORMS])
def test_typing_a_vietnamese_title_fills_the_folded_slug(checks, superuser, path, source, text):
    page = checks.page
    log_in_admin(checks, "root")
    checks.visit(path, name="admin-add-" + path.split("/")[3])
    type_then_leave(page.locator(f"#{source}"), text)
    slug = page.locator("#id_slug")
    size = int(slug.get_attribute("maxlength"))
    expect(slug).to_have_value(vi_slugify(text, max_length=size))
    assert "dj" not in slug.input_value()


def test_the_admin_script_folds_any_text_as_the_server_does(checks, superuser):
    page = checks.page
    log_in_admin(checks, "root")
    checks.visit("/admin/news/commendation/add/")
    for text in CORPUS:
        for size in (20, 80, 100):
            in_browser = page.evaluate("([t, n]) => URLify(t, n, false)", [text, size])
            assert in_browser == vi_slugify(text, max_length=size), (text, size)
