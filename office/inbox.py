"""What waits for the campaign office ("Việc cần xử lý"): the counts on the header's office menu
and the panel that opens /office/.

The queues (pledges to review, nominations to decide) are the office's whatever the campaign, as
the review queue and the admin list them; overdue progress and phases belong to one campaign.
Every count is an aggregate query, so the cost does not grow with the number of units.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import CharField, Count, Value
from django.utils import timezone

from campaign.models import Campaign, TimelineStep, phase_timeline
from kit.roles import is_office
from news.models import Nomination
from pledges.models import Pledge, past_due_condition, stale_condition

# How many of the oldest waiting pledges, and of the pledges past due, the panel lists by name.
LISTED = 5
# Phases ending within this many days are announced on the panel.
PHASES_AHEAD = 14


@dataclass(frozen=True)
class Waiting:
    reviews: int = 0
    nominations: int = 0

    @property
    def total(self) -> int:
        return self.reviews + self.nominations


def _count(queryset, kind: str):
    return (
        queryset.order_by()
        .annotate(kind=Value(kind, output_field=CharField()))
        .values("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )


def office_waiting(request) -> Waiting:
    """The office's two queues, counted in one query and kept for the rest of the request (the
    header and the panel both show them); nothing is asked for anyone else."""
    if not hasattr(request, "_office_waiting"):
        user = request.user
        if not is_office(user):
            request._office_waiting = Waiting()
        else:
            # One UNION ALL of two counts; a queue with nothing waiting yields no row (0).
            reviews = _count(Pledge.objects.reviewable_by(user), "reviews")
            nominations = _count(Nomination.objects.visible_to(user).pending(), "nominations")
            counts = dict(reviews.union(nominations, all=True).order_by())
            request._office_waiting = Waiting(**counts)
    return request._office_waiting


@dataclass(frozen=True)
class WaitingPledge:
    pledge: Pledge
    days: int  # since it was submitted


@dataclass(frozen=True)
class Inbox:
    waiting: Waiting
    oldest: list[WaitingPledge]  # the first pledges to review, oldest first
    stale: int  # accepted, no progress report for `stale_days`
    stale_days: int
    past_due: int  # accepted, due date passed, not completed
    past_due_first: list[tuple[Pledge, int]]  # (pledge, days past due), longest overdue first
    current: list[TimelineStep]  # phases running today
    ending: list[TimelineStep]  # phases ending within PHASES_AHEAD days, soonest first

    @property
    def phases_ahead(self) -> int:
        return PHASES_AHEAD


def office_inbox(*, request, campaign: Campaign, now: dt.datetime, today: dt.date) -> Inbox:
    """The panel of /office/ for `campaign`: four queries besides the shared queue counts."""
    user = request.user
    days = settings.PLEDGE_STALE_DAYS  # the reminders' period (send_reminders --days)
    oldest = (
        Pledge.objects.reviewable_by(user)
        .select_related("unit")
        .order_by("submitted_at", "pk")[:LISTED]
    )
    pledges = Pledge.objects.visible_to(user).filter(campaign=campaign)
    counts = pledges.aggregate(
        stale=Count("pk", filter=stale_condition(days=days, now=now)),
        past_due=Count("pk", filter=past_due_condition(today)),
    )
    past_due = pledges.past_due(today).select_related("unit").order_by("due_on", "pk")[:LISTED]
    timeline = phase_timeline(campaign.phases.all(), today)
    return Inbox(
        waiting=office_waiting(request),
        oldest=[WaitingPledge(p, _days_since(p.submitted_at, today)) for p in oldest],
        stale=counts["stale"],
        stale_days=days,
        past_due=counts["past_due"],
        past_due_first=[(p, p.days_past_due(today)) for p in past_due],
        current=timeline.running,
        ending=sorted(
            (s for s in timeline.steps if s.state != "done" and s.days_to_end <= PHASES_AHEAD),
            key=lambda step: step.phase.ends_on,
        ),
    )


def _days_since(moment: dt.datetime | None, today: dt.date) -> int:
    if moment is None:  # submitted pledges always have the time; guarded for old rows
        return 0
    return max((today - timezone.localdate(moment)).days, 0)
