"""Every change of a pledge's state, and the progress timeline, goes through these functions.

Each one runs in a transaction, locks the pledge row it changes (so two people acting at the same
moment are served one after the other), checks the transition first and the actor's right
second, and queues its e-mails in the same transaction so they leave only after it commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from audit.models import Event
from audit.services import audit_record
from campaign.models import Campaign, CampaignPhase, LegalDocument, Theme
from kit.conflicts import check_version
from kit.images import ProcessedImage
from kit.roles import office_members
from pledges import notifications
from pledges.models import Evidence, Pledge, PledgeQuerySet, ProgressReport
from units.models import Unit

Status = Pledge.Status


class PledgeStateError(Exception):
    """The pledge is not in a state that allows the transition; nothing was changed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class StaleEditError(Exception):
    """The pledge was saved by someone else after the form was opened; nothing was changed."""

    def __init__(self, current: Pledge):
        super().__init__("stale pledge version")
        self.current = current


REFUSALS = {
    "edit": gettext_noop(
        "Only a draft or returned pledge can be edited; this one is “%(status)s”."
    ),
    "delete": gettext_noop("Only a draft can be deleted; this one is “%(status)s”."),
    "submit": gettext_noop(
        "Only a draft or returned pledge can be submitted; this one is “%(status)s”."
    ),
    "accept": gettext_noop("Only a submitted pledge can be accepted; this one is “%(status)s”."),
    "return": gettext_noop("Only a submitted pledge can be returned; this one is “%(status)s”."),
    "report": gettext_noop(
        "Progress can be reported only on an accepted pledge; this one is “%(status)s”."
    ),
}


def _refuse(action: str, pledge: Pledge) -> PledgeStateError:
    return PledgeStateError(_(REFUSALS[action]) % {"status": pledge.get_status_display()})


def _lock(pledge: Pledge) -> Pledge:
    """The pledge as it is now in the database, locked until the transaction ends."""
    return (
        Pledge.objects.select_for_update(of=("self",))
        .select_related("campaign", "unit", "theme")
        .get(pk=pledge.pk)
    )


def _authorize(pledge: Pledge, allowed: PledgeQuerySet) -> None:
    if not allowed.filter(pk=pledge.pk).exists():
        raise PermissionDenied


def _save(pledge: Pledge, actor, step: str) -> None:
    """Save a change of `pledge` made by `actor`, and record the step in the audit trail."""
    pledge._history_user = actor
    pledge.save()
    audit_record(action=Event.Action.TRANSITION, actor=actor, obj=pledge, detail=step)


def pledge_create(
    *,
    actor,
    campaign: Campaign,
    unit: Unit,
    theme: Theme,
    title: str,
    commitment: str,
    target_value: Decimal,
    target_unit: str,
    due_on: dt.date,
    legal_documents: Iterable[LegalDocument] = (),
) -> Pledge:
    """A new draft pledge of `unit`, written by one of its heads or deputies."""
    if not Unit.objects.led_by(actor).active().filter(pk=unit.pk).exists():
        raise PermissionDenied
    if not Campaign.objects.active().filter(pk=campaign.pk).exists():
        raise PledgeStateError(_("Pledges can be written only while the campaign is running."))
    with transaction.atomic():
        pledge = Pledge(
            campaign=campaign,
            unit=unit,
            theme=theme,
            title=title,
            commitment=commitment,
            target_value=target_value,
            target_unit=target_unit,
            due_on=due_on,
            created_by=actor,
        )
        pledge.full_clean()
        pledge._history_user = actor
        pledge.save()
        pledge.legal_documents.set(_documents_of(campaign, legal_documents))
        audit_record(action=Event.Action.TRANSITION, actor=actor, obj=pledge, detail="create")
    return pledge


def _documents_of(campaign: Campaign, documents: Iterable[LegalDocument]) -> list[LegalDocument]:
    documents = list(documents)
    allowed = set(campaign.legal_documents.values_list("pk", flat=True))
    if any(doc.pk not in allowed for doc in documents):
        raise ValidationError(
            {"legal_documents": _("Choose only documents of this campaign's legal basis.")}
        )
    return documents


EDITABLE_FIELDS = ("theme", "title", "commitment", "target_value", "target_unit", "due_on")


