"""Browser journeys in Debian's Chromium, driven by Playwright, against pytest-django's live server.

Every page a journey visits is checked the same way (see `Checks`): no console errors and no
Content-Security-Policy violations, zero axe-core WCAG 2.1 A/AA violations, and zero Nu Html
Checker errors for each distinct page. Screenshots of key pages go to test-artifacts/screenshots.

Without Chromium, Java or the npm tools the journeys are skipped with the reason; under CI
(CI=true) a missing tool fails the run instead, so CI can never pass by skipping them.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.isolation import replay_data_migrations

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop + the ORM

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 375, "height": 812}
DEMO_PASSWORD = "demo password for journeys"


def missing_tools() -> list[str]:
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    if not shutil.which("java"):
        missing.append(
            "java not found, needed by the Nu Html Checker (apt-get install default-jre)"
        )
    if not AXE.exists() or not VNU.exists():
        missing.append("axe-core / vnu-jar not installed (npm ci)")
    return missing


def pytest_collection_modifyitems(config, items):
    e2e = [item for item in items if "tests/e2e/" in str(item.path).replace(os.sep, "/")]
    for item in e2e:
        item.add_marker(pytest.mark.e2e)
    missing = missing_tools()
    if not e2e or not missing:
        return
    if os.environ.get("CI"):
        raise pytest.UsageError("browser tests cannot run: " + "; ".join(missing))
    skip = pytest.mark.skip(reason="browser tests skipped: " + "; ".join(missing))
    for item in e2e:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": FLAGS,
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(url: str, process, *, seconds: float, stop, failure) -> None:
    """Wait for `url` to answer while `process` runs; otherwise `stop()` it and fail with
    `failure()`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()  # noqa: S310 - a local server
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                stop()
                pytest.fail(failure())
            time.sleep(0.5)


