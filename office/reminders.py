"""The daily reminders `manage.py send_reminders` sends: deadlines coming up for each unit's heads
and deputies, and a digest for the campaign office.

It sits on top with the dashboard (it reads pledges, news, units and phases). Every e-mail goes
through the outbox with a key naming the day, so a scheduler may run it as often as it likes:
each unit and the office get at most one of each a day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from campaign.models import Campaign, CampaignPhase
from kit.mail import email_render
from news.models import Nomination
from outbox.services import message_queue
from pledges.models import Pledge
from pledges.services import office_emails
from units.models import Unit, UnitRole

# The launch is the office's own step; every other phase ends with something units must hand in.
UNIT_PHASES = [kind for kind in CampaignPhase.Kind.values if kind != CampaignPhase.Kind.LAUNCH]


def _window(today: dt.date, ahead: int) -> tuple[dt.date, dt.date]:
    return today, today + dt.timedelta(days=ahead)


def _phases_ending(today: dt.date, ahead: int):
    return (
        CampaignPhase.objects.filter(campaign__in=Campaign.objects.active())
        .ending_between(*_window(today, ahead))
        .select_related("campaign")
        .order_by("ends_on", "campaign_id", "pk")
    )


def _queue(template: str, *, to: list[str], dedupe_key: str, **context) -> bool:
    subject, body = email_render(f"office/email/{template}", context)
    with transaction.atomic():
        message = message_queue(to=to, subject=subject, body=body, dedupe_key=dedupe_key)
    return message is not None


@dataclass
class UnitDeadlines:
    unit: Unit
    phases: list[CampaignPhase]
    pledges: list[Pledge] = field(default_factory=list)


def units_remind_deadlines(*, ahead: int, today: dt.date | None = None) -> int:
    """E-mail the heads and deputies of every active unit about what falls due in the next
    `ahead` days: phases of running campaigns that end, and their unit's accepted pledges that
    are due. Returns how many e-mails were queued now (a unit already told today is skipped)."""
    today = today or timezone.localdate()
    phases = [p for p in _phases_ending(today, ahead) if p.kind in UNIT_PHASES]
    due = (
        Pledge.objects.filter(
            status=Pledge.Status.ACCEPTED,
            campaign__in=Campaign.objects.active(),
            due_on__range=_window(today, ahead),
        )
        .select_related("campaign", "theme")
        .order_by("due_on", "pk")
    )
    pledges_by_unit: dict[int, list[Pledge]] = defaultdict(list)
    for pledge in due:
        pledges_by_unit[pledge.unit_id].append(pledge)
    recipients: dict[int, list[str]] = defaultdict(list)
    for unit_id, email in (
        UnitRole.objects.filter(user__is_active=True)
        .exclude(user__email="")
        .order_by("pk")
        .values_list("unit_id", "user__email")
    ):
        recipients[unit_id].append(email)

    queued = 0
    for unit in Unit.objects.active().filter(pk__in=list(recipients)).order_by("position", "name"):
        entry = UnitDeadlines(unit=unit, phases=phases, pledges=pledges_by_unit.get(unit.pk, []))
        if not entry.phases and not entry.pledges:
            continue
        queued += _queue(
            "deadlines",
            to=recipients[unit.pk],
            dedupe_key=f"deadlines:{unit.pk}:{today.isoformat()}",
            entry=entry,
            today=today,
            ahead=ahead,
        )
    return queued


@dataclass
class CampaignDigest:
    campaign: Campaign
    phases: list[CampaignPhase]
    submitted: int
    waiting: int  # submitted and not reviewed for more than `days` days
    stale: int  # accepted without progress for more than `days` days
    due: int  # accepted pledges due within the window
    units_without: int  # active units without any pledge beyond drafts
    nominations: int  # nominations waiting for a decision

    @property
    def is_quiet(self) -> bool:
        return not self.phases and not any((self.submitted, self.stale, self.due, self.nominations))


def campaign_digests(*, days: int, ahead: int, today: dt.date) -> list[CampaignDigest]:
    """What the office should know today about each running campaign (a few queries each)."""
    phases = list(_phases_ending(today, ahead))
    active_units = Unit.objects.active().count()
    now = timezone.now()
    digests = []
    for campaign in Campaign.objects.active().order_by("-published_on", "pk"):
        pledges = Pledge.objects.filter(campaign=campaign, unit__is_active=True)
        registered = (
            pledges.exclude(status=Pledge.Status.DRAFT).order_by().values("unit").distinct()
        )
        digests.append(
            CampaignDigest(
                campaign=campaign,
                phases=[p for p in phases if p.campaign_id == campaign.pk],
                submitted=pledges.filter(status=Pledge.Status.SUBMITTED).count(),
                waiting=pledges.waiting_review(days=days, now=now).count(),
                stale=pledges.stale(days=days, now=now).count(),
                due=pledges.filter(
                    status=Pledge.Status.ACCEPTED, due_on__range=_window(today, ahead)
                ).count(),
                units_without=active_units - registered.count(),
                nominations=Nomination.objects.pending().filter(theme__campaign=campaign).count(),
            )
        )
    return digests


def office_send_digest(*, days: int, ahead: int, today: dt.date | None = None) -> bool:
    """The office's daily digest; True when it was queued now (not before today, and not a
    quiet day with nothing to report)."""
    today = today or timezone.localdate()
    digests = campaign_digests(days=days, ahead=ahead, today=today)
    if all(digest.is_quiet for digest in digests):
        return False
    return _queue(
        "digest",
        to=office_emails(),
        dedupe_key=f"office-digest:{today.isoformat()}",
        digests=[digest for digest in digests if not digest.is_quiet],
        today=today,
        days=days,
        ahead=ahead,
    )
