"""`make bench`: every benchmarked page against the reference view, in the same gunicorn run.

wrk loads one URL at a time at BENCH_CONNECTIONS (16) concurrent connections for BENCH_SECONDS
(5) seconds; each round measures the reference, three pages, the reference again, and so on,
for BENCH_ROUNDS (3) rounds. A page's figure is its median requests/s as a ratio to the median
of all reference runs, with its median p50 and its worst p99. The table, with the machine and
the versions, is printed and written to benchmarks/results.md.
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
from dataclasses import dataclass
from pathlib import Path

from tests.perf import server

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
RESULTS = server.ROOT / "benchmarks" / "results.md"
# Targets: minimum ratio to the reference's requests/s; p99 must stay under P99_LIMIT_MS.
TARGETS = {
    "home": 0.8,
    "campaign": 0.8,
    "news list": 0.8,
    "theme": 0.6,
    "unit": 0.6,
    "pledge": 0.6,
    "news detail": 0.6,
    "honour board": 0.6,
}
P99_LIMIT_MS = 250


@dataclass
class Run:
    rps: float
    p50_ms: float
    p99_ms: float


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
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if bad:
        raise SystemExit(f"{path}: {bad.group(1)} error responses under load\n{output}")
    return Run(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_latency(output, "50%"),
        p99_ms=_latency(output, "99%"),
    )


def _latency(output: str, percentile: str) -> float:
    value, unit = re.search(rf"^\s+{percentile}\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def main() -> int:
    if shutil.which("wrk") is None:
        print("make bench needs wrk: apt-get install wrk", file=sys.stderr)
        return 2
    server.ensure_data()
    server.setup_django()
    from tests.perf.targets import OFFICE_PAGE, REFERENCE, office_pages, public_pages

    pages = public_pages()
    office_url = office_pages()[OFFICE_PAGE]
    facts = _facts()
    with server.running_stack() as stack:
        office = server.login(server.OFFICE_USERNAME, server.password())
        urls = {REFERENCE: "/bench/fortunes/", **pages, OFFICE_PAGE: office_url}
        cookies = {OFFICE_PAGE: office}
        for name, url in urls.items():
            response = server.request("GET", url, cookies=cookies.get(name))
            if response.status != 200:
                raise SystemExit(f"{name} {url}: HTTP {response.status}")
            if name != OFFICE_PAGE and response.headers.get_all("Set-Cookie"):
                raise SystemExit(f"{name} {url}: an anonymous page set a cookie")
            server.log(f"  {name:20} {url}  {len(response.body) // 1024} KB")
            wrk(url, cookies.get(name), seconds=1)  # warm: connections, caches
        names = list(pages) + [OFFICE_PAGE]
        runs: dict[str, list[Run]] = {name: [] for name in urls}
        for number in range(1, ROUNDS + 1):
            server.log(f"Round {number}/{ROUNDS}")
            for i, name in enumerate(names):
                if i % 3 == 0:
                    runs[REFERENCE].append(wrk(urls[REFERENCE]))
                runs[name].append(wrk(urls[name], cookies.get(name)))
                server.log(f"  {name:20} {runs[name][-1].rps:8.1f} req/s")
        facts["cache"] = stack.cache_url.split("://")[0]
        facts["load average after the run (1, 5, 15 min)"] = " ".join(
            f"{n:.1f}" for n in os.getloadavg()
        )
        facts["gunicorn"] = stack.versions["gunicorn"]
    table = _table(runs, facts)
    print("\n" + table)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(table)
    print(f"Written to {RESULTS.relative_to(server.ROOT)}")
    return 0


def _table(runs: dict[str, list[Run]], facts: dict) -> str:
    from tests.perf.targets import REFERENCE

    reference = statistics.median(r.rps for r in runs[REFERENCE])
    lines = [
        "# Benchmark: pages against the reference view",
        "",
        f"Run of {facts['date']} by `make bench`: gunicorn with {server.WORKERS} sync workers "
        f"and the production settings, {CONNECTIONS} concurrent connections (wrk), "
        f"{ROUNDS} rounds of {SECONDS} s per page, the reference measured between every three "
        "pages; requests say `Accept-Encoding: gzip` as browsers do. Anonymous pages are served "
        "from the page cache once warm (that is the design); the office page is logged in and "
        "rendered every time. The machine is shared: its load average is in the notes below.",
        "",
        "| page | req/s (median) | × reference | p50 ms | p99 ms (worst) | target |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, page_runs in runs.items():
        rps = statistics.median(r.rps for r in page_runs)
        ratio = rps / reference
        p50 = statistics.median(r.p50_ms for r in page_runs)
        p99 = max(r.p99_ms for r in page_runs)
        goal = TARGETS.get(name)
        verdict = []
        if goal is not None:
            verdict.append(f"≥ {goal}× {'met' if ratio >= goal else 'MISSED'}")
        verdict.append(f"p99 < {P99_LIMIT_MS} ms {'met' if p99 < P99_LIMIT_MS else 'MISSED'}")
        lines.append(
            f"| {name} | {rps:.0f} | {ratio:.2f} | {p50:.1f} | {p99:.1f} | {'; '.join(verdict)} |"
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