def pledge_update(*, pledge: Pledge, actor, version: int, **changes) -> Pledge:
    """Save a head's edits of a draft or returned pledge, unless someone saved it meanwhile.

    `version` is the one the editor's form was opened with; `changes` holds EDITABLE_FIELDS
    and optionally `legal_documents`.
    """
    unknown = set(changes) - {*EDITABLE_FIELDS, "legal_documents"}
    if unknown:
        raise TypeError(f"pledge_update() got unexpected fields: {sorted(unknown)}")
    with transaction.atomic():
        current = _lock(pledge)
        if not current.is_editable:
            raise _refuse("edit", current)
        _authorize(current, Pledge.objects.editable_by(actor))
        check_version(current.version, version, lambda: StaleEditError(current))
        documents = changes.pop("legal_documents", None)
        for name, value in changes.items():
            setattr(current, name, value)
        current.full_clean()
        _save(current, actor, "edit")
        if documents is not None:
            current.legal_documents.set(_documents_of(current.campaign, documents))
    return current


def pledge_delete(*, pledge: Pledge, actor) -> None:
    with transaction.atomic():
        current = _lock(pledge)
        if not current.is_deletable:
            raise _refuse("delete", current)
        _authorize(current, Pledge.objects.editable_by(actor))
        audit_record(action=Event.Action.TRANSITION, actor=actor, obj=current, detail="delete")
        current._history_user = actor
        current.delete()


def pledge_submit(*, pledge: Pledge, actor, version: int | None = None) -> Pledge:
    """Send a draft or returned pledge to the office for review, and tell the office."""
    with transaction.atomic():
        current = _lock(pledge)
        if not current.can_become(Status.SUBMITTED):
            raise _refuse("submit", current)
        _authorize(current, Pledge.objects.editable_by(actor))
        if version is not None:
            check_version(current.version, version, lambda: StaleEditError(current))
        today = timezone.localdate()
        if not current.campaign.registration_open(today):
            raise PledgeStateError(registration_closed_message(current.campaign, today))
        current.status = Status.SUBMITTED
        current.submitted_by = actor
        current.submitted_at = timezone.now()
        _save(current, actor, "submit")
        notifications.pledge_submitted(current, to=office_emails())
    return current


def registration_closed_message(campaign: Campaign, today: dt.date) -> str:
    """Why a pledge cannot be submitted now, naming the registration phase that matters: the
    next one if there is one, else the last."""
    phases = sorted(
        (p for p in campaign.phases.all() if p.kind == CampaignPhase.Kind.REGISTRATION),
        key=lambda p: p.starts_on,
    )
    upcoming = [p for p in phases if p.starts_on > today]
    phase = upcoming[0] if upcoming else phases[-1]
    dates = {
        "start": date_format(phase.starts_on, "SHORT_DATE_FORMAT"),
        "end": date_format(phase.ends_on, "SHORT_DATE_FORMAT"),
    }
    if upcoming:
        text = _(
            "Pledges can be submitted only during the registration of pledges, from %(start)s "
            "to %(end)s. Your pledge is kept as it is; submit it then."
        )
    else:
        text = _(
            "The registration of pledges ended on %(end)s, so the pledge cannot be submitted. "
            "It is kept as it is; ask the office to accept late pledges."
        )
    return text % dates


def pledge_form_notices(campaign: Campaign, today: dt.date) -> list[str]:
    """What a unit head must know before writing a pledge of `campaign` today: that every due
    date the form accepts is already past, and why a pledge cannot be submitted now (the same
    words as the refusal, registration_closed_message). Empty when the form can be used."""
    notices = []
    if campaign.ends_on < today:
        notices.append(
            _(
                "This campaign ended on %(end)s. A pledge's due date must fall within the "
                "campaign, so every date this form accepts is already past. Before writing a "
                "pledge, contact the Office of the Department: it can extend the campaign or "
                "tell you what to do."
            )
            % {"end": date_format(campaign.ends_on, "SHORT_DATE_FORMAT")}
        )
    if not campaign.registration_open(today):
        notices.append(registration_closed_message(campaign, today))
    return notices


def _review_note(text: str) -> str:
    """The office's note or reason, checked by the review note's own rules (its length) before
    anything is locked or changed."""
    note = (text or "").strip()
    try:
        Pledge._meta.get_field("review_note").run_validators(note)
    except ValidationError as error:
        raise ValidationError({"reason": error.error_list}) from None
    return note


def pledge_accept(*, pledge: Pledge, actor, note: str = "") -> Pledge:
    """The office accepts a submitted pledge: from now on it is public."""
    return _review(pledge, actor, Status.ACCEPTED, _review_note(note), step="accept")


def pledge_return(*, pledge: Pledge, actor, reason: str) -> Pledge:
    """The office sends a submitted pledge back to the unit with the reason to fix."""
    reason = _review_note(reason)
    if not reason:
        raise ValidationError(
            {"reason": _("Say why the pledge is returned, so the unit knows what to fix.")}
        )
    return _review(pledge, actor, Status.RETURNED, reason, step="return")


