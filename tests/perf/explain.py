"""EXPLAIN ANALYZE every query of the benchmarked pages on the scale data (make explain).

Renders each page in-process with Django's test client against DATABASE_URL (PostgreSQL with
manage.py seed_scale's data), then runs EXPLAIN (ANALYZE, BUFFERS) on each query it made and
prints, per page, the query count, the database time and the slowest query with its plan.
"""

from __future__ import annotations

import os
import sys

import django


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import (
        CaptureQueriesContext,
        override_settings,
        setup_test_environment,
    )

    from tests.perf.targets import office_pages, public_pages

    if connection.vendor != "postgresql":
        print("make explain needs DATABASE_URL=postgres://… with the scale data", file=sys.stderr)
        return 2
    setup_test_environment()
    override_settings(
        PORTAL_PAGE_CACHE_SECONDS=0,  # the work itself, not the cache
        # No collectstatic needed: the queries are what is measured.
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ).enable()
    from django.contrib.auth import get_user_model

    office = Client()
    office.force_login(get_user_model().objects.get(username="scale-office"))
    pages = [(name, url, Client()) for name, url in public_pages().items()]
    pages += [(name, url, office) for name, url in office_pages().items()]
    pages += [("news search", "/news/?q=binh+on+gia", Client()), ("units", "/units/", Client())]
    worst = None
    for name, url, client in pages:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        timed = []
        with connection.cursor() as cursor:
            for query in queries.captured_queries:
                sql = query["sql"]
                if not sql.lstrip().upper().startswith("SELECT"):
                    continue
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)
                plan = cursor.fetchone()[0][0]
                timed.append((plan["Execution Time"] + plan["Planning Time"], sql))
                if name in sys.argv[1:]:  # `make explain ARGS=theme`: every plan of that page
                    cursor.execute("EXPLAIN (ANALYZE) " + sql)
                    print(sql, "\n".join(row[0] for row in cursor.fetchall()), sep="\n")
        total = sum(t for t, _sql in timed)
        slowest = max(timed)
        print(f"{name:22} {url:60} {len(queries):3} queries  {total:7.2f} ms in the database")
        if worst is None or slowest[0] > worst[0]:
            worst = (slowest[0], slowest[1], name)
        if "-v" in sys.argv:
            for ms, sql in timed:
                print(f"    {ms:6.2f} ms  {sql[:150]} … {sql[-150:]}")
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + worst[1])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    print(f"\nSlowest query ({worst[2]}, {worst[0]:.2f} ms):\n{worst[1]}\n\n{plan}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
