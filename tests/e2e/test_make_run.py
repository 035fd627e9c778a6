"""The journey a new user takes: `DEMO=1 make run` (gunicorn, two workers, DEBUG off, the
embedded SQLite database), then the office publishes a commendation with a photo in the admin and
a visitor sees the photo everywhere; a unit head stays logged in whichever worker answers.

The server is the one `make run` starts, in a folder of its own (PORTAL_VAR_DIR), with a kept
secret key that starts with "$" — the key django-environ used to read as empty.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kit.text import vi_slugify
from tests.e2e.conftest import AXE, DEMO_PASSWORD, ROOT, Checks, free_port, wait_until_serving
from tests.e2e.test_commendations import FILES, pick_autocomplete, write_body


@pytest.fixture(scope="module")
def make_run_var(tmp_path_factory):
    """The install's var folder: empty but for a kept secret key."""
    var = tmp_path_factory.mktemp("make-run-var")
    (var / "secret_key").write_text("$" + secrets.token_urlsafe(50) + "\n")
    return var


def make_run_env(var) -> dict[str, str]:
    """The environment of a new user's shell: none of the portal's variables, the install's
    own var folder."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "PORTAL_", "DATABASE_URL", "CACHE_URL", "EMAIL_URL"))
    }
    return {**env, "PORTAL_VAR_DIR": str(var)}


@pytest.fixture(scope="module")
def make_run(make_run_var):
    """`DEMO=1 make run` as a new user types it, in an empty var folder; yields its base URL."""
    var = make_run_var
    port = free_port()
    env = make_run_env(var)
    env.update(PORT=str(port), DEMO="1", DEMO_PASSWORD=DEMO_PASSWORD, WEB_CONCURRENCY="2")
    log = (var / "make-run.log").open("w")
    process = subprocess.Popen(  # noqa: S603 - the README's own command
        ["make", "run"],  # noqa: S607
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    wait_until_serving(
        f"{base_url}/healthz",
        process,
        seconds=300,
        stop=lambda: os.killpg(process.pid, signal.SIGTERM),
        failure=lambda: "make run did not serve:\n" + (var / "make-run.log").read_text(),
    )
    yield base_url
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)
    log.close()
    served = (var / "make-run.log").read_text()
    assert "Session data corrupted" not in served
    assert "Booting worker" in served  # gunicorn, not Django's development server
    # It serves config.wsgi on config.settings, not the stand-ins kept for older installs.
    assert "FutureWarning" not in served


@pytest.fixture
def make_run_checks(browser, make_run, vnu_url):
    context = browser.new_context(base_url=make_run)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    yield Checks(page, make_run, vnu_url, tag="make-run")
    context.close()


def test_make_run_serves_the_portal_with_gunicorn_and_debug_off(make_run):
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{make_run}/khong-co-trang-nay/")  # noqa: S310
    assert missing.value.code == 404
    assert missing.value.headers["Server"].startswith("gunicorn")
    page = missing.value.read().decode()
    assert '<html lang="vi"' in page and "Using the URLconf" not in page  # no debug page


def test_office_publishes_a_photo_and_a_visitor_sees_it_everywhere(make_run_checks):
    checks = make_run_checks
    page = checks.page
    checks.visit("/admin/login/")
    page.get_by_label("Tên đăng nhập").fill("office")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập").click()

    title = "Đồng chí Đặng Thị Lan hỗ trợ doanh nghiệp phòng, chống dịch"
    checks.visit("/admin/news/commendation/add/")
    page.get_by_label("Tiêu đề:", exact=True).press_sequentially(title)
    page.get_by_label("Tiêu đề:", exact=True).press("Tab")
    slug = vi_slugify(title, max_length=100)
    assert slug == "dong-chi-dang-thi-lan-ho-tro-doanh-nghiep-phong-chong-dich"
    expect(page.locator("#id_slug")).to_have_value(slug)
    page.get_by_label("Tóm tắt:", exact=True).fill("Gương điển hình của Phòng Quản lý Thương mại.")
    write_body(page, "Chị đã", "hỗ trợ", ["12 doanh nghiệp lên sàn.", "Giới thiệu 30 sản phẩm."])
    page.get_by_label("Người được khen thưởng:", exact=True).fill("Đặng Thị Lan")
    page.get_by_label("Chức vụ:", exact=True).fill("Chuyên viên")
    pick_autocomplete(page, "unit", "Phòng Quản lý Thương mại")
    pick_autocomplete(page, "campaign", "Phát động")
    page.get_by_label("Danh hiệu thi đua, hình thức khen thưởng:", exact=True).select_option(
        label="Giấy khen của Giám đốc Sở"
    )
    page.get_by_label("Ảnh:", exact=True).set_input_files(FILES / "honoree.jpg")
    page.get_by_label("Đồng ý đăng ảnh", exact=True).check()
    page.get_by_label("Trạng thái:", exact=True).select_option(value="published")
    page.get_by_role("button", name="Lưu lại", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("thành công")

    # A visitor, in a browser of its own: every picture on every page loads.
    visitor = page.context.browser.new_context(base_url=checks.base_url)
    visitor.add_init_script(path=str(AXE))
    seen = Checks(visitor.new_page(), checks.base_url, checks.vnu_url, tag="make-run-visitor")
    article = f"/news/{slug}/"
    for path, with_photo in (
        ("/", True),
        ("/news/", True),
        ("/honour-board/", False),
        (article, True),
    ):
        seen.visit(path)
        if with_photo:
            expect(seen.page.locator("main img[src*='/media/news/']").first).to_be_visible()
        broken = seen.page.evaluate(
            "[...document.querySelectorAll('main img')]"
            ".filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
        )
        assert broken == [], f"broken images on {path}: {broken}"
    seen.screenshot("article")
    expect(seen.page.locator("main strong", has_text="hỗ trợ")).to_be_visible()
    expect(seen.page.locator("main ul li", has_text="Giới thiệu 30 sản phẩm.")).to_have_count(1)
    html = seen.page.content()
    share = re.search(r'<meta property="og:image" content="([^"]+)"', html)
    assert share, "no og:image"
    response = seen.page.context.request.get(share[1])
    assert response.status == 200 and response.headers["content-type"] == "image/jpeg"
    visitor.close()


def test_a_unit_head_stays_logged_in_whichever_worker_answers(make_run_checks):
    checks = make_run_checks
    page = checks.page
    checks.log_in("head1")
    expect(page).to_have_url(re.compile("/workspace/"))
    for _ in range(20):  # two workers: about half of these reach the one that did not log in
        response = page.goto(checks.url("/workspace/"))
        assert response.status == 200
        assert "/accounts/login/" not in page.url
    # A form posted to whichever worker: the CSRF token and the session hold.
    page.goto(checks.url("/accounts/password_change/"))
    page.locator("#id_old_password").fill("a wrong old password")
    page.locator("#id_new_password1").fill("a new long password 2026")
    page.locator("#id_new_password2").fill("a new long password 2026")
    page.get_by_role("button", name=re.compile("Đổi mật khẩu")).click()
    assert "/accounts/login/" not in page.url
    expect(page.locator("main")).to_contain_text("Mật khẩu cũ")


def test_a_write_shows_on_every_worker_of_the_shared_page_cache(make_run, make_run_var):
    """Both workers serve anonymous visitors from one page cache, files in var/cache; a write
    made by any process (here a shell, as an operator's script would) moves it on for both."""
    url = make_run + reverse("units:detail", kwargs={"slug": "van-phong-so"})

    def visit() -> str:
        with urllib.request.urlopen(url) as response:  # noqa: S310 - our own server
            assert response.status == 200
            return response.read().decode()

    # Twenty requests, each on a new connection: both workers answer some of them.
    assert all("Văn phòng Sở" in visit() for _ in range(20))
    assert list((make_run_var / "cache").glob("*.djcache"))  # stored in the shared cache
    name = "Văn phòng Sở (đã đổi tên)"
    rename = (
        "from units.models import Unit; unit = Unit.objects.get(slug='van-phong-so'); "
        f"unit.name_vi = {name!r}; unit.save()"
    )
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "shell", "-c", rename],
        cwd=ROOT,
        env=make_run_env(make_run_var),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert all(name in visit() for _ in range(20))