# The e-mail to the unit after each decision of the office's review.
_REVIEW_NOTICES = {
    Status.ACCEPTED: notifications.pledge_accepted,
    Status.RETURNED: notifications.pledge_returned,
}


def _review(pledge: Pledge, actor, status: Status, note: str, *, step: str) -> Pledge:
    with transaction.atomic():
        current = _lock(pledge)
        if not current.can_become(status):
            raise _refuse(step, current)
        _authorize(current, Pledge.objects.reviewable_by(actor))
        current.status = status
        current.reviewed_by = actor
        current.reviewed_at = timezone.now()
        current.review_note = note
        _save(current, actor, step)
        _REVIEW_NOTICES[status](current, to=unit_emails(current.unit_id))
    return current


def progress_report_record(
    *,
    pledge: Pledge,
    actor,
    narrative: str,
    percent: int | None = None,
    achieved: Decimal | None = None,
    images: Sequence[ProcessedImage] = (),
) -> ProgressReport:
    """Append a progress report with its evidence; the pledge's latest percent follows the
    newest report, and a report of 100 % completes the pledge.

    A pledge whose target counts something (`Pledge.is_counted`) is reported by the amount
    `achieved`, and its percent is computed from it here; a percentage target by `percent`.
    """
    if len(images) > 5:
        raise ValidationError({"images": _("You can attach at most 5 photos.")})
    with transaction.atomic():
        current = _lock(pledge)
        if not current.is_reportable:
            raise _refuse("report", current)
        _authorize(current, Pledge.objects.reportable_by(actor))
        percent = _report_percent(current, percent=percent, achieved=achieved)
        # Taken after the lock: concurrent reports get their times in the order they commit.
        report = ProgressReport(
            pledge=current, percent=percent, achieved=achieved, narrative=narrative,
            reported_by=actor, reported_at=timezone.now(),
        )  # fmt: skip
        report.full_clean()
        report._history_user = actor
        report.save()
        for position, processed in enumerate(images):
            evidence = Evidence(
                report=report,
                width=processed.width,
                height=processed.height,
                original_name=processed.original_name,
                position=position,
            )
            evidence.image.save(processed.content.name, processed.content, save=False)
            thumb = processed.renditions["thumb"]
            evidence.thumbnail.save(thumb.name, thumb, save=False)
            evidence._history_user = actor
            evidence.save()
        newest = current.reports.latest()
        current.latest_percent = newest.percent
        current.latest_report_at = newest.reported_at
        if newest.percent == 100:
            current.status = Status.COMPLETED
            current.completed_at = newest.reported_at
        _save(current, actor, f"report {percent}%")
    return report


def _report_percent(pledge: Pledge, *, percent: int | None, achieved: Decimal | None) -> int:
    """The percent a report records: computed from the amount reached when the target counts
    something, else the one given. Refuses an amount the target cannot have, before anything
    is written."""
    if achieved is None:
        # A percent given outright (a percentage target; a script or an import) is kept as
        # given; the report form always sends the amount for a target that counts.
        if percent is None:
            raise ValidationError({"percent": _("Enter the progress in percent.")})
        return percent
    if not pledge.is_counted:
        raise ValidationError(
            {"achieved": _("This target is a percentage: report the progress in percent.")}
        )
    try:
        return pledge.percent_of(achieved)
    except ValidationError as error:
        raise ValidationError({"achieved": error.error_list}) from None


def pledges_remind_stale(*, days: int, today: dt.date | None = None) -> int:
    """Remind the heads of accepted pledges with no progress for `days` days; once a day each.

    Returns how many reminders were queued now (those already sent today are skipped).
    """
    today = today or timezone.localdate()
    stale = (
        Pledge.objects.stale(days=days).select_related("unit", "theme", "campaign").order_by("pk")
    )
    queued = 0
    for pledge in stale:
        with transaction.atomic():
            message = notifications.pledge_stale(
                pledge,
                to=unit_emails(pledge.unit_id),
                days=days,
                dedupe_key=f"pledge-stale:{pledge.pk}:{today.isoformat()}",
            )
        queued += message is not None
    return queued


def office_emails() -> list[str]:
    return list(office_members().exclude(email="").values_list("email", flat=True))


def unit_emails(unit_id: int) -> list[str]:
    """The heads and deputies of a unit."""
    return list(
        get_user_model()
        .objects.filter(unit_roles__unit_id=unit_id, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
