"""What waits for a unit's head in the workspace: one entry per pledge that needs them, with the
one step to take. Built from pledges already loaded, so the page's queries do not grow with them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from pledges.models import Pledge


@dataclass(frozen=True)
class Task:
    pledge: Pledge
    kind: str  # "returned", "draft", "overdue" or "stale": the template words each
    url_name: str  # the page of the one action, taking the pledge's pk


# In the order the list shows them: what the office sent back first, progress last.
ORDER = ("returned", "draft", "overdue", "stale")


def _task(pledge: Pledge, *, now: dt.datetime, stale_days: int) -> Task | None:
    Status = Pledge.Status
    if pledge.status == Status.RETURNED:
        return Task(pledge, "returned", "pledges:update")
    if pledge.status == Status.DRAFT:
        return Task(pledge, "draft", "pledges:submit")
    # An overdue pledge is usually stale as well: one entry, with the stronger reason.
    if pledge.is_overdue(today=timezone.localdate(now)):
        return Task(pledge, "overdue", "pledges:report")
    if pledge.is_stale(days=stale_days, now=now):
        return Task(pledge, "stale", "pledges:report")
    return None


def tasks_for(pledges: Iterable[Pledge], *, now: dt.datetime, stale_days: int) -> list[Task]:
    """The pledges that wait for their unit's head, most urgent kind first, oldest due first."""
    tasks = [task for p in pledges if (task := _task(p, now=now, stale_days=stale_days))]
    return sorted(tasks, key=lambda t: (ORDER.index(t.kind), t.pledge.due_on, t.pledge.pk))
