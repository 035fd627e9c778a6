"""`make bench`: every benchmarked page against the reference view, in the same gunicorn run.

Three regimes: anonymous visitors with Redis as the page cache, anonymous visitors with the
embedded default cache (`make run` without CACHE_URL), and logged-in unit heads and office; then
the office's whole-campaign pages timed one request at a time. In each regime wrk loads one URL
at a time at BENCH_CONNECTIONS (16) concurrent connections for BENCH_SECONDS (5) seconds; each
round measures the reference, three pages, the reference again, and so on, for BENCH_ROUNDS (3)
rounds. A page's figure is its median requests/s as a ratio to the median of the regime's
reference runs, with its median p50 and its worst p99. The tables, with the machine, its load
and the versions, are printed and written to benchmarks/results.md. No figure here is a test.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.perf import server

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
TIMED = int(os.environ.get("BENCH_TIMED", "5"))  # sequential requests per office page
RESULTS = server.ROOT / "benchmarks" / "results.md"
# Minimum ratio to the reference's requests/s, by regime; no public page over WEIGHT_LIMIT_KB.
ANONYMOUS_TARGET = 0.8
LOGGED_IN_TARGET = 0.2
WEIGHT_LIMIT_KB = 60
# The office's whole-campaign pages, one request at a time: (seconds, KB or None).
OFFICE_TARGETS = {
    "office dashboard (coverage)": (0.5, 500),
    "office statistics": (0.3, None),
    "office review report (whole tree)": (2.0, None),
    "office review report (subtree)": (0.3, None),
}


@dataclass
class Run:
    rps: float
    p50_ms: float
    p99_ms: float


@dataclass
class Page:
    url: str
    who: str | None = None  # None: anonymous
    kb: int = 0
    runs: list[Run] = field(default_factory=list)


@dataclass
class Regime:
    title: str
    about: str
    target: float
    pages: dict[str, Page]
    reference: list[Run] = field(default_factory=list)


@dataclass
class Timed:
    url: str
    first_s: float
    median_s: float
    kb: int


def wrk(path: str, cookies: dict | None = None, seconds: int = SECONDS) -> Run:
    headers = [f"{k}: {v}" for k, v in server.PROXY_HEADERS.items() if k != "Host"]
    headers.append("Accept-Encoding: gzip")  # as every browser sends it
    if cookies:
        headers.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
    command = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    command.append(f"http://{server.HOST}:{server.PORT}{path}")
    output = subprocess.run(  # noqa: S603 - our own fixed command
        command, capture_output=True, text=True, check=True
    ).stdout
    drain()
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if bad:
        raise SystemExit(f"{path}: {bad.group(1)} error responses under load\n{output}")
    return Run(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_latency(output, "50%"),
        p99_ms=_latency(output, "99%"),
    )


def drain() -> None:
    """Wait until gunicorn has answered what wrk left queued (slow pages leave a backlog when
    wrk stops), so that it does not weigh on the next measurement."""
    server.request("GET", "/healthz", timeout=600)


def _latency(output: str, percentile: str) -> float:
    value, unit = re.search(rf"^\s+{percentile}\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def measure(regime: Regime, sessions: dict[str, dict]) -> None:
    """Check each page answers (and an anonymous one sets no cookie), then load them in turn,
    the reference between every three pages, for ROUNDS rounds."""
    server.log(f"{regime.title}")
    for name, page in regime.pages.items():
        cookies = sessions.get(page.who)
        response = server.request("GET", page.url, cookies=cookies)
        if response.status != 200:
            raise SystemExit(f"{name} {page.url}: HTTP {response.status}")
        if page.who is None and response.headers.get_all("Set-Cookie"):
            raise SystemExit(f"{name} {page.url}: an anonymous page set a cookie")
        page.kb = len(response.body) // 1024
        server.log(f"  {name:24} {page.url}  {page.kb} KB")
        wrk(page.url, cookies, seconds=1)  # warm: connections, caches
    wrk(REFERENCE_URL, seconds=1)
    for number in range(1, ROUNDS + 1):
        server.log(f"  round {number}/{ROUNDS}")
        for i, (name, page) in enumerate(regime.pages.items()):
            if i % 3 == 0:
                regime.reference.append(wrk(REFERENCE_URL))
                server.log(f"    {'reference':24} {regime.reference[-1].rps:8.1f} req/s")
            page.runs.append(wrk(page.url, sessions.get(page.who)))
            server.log(f"    {name:24} {page.runs[-1].rps:8.1f} req/s")


def time_each(urls: dict[str, str], cookies: dict) -> dict[str, Timed]:
    """Each page alone, one request at a time: the first request, then the median of TIMED."""
    timed = {}
    for name, url in urls.items():
        seconds = []
        for _ in range(TIMED + 1):
            started = time.perf_counter()
            response = server.request("GET", url, cookies=cookies)
            seconds.append(time.perf_counter() - started)
            if response.status != 200:
                raise SystemExit(f"{name} {url}: HTTP {response.status}")
        kb = len(response.body) // 1024
        timed[name] = Timed(url, seconds[0], statistics.median(seconds[1:]), kb)
        server.log(f"  {name:36} {timed[name].median_s:6.3f} s  {timed[name].kb} KB")
    return timed


REFERENCE_URL = "/bench/fortunes/"


def main() -> int:
    if shutil.which("wrk") is None:
        print("make bench needs wrk: apt-get install wrk", file=sys.stderr)
        return 2
    server.ensure_data()
    server.setup_django()
    from tests.perf.targets import (
        HEAD,
        OFFICE,
        head_username,
        logged_in_pages,
        office_scale_pages,
        public_pages,
    )

    public = public_pages()
    facts = _facts()
    anonymous_redis = Regime(
        "Anonymous, Redis page cache",
        "Public pages for visitors who are not logged in, served from the page cache once warm, "
        "with Redis as the shared cache (several app servers).",
        ANONYMOUS_TARGET,
        {name: Page(url) for name, url in public.items()},
    )
    anonymous_embedded = Regime(
        "Anonymous, embedded default cache",
        "The same pages with the cache `make run` uses when no CACHE_URL is set (one machine, "
        "shared by its gunicorn workers).",
        ANONYMOUS_TARGET,
        {name: Page(url) for name, url in public.items()},
    )
    logged_in = Regime(
        "Logged in",
        f"Rendered for each request: as the head of the unit with the most pledges ({HEAD}) or "
        f"as the office ({OFFICE}); Redis holds the sessions and the shared fragments.",
        LOGGED_IN_TARGET,
        {name: Page(url, who) for name, (who, url) in logged_in_pages().items()},
    )
    office_urls = office_scale_pages()
    with server.running_stack(cache="redis") as stack:
        sessions = {
            HEAD: server.login(head_username(), server.password()),
            OFFICE: server.login(server.OFFICE_USERNAME, server.password()),
        }
        measure(anonymous_redis, sessions)
        measure(logged_in, sessions)
        server.log("Office pages, one request at a time")
        office = time_each(office_urls, sessions[OFFICE])
        facts["gunicorn"] = stack.versions["gunicorn"]
    with server.running_stack(cache="embedded") as stack:
        facts["embedded cache"] = stack.cache_url
        measure(anonymous_embedded, {})
    facts["load average after the run (1, 5, 15 min)"] = " ".join(
        f"{n:.1f}" for n in os.getloadavg()
    )
    report = _report([anonymous_redis, anonymous_embedded, logged_in], office, facts)
    print("\n" + report)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report)
    print(f"Written to {RESULTS.relative_to(server.ROOT)}")
    return 0


def _report(regimes: list[Regime], office: dict[str, Timed], facts: dict) -> str:
    lines = [
        "# Benchmark: pages against the reference view",
        "",
        f"Run of {facts['date']} by `make bench`: gunicorn with {server.WORKERS} sync workers "
        f"and the production settings on PostgreSQL with the national-scale data, "
        f"{CONNECTIONS} concurrent connections (wrk), {ROUNDS} rounds of {SECONDS} s per page, "
        "the reference view (one query, 12 rows, a template: the TechEmpower “fortunes” shape) "
        "measured between every three pages of the same regime; requests say "
        "`Accept-Encoding: gzip` as browsers do. The machine is shared: its load average is in "
        "the notes below. KB is the page's HTML, uncompressed.",
    ]
    for regime in regimes:
        reference = statistics.median(r.rps for r in regime.reference)
        lines += [
            "",
            f"## {regime.title}",
            "",
            regime.about,
            "",
            "| page | KB | req/s (median) | × reference | p50 ms | p99 ms (worst) | target |",
            "|---|---:|---:|---:|---:|---:|---|",
            f"| reference | | {reference:.0f} | 1.00 | "
            f"{statistics.median(r.p50_ms for r in regime.reference):.1f} | "
            f"{max(r.p99_ms for r in regime.reference):.1f} | |",
        ]
        for name, page in regime.pages.items():
            rps = statistics.median(r.rps for r in page.runs)
            ratio = rps / reference
            verdict = [f"≥ {regime.target}× {'met' if ratio >= regime.target else 'MISSED'}"]
            if page.who is None:
                verdict.append(
                    f"≤ {WEIGHT_LIMIT_KB} KB {'met' if page.kb <= WEIGHT_LIMIT_KB else 'MISSED'}"
                )
            lines.append(
                f"| {name}{f' ({page.who})' if page.who else ''} | {page.kb} | {rps:.0f} | "
                f"{ratio:.2f} | {statistics.median(r.p50_ms for r in page.runs):.1f} | "
                f"{max(r.p99_ms for r in page.runs):.1f} | {'; '.join(verdict)} |"
            )
    lines += [
        "",
        "## The office's pages, one request at a time",
        "",
        f"Logged in as the office, through the same gunicorn (Redis): the first request, then "
        f"the median of {TIMED} more.",
        "",
        "| page | KB | first s | median s | target |",
        "|---|---:|---:|---:|---|",
    ]
    for name, timed in office.items():
        seconds, kb = OFFICE_TARGETS.get(name, (None, None))
        verdict = []
        if seconds is not None:
            verdict.append(f"≤ {seconds} s {'met' if timed.median_s <= seconds else 'MISSED'}")
        if kb is not None:
            verdict.append(f"≤ {kb} KB {'met' if timed.kb <= kb else 'MISSED'}")
        lines.append(
            f"| {name} | {timed.kb} | {timed.first_s:.3f} | {timed.median_s:.3f} | "
            f"{'; '.join(verdict)} |"
        )
    lines += ["", "## Machine and versions", ""]
    lines += [f"- {key}: {value}" for key, value in facts.items() if key != "date"]
    return "\n".join(lines) + "\n"


def _facts() -> dict:
    import django
    from django.db import connection

    from news.models import Commendation
    from pledges.models import Pledge, ProgressReport
    from units.models import Unit

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    cpu = _first(Path("/proc/cpuinfo"), r"model name\s*:\s*(.+)") or platform.processor()
    memory = _first(Path("/proc/meminfo"), r"MemTotal:\s*(\d+) kB")
    wrk_version = _output(["wrk", "-v"])
    redis_version = _output(["redis-server", "--version"])
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load average before the run (1, 5, 15 min)": " ".join(f"{n:.1f}" for n in os.getloadavg()),
        "machine": f"{cpu}, {os.cpu_count()} cores, "
        f"{int(memory) // 1024 // 1024 if memory else '?'} GiB memory (shared with other work)",
        "system": f"{_os_name()}, Linux {platform.release()}",
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": postgres,
        "redis": (re.search(r"v=(\S+)", redis_version) or [None, "?"])[1],
        "wrk": wrk_version.split()[1] if wrk_version else "?",
        "data": f"{Unit.objects.count()} units, {Pledge.objects.count()} pledges, "
        f"{ProgressReport.objects.count()} progress reports, "
        f"{Commendation.objects.count()} commendations",
    }


def _output(command: list[str]) -> str:
    return subprocess.run(  # noqa: S603 - fixed version queries
        [shutil.which(command[0]) or command[0], *command[1:]], capture_output=True, text=True
    ).stdout


def _first(path: Path, pattern: str) -> str | None:
    if not path.exists():
        return None
    match = re.search(pattern, path.read_text())
    return match.group(1).strip() if match else None


def _os_name() -> str:
    return _first(Path("/etc/os-release"), r'PRETTY_NAME="([^"]+)"') or platform.system()


if __name__ == "__main__":
    sys.exit(main())
