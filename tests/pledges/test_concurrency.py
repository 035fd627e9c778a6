"""Two heads report progress on the same pledge at the same moment, on PostgreSQL with real
threads and connections: both reports are kept and the pledge's latest percent is the newest."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from pledges import services
from tests.factories import make_pledge

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite has no row locks and serialises every writer on the "
        "whole database file, so there is no race to test",
    ),
]


def test_two_simultaneous_reports_are_both_kept_and_the_newest_wins(two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status="accepted")
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def report(actor, percent):
        try:
            start.wait(timeout=10)
            services.progress_report_record(
                pledge=pledge, actor=actor, percent=percent, narrative=f"{percent}%"
            )
        except BaseException as error:  # noqa: BLE001 - reported to the main thread below
            errors.append(error)
        finally:
            connections.close_all()

    for _round in range(5):
        threads = [
            threading.Thread(target=report, args=(two_units.head_a, 30)),
            threading.Thread(target=report, args=(two_units.deputy_a, 70)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        start.reset()
    assert errors == []

    pledge.refresh_from_db()
    assert pledge.reports.count() == 10
    newest = pledge.reports.latest()
    assert pledge.latest_percent == newest.percent
    assert pledge.latest_report_at == newest.reported_at
    assert pledge.version == 11  # every report raised it once: no update was lost
    assert sorted(set(pledge.reports.values_list("reported_by", flat=True))) == sorted(
        [two_units.head_a.pk, two_units.deputy_a.pk]
    )
