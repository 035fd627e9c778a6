"""`make loadtest`: anonymous browsing and unit heads reporting progress at the same time,
against gunicorn + PostgreSQL + Redis with the scale data, for LOAD_SECONDS (60) seconds.

Heads and their deputies log in through the login form, each with a session of their own, and
post progress reports on their units' accepted pledges through the real form (CSRF token and
all); head and deputy of a unit post on the same pledges at once. After each accepted report an
anonymous request for the pledge page must already show it (no stale cached page). Afterwards
the database must hold every accepted report exactly once, and every pledge's latest percent
must be that of its newest report. Any error response, exception or failed check fails the run.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from tests.perf import server

SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
BROWSERS = int(os.environ.get("LOAD_BROWSERS", "6"))
UNITS = int(os.environ.get("LOAD_UNITS", "3"))  # each with a head and a deputy posting
THINK = 0.3  # seconds a head waits between two reports
RESULTS = server.ROOT / "benchmarks" / "loadtest.md"


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    accepted: list[tuple[int, int, str]] = field(default_factory=list)  # pledge, percent, token

    def timed(self, kind: str, method: str, path: str, **kwargs) -> server.Response | None:
        started = time.perf_counter()
        try:
            response = server.request(method, path, **kwargs)
        except Exception as error:  # noqa: BLE001 - every failure is counted, none hidden
            self.error(f"{kind} {path}: {error!r}")
            return None
        with self.lock:
            self.latencies[kind].append((time.perf_counter() - started) * 1000)
        return response

    def error(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)


def browse(tally: Tally, urls: list[str], deadline: float, seed: int) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        url = rng.choice(urls)
        response = tally.timed("anonymous page", "GET", url)
        if response is not None and response.status != 200:
            tally.error(f"anonymous GET {url}: HTTP {response.status}")


def post_reports(tally: Tally, username: str, pledges: list[int], deadline: float, seed: int):
    rng = random.Random(seed)
    try:
        cookies = server.login(username, server.password())
    except Exception as error:  # noqa: BLE001
        tally.error(f"login {username}: {error!r}")
        return
    while time.monotonic() < deadline:
        pk = rng.choice(pledges)
        form_url = f"/workspace/pledges/{pk}/report/"
        form = tally.timed("report form", "GET", form_url, cookies=cookies)
        if form is None or form.status != 200:
            tally.error(f"{username} GET {form_url}: HTTP {form and form.status}")
            continue
        token = uuid.uuid4().hex[:12]
        percent = rng.randrange(1, 100)  # below 100: the pledge stays open for more reports
        posted = tally.timed(
            "report post",
            "POST",
            form_url,
            cookies=cookies,
            form={
                "csrfmiddlewaretoken": server.csrf_token(form.body),
                "percent": percent,
                "narrative": f"Báo cáo tải thử {token}: đã triển khai theo kế hoạch.",
            },
        )
        if posted is None or posted.status != 302:
            tally.error(f"{username} POST {form_url}: HTTP {posted and posted.status}")
            continue
        with tally.lock:
            tally.accepted.append((pk, percent, token))
        # The next anonymous request must show it, whichever worker answers.
        page = tally.timed("anonymous page", "GET", f"/pledges/{pk}/")
        if page is None or token.encode() not in page.body:
            tally.error(f"pledge {pk}: report {token} missing from the next anonymous page")
        time.sleep(THINK)


def main() -> int:
    server.ensure_data()
    server.setup_django()
    from django.db.models import Max

    from pledges.models import Pledge, ProgressReport
    from tests.perf.targets import public_pages
    from units.models import UnitRole

    rng = random.Random(8)
    urls = list(public_pages().values())
    public = list(Pledge.objects.public().values_list("pk", flat=True))
    urls += [f"/pledges/{pk}/" for pk in rng.sample(public, 200)]
    urls += [f"/news/?page={n}" for n in range(2, 8)]
    accepted = Pledge.objects.filter(status=Pledge.Status.ACCEPTED, unit__is_active=True)
    units = (
        UnitRole.objects.filter(role=UnitRole.Role.DEPUTY, unit__pledges__in=accepted)
        .values_list("unit_id", flat=True)
        .distinct()
        .order_by("unit_id")[:UNITS]
    )
    posters = []
    for unit_id in units:
        pledges = list(accepted.filter(unit_id=unit_id).values_list("pk", flat=True))
        for role in UnitRole.objects.filter(unit_id=unit_id).select_related("user"):
            posters.append((role.user.username, pledges))
    last_before = ProgressReport.objects.aggregate(last=Max("pk"))["last"] or 0

    tally = Tally()
    load_before = " ".join(f"{n:.1f}" for n in os.getloadavg())
    with server.running_stack():
        deadline = time.monotonic() + SECONDS
        threads = [
            threading.Thread(target=browse, args=(tally, urls, deadline, n))
            for n in range(BROWSERS)
        ]
        threads += [
            threading.Thread(target=post_reports, args=(tally, user, pledges, deadline, 100 + n))
            for n, (user, pledges) in enumerate(posters)
        ]
        server.log(
            f"{BROWSERS} anonymous browsers and {len(posters)} heads/deputies posting "
            f"for {SECONDS} s"
        )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    # Every accepted report is there exactly once, on its pledge with its percent.
    tokens = {token: (pk, percent) for pk, percent, token in tally.accepted}
    stored = defaultdict(list)
    new_rows = ProgressReport.objects.filter(pk__gt=last_before)
    for row in new_rows.filter(narrative__startswith="Báo cáo tải thử "):
        token = row.narrative.split()[4].rstrip(":")
        stored[token].append((row.pledge_id, row.percent))
    missing = [t for t in tokens if t not in stored]
    doubled = [t for t, rows in stored.items() if len(rows) > 1]
    wrong = [t for t in tokens if t in stored and stored[t][0] != tokens[t]]
    unknown = [t for t in stored if t not in tokens]
    new_rows = new_rows.count()
    # Every pledge's latest percent and time are those of its newest report.
    mismatched = _stale_pledges()

    lines = [
        "# Mixed-load run",
        "",
        f"`make loadtest`: {BROWSERS} anonymous browsers and {len(posters)} unit heads and "
        f"deputies ({len(units)} units, two people per unit posting on the same pledges) for "
        f"{SECONDS} s against gunicorn ({server.WORKERS} workers) + PostgreSQL + Redis with "
        "the scale data.",
        "",
        "| requests | count | p50 ms | p99 ms |",
        "|---|---:|---:|---:|",
    ]
    for kind, values in sorted(tally.latencies.items()):
        values = sorted(values)
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        lines.append(f"| {kind} | {len(values)} | {statistics.median(values):.1f} | {p99:.1f} |")
    lines += [
        "",
        f"- errors (error responses, exceptions, stale pages): {len(tally.errors)}",
        f"- progress reports accepted: {len(tokens)}; new rows in the database: {new_rows}",
        f"- accepted reports missing: {len(missing)}, stored twice: {len(doubled)}, "
        f"on the wrong pledge or percent: {len(wrong)}, stored but never accepted: "
        f"{len(unknown)}",
        f"- pledges whose latest percent or time differs from their newest report: "
        f"{len(mismatched)} (of {Pledge.objects.count()})",
    ]
    failed = (
        tally.errors
        or missing
        or doubled
        or wrong
        or unknown
        or mismatched
        or new_rows != len(tokens)
    )
    lines.append(f"- result: {'FAILED' if failed else 'passed'}")
    lines.append(
        f"- machine load average (1, 5, 15 min) before: {load_before}; after: "
        + " ".join(f"{n:.1f}" for n in os.getloadavg())
        + " (2 cores, shared with other work)"
    )
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    for message in tally.errors[:20]:
        print("  error:", message)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(text)
    return 1 if failed else 0


def _stale_pledges() -> list[int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT p.id FROM pledges_pledge p
            LEFT JOIN LATERAL (
                SELECT r.percent, r.reported_at FROM pledges_progressreport r
                WHERE r.pledge_id = p.id ORDER BY r.reported_at DESC, r.id DESC LIMIT 1
            ) newest ON TRUE
            WHERE p.latest_percent <> COALESCE(newest.percent, 0)
               OR p.latest_report_at IS DISTINCT FROM newest.reported_at
            """
        )
        return [row[0] for row in cursor.fetchall()]


if __name__ == "__main__":
    sys.exit(main())