@pytest.fixture(scope="session")
def vnu_url():
    """The Nu Html Checker as a local HTTP service, started once for the session."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - fixed command
        [shutil.which("java"), "-cp", str(VNU), "nu.validator.servlet.Main", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until_serving(
        f"http://127.0.0.1:{port}/",
        process,
        seconds=120,
        stop=process.kill,
        failure=lambda: "the Nu Html Checker did not start",
    )
    yield f"http://127.0.0.1:{port}/?out=json"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def portal_data(transactional_db):
    """The fixture campaign and the demo units and accounts, as `DEMO=1 make run` loads them.

    The live server needs committed data, so these tests flush the database between tests;
    what data migrations created (the office group and its permissions) is made again first."""
    from campaign.seed.demo import load_demo
    from campaign.seed.loader import load_campaign

    replay_data_migrations()
    load_campaign()
    load_demo(password=DEMO_PASSWORD)


class Checks:
    """Visits pages and checks each one as described in the module docstring."""

    validated: set[str] = set()  # distinct pages already sent to the HTML checker (session-wide)

    def __init__(self, page, base_url: str, vnu_url: str, tag: str):
        self.page = page
        self.base_url = base_url
        self.vnu_url = vnu_url
        self.tag = tag
        self.console_errors: list[str] = []
        page.on("console", self._on_console)
        page.on("response", self._on_response)
        page.on("pageerror", lambda error: self.console_errors.append(f"page error: {error}"))

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.console_errors.append(f"{response.status} for {response.url}")

    def url(self, path: str) -> str:
        return self.base_url + path

    def visit(self, path: str, *, name: str | None = None, status: int = 200):
        response = self.page.goto(self.url(path))
        assert response is not None and response.status == status, (path, response.status)
        if status >= 400:  # the browser reports the document's own status as a console error
            expected = f"the server responded with a status of {status}"
            self.console_errors = [e for e in self.console_errors if expected not in e]
        self.check(name)
        return response

    def check(self, name: str | None = None, *, as_shown: bool = False) -> None:
        """Check the page the browser is on now; `name` identifies it for HTML validation.

        `as_shown` validates the page as the browser holds it rather than fetched again: the
        answer to a POST (a form sent back with errors) is not what a GET of its URL returns."""
        self.page.wait_for_load_state("load")
        errors, self.console_errors = self.console_errors, []
        assert errors == [], f"console errors or CSP violations on {self.page.url}: {errors}"
        self.assert_accessible()
        self.assert_no_horizontal_scroll()
        if name and name not in Checks.validated:
            Checks.validated.add(name)
            self.assert_valid_html(name, as_shown=as_shown)

    def assert_accessible(self) -> None:
        # Judged as people see the page: once its fonts have loaded. axe tells an icon font's
        # ligature ("format_bold" drawn as one glyph) from words only after the font is there.
        result = self.page.evaluate(
            "tags => document.fonts.ready.then("
            "() => axe.run(document, {runOnly: {type: 'tag', values: tags}}))",
            WCAG_TAGS,
        )
        problems = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
            for v in result["violations"]
        ]
        assert problems == [], f"axe violations on {self.page.url}:\n" + "\n".join(problems)

    def assert_no_horizontal_scroll(self) -> None:
        overflow = self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{self.page.url} scrolls sideways by {overflow}px"

    def assert_valid_html(self, name: str, *, as_shown: bool = False) -> None:
        if as_shown:
            html = self.page.content().encode()
        else:
            html = self.page.context.request.get(self.page.url).body()
        request = urllib.request.Request(  # noqa: S310 - local checker
            self.vnu_url, data=html, headers={"Content-Type": "text/html; charset=utf-8"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            messages = json.load(response)["messages"]
        errors = [
            f"line {m.get('lastLine')}: {m['message']}"
            for m in messages
            if m["type"] == "error" or m.get("subType") == "fatal"
        ]
        out = ARTIFACTS / "html"
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{name}.html").write_bytes(html)
        assert errors == [], f"HTML errors in {name} ({self.page.url}):\n" + "\n".join(errors)

    def screenshot(self, name: str) -> None:
        out = ARTIFACTS / "screenshots"
        out.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=out / f"{name}-{self.tag}.png", full_page=True)

    def log_in(self, username: str, password: str = DEMO_PASSWORD) -> None:
        self.page.goto(self.url("/accounts/login/"))
        self.page.get_by_label("Tên đăng nhập").fill(username)
        self.page.get_by_label("Mật khẩu").fill(password)
        with self.page.expect_navigation():
            self.page.get_by_role("button", name="Đăng nhập").click()


@pytest.fixture
def checks(page, live_server, vnu_url, portal_data):
    page.context.add_init_script(path=str(AXE))  # not subject to the page's CSP
    return Checks(page, live_server.url, vnu_url, tag="desktop")


@pytest.fixture
def phone_checks(browser, live_server, vnu_url, portal_data):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    yield Checks(page, live_server.url, vnu_url, tag="phone")
    context.close()


@pytest.fixture
def public_content(portal_data):
    """What a visitor finds once the campaign is under way: an accepted pledge with a progress
    report and a photo, and a published commendation of someone in that unit."""
    from campaign.models import Campaign
    from tests.factories import make_commendation, make_evidence, make_pledge, make_report
    from tests.images import jpeg_bytes
    from units.models import Unit

    campaign = Campaign.objects.get()
    unit = Unit.objects.get(slug="phong-quan-ly-thuong-mai")
    theme = campaign.themes.get(number=2)
    pledge = make_pledge(
        status="accepted",
        campaign=campaign,
        theme=theme,
        unit=unit,
        title="Đưa 30 doanh nghiệp lên sàn thương mại điện tử",
        target_value=30,
        target_unit="doanh nghiệp",
    )
    report = make_report(pledge=pledge, percent=40, narrative="Đã hỗ trợ 12 doanh nghiệp.")
    make_evidence(report=report)
    commendation = make_commendation(
        campaign=campaign,
        unit=unit,
        theme=theme,
        title="Chị Đỗ Thị Đào tận tình hỗ trợ doanh nghiệp phòng, chống dịch",
        honoree_name="Đỗ Thị Đào",
        photo=jpeg_bytes(size=(1200, 800)),
        photo_consent=True,
    )
    return {"pledge": pledge, "commendation": commendation, "theme": theme, "unit": unit}
