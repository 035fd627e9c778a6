"""Pledges (cam kết thi đua) of units under a campaign's themes, and their progress reports.

Who may do what is decided here, once, by the QuerySet methods; views, services and the admin
all go through them.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_FLOOR, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign.models import Campaign, LegalDocument, Theme
from kit.conflicts import Versioned
from kit.fields import BoundedTextField, NumberDecimalField, NumberPositiveSmallIntegerField
from kit.numbers import plain
from kit.roles import is_office
from kit.storage import get_private_storage
from kit.text import search_key
from units.models import Unit

# A target measured in percent ("% cán bộ được tiêm", "staff vaccinated (percent)"): its
# progress is the percent itself, so nothing is counted against it.
_PERCENT_WORDS = re.compile(r"\b(phan tram|percent|percentage)\b")


def stale_condition(*, days: int, now: dt.datetime | None = None) -> Q:
    """The rule of `PledgeQuerySet.stale()` as a condition, so a count can sit beside others in
    one aggregate query (the office's inbox) without a second copy of the rule."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    return Q(status=Pledge.Status.ACCEPTED) & (
        Q(latest_report_at__lt=cutoff) | Q(latest_report_at__isnull=True, reviewed_at__lt=cutoff)
    )


def past_due_condition(today: dt.date) -> Q:
    """The rule of `PledgeQuerySet.past_due()` as a condition (see `stale_condition`)."""
    return Q(status=Pledge.Status.ACCEPTED, due_on__lt=today)


class PledgeQuerySet(models.QuerySet):
    def public(self) -> PledgeQuerySet:
        """Accepted and completed pledges of launched campaigns and active units: anyone sees
        them."""
        return self.filter(
            status__in=Pledge.PUBLIC_STATUSES,
            campaign__in=Campaign.objects.public(),
            unit__is_active=True,
        )

    def managed_by(self, user) -> PledgeQuerySet:
        """Every pledge, in any state, of the units `user` heads or deputises in."""
        return self.filter(unit__in=Unit.objects.led_by(user))

    def visible_to(self, user) -> PledgeQuerySet:
        """What `user` may read: the public ones, their own units' ones, all for the office."""
        if is_office(user):
            return self.all()
        if not user.is_authenticated:
            return self.public()
        return self.filter(
            Q(pk__in=Pledge.objects.public().values("pk")) | Q(unit__in=Unit.objects.led_by(user))
        )

    def editable_by(self, user) -> PledgeQuerySet:
        """Drafts and returned pledges of `user`'s own units: the only ones anyone may change."""
        return self.managed_by(user).filter(status__in=Pledge.EDITABLE_STATUSES)

    def reportable_by(self, user) -> PledgeQuerySet:
        """Accepted pledges of `user`'s own units, on which progress may be reported."""
        return self.managed_by(user).filter(status=Pledge.Status.ACCEPTED)

    def reviewable_by(self, user) -> PledgeQuerySet:
        """Submitted pledges, for office admins only."""
        if not is_office(user):
            return self.none()
        return self.filter(status=Pledge.Status.SUBMITTED)

    def stale(self, *, days: int, now: dt.datetime | None = None) -> PledgeQuerySet:
        """Accepted pledges with no progress report for more than `days` days (counted from
        their acceptance while they have none)."""
        return self.filter(stale_condition(days=days, now=now))

    def past_due(self, today: dt.date) -> PledgeQuerySet:
        """Accepted pledges whose due date has passed without being completed."""
        return self.filter(past_due_condition(today))

    def waiting_review(self, *, days: int, now: dt.datetime | None = None) -> PledgeQuerySet:
        """Submitted pledges the office has not reviewed for more than `days` days."""
        cutoff = (now or timezone.now()) - dt.timedelta(days=days)
        return self.filter(status=Pledge.Status.SUBMITTED, submitted_at__lt=cutoff)


class PledgeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for completion")
    ACCEPTED = "accepted", _("Accepted")
    COMPLETED = "completed", _("Completed")


class Pledge(Versioned, models.Model):
    """A unit's commitment under one theme of a campaign, with a measurable target."""

    Status = PledgeStatus

    PUBLIC_STATUSES = (Status.ACCEPTED, Status.COMPLETED)
    EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)
    # target status -> the statuses it may be reached from
    TRANSITIONS = {
        Status.SUBMITTED: (Status.DRAFT, Status.RETURNED),
        Status.RETURNED: (Status.SUBMITTED,),
        Status.ACCEPTED: (Status.SUBMITTED,),
        Status.COMPLETED: (Status.ACCEPTED,),
    }

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.PROTECT,
        related_name="pledges",
        verbose_name=_("campaign"),
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="pledges",
        verbose_name=_("unit"),
        help_text=_("The unit that makes the commitment."),
    )
    theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        related_name="pledges",
        verbose_name=_("emulation theme"),
        help_text=_("The theme of the campaign this pledge is made under."),
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("A short name for the commitment, e.g. “Vaccinate every staff member”."),
    )
    commitment = BoundedTextField(
        _("commitment"),
        max_length=3000,
        help_text=_("What the unit commits to do, and how."),
    )
    target_value = NumberDecimalField(
        _("target"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("The number to reach, e.g. 100 or 30."),
    )
    target_unit = models.CharField(
        _("what is measured"),
        max_length=120,
        help_text=_("What the number counts, e.g. “staff vaccinated (percent)”."),
    )
    due_on = models.DateField(
        _("due date"), help_text=_("When the target is to be reached; within the campaign.")
    )
    legal_documents = models.ManyToManyField(
        LegalDocument,
        blank=True,
        related_name="pledges",
        verbose_name=_("implements"),
        help_text=_("The documents of the campaign's legal basis this pledge carries out."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("Only accepted and completed pledges are shown to visitors."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = BoundedTextField(
        _("review note"),
        max_length=2000,
        blank=True,
        help_text=_("The reason a pledge was returned, shown to the unit's heads."),
    )
    latest_percent = models.PositiveSmallIntegerField(
        _("latest progress (%)"),
        default=0,
        help_text=_("Copied from the newest progress report, for fast lists."),
    )
    latest_report_at = models.DateTimeField(_("last reported at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        help_text=_("Raised on every change, so a stale form cannot overwrite a newer one."),
    )

    objects = PledgeQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[legal_documents])

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latest_percent__gte=0) & Q(latest_percent__lte=100),
                name="pledge_latest_percent_range",
            ),
            models.CheckConstraint(
                condition=Q(target_value__gt=0),
                name="pledge_target_positive",
                violation_error_message=_("The target must be greater than zero."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=PledgeStatus.values),
                name="pledge_status_known",
            ),
        ]
        indexes = [
            models.Index(fields=["campaign", "theme", "status"]),
            # The office's review queue: submitted pledges, oldest first. (The campaign page's
            # "latest progress" ordering has a PostgreSQL-only index: migration 0003.)
            models.Index(
                fields=["submitted_at", "id"],
                condition=Q(status="submitted"),
                name="pledge_review_queue_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pledges:detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        errors = {}
        if self.theme_id and self.campaign_id and self.theme.campaign_id != self.campaign_id:
            errors["theme"] = _("Choose one of this campaign's themes.")
        if self.due_on and self.campaign_id:
            campaign = self.campaign
            if not campaign.starts_on <= self.due_on <= campaign.ends_on:
                errors["due_on"] = gettext(
                    "The due date must fall within the campaign, from %(start)s to %(end)s."
                ) % {
                    "start": date_format(campaign.starts_on, "SHORT_DATE_FORMAT"),
                    "end": date_format(campaign.ends_on, "SHORT_DATE_FORMAT"),
                }
        if errors:
            raise ValidationError(errors)

    def can_become(self, status: str) -> bool:
        return self.status in self.TRANSITIONS.get(status, ())

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def is_deletable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_reportable(self) -> bool:
        return self.status == self.Status.ACCEPTED

    def is_stale(self, *, days: int, now: dt.datetime | None = None) -> bool:
        """The instance reading of `Pledge.objects.stale()`."""
        if self.status != self.Status.ACCEPTED:
            return False
        cutoff = (now or timezone.now()) - dt.timedelta(days=days)
        since = self.latest_report_at or self.reviewed_at
        return since is not None and since < cutoff

    def days_past_due(self, today: dt.date) -> int:
        """The instance reading of `Pledge.objects.past_due()`: days since the due date, 0
        when the pledge is not past due."""
        if self.status != self.Status.ACCEPTED or self.due_on >= today:
            return 0
        return (today - self.due_on).days

    def is_overdue(self, *, today: dt.date | None = None) -> bool:
        """Accepted, so not completed, and its due date has passed."""
        return self.days_past_due(today or timezone.localdate()) > 0

    def is_waiting_review(self, *, days: int, now: dt.datetime | None = None) -> bool:
        """The instance reading of `Pledge.objects.waiting_review()`."""
        cutoff = (now or timezone.now()) - dt.timedelta(days=days)
        return (
            self.status == self.Status.SUBMITTED
            and self.submitted_at is not None
            and self.submitted_at < cutoff
        )

    @property
    def is_counted(self) -> bool:
        """Whether progress is reported as the amount reached ("12 / 30 doanh nghiệp") and the
        percent computed from it, rather than typed: the target counts something, not a
        percentage."""
        unit = self.target_unit or ""
        return (
            bool(self.target_value)
            and "%" not in unit
            and not _PERCENT_WORDS.search(search_key(unit))
        )

    @property
    def is_whole_target(self) -> bool:
        """A target of whole things (30 doanh nghiệp): the amount reached is whole too."""
        return self.target_value == self.target_value.to_integral_value()

    def percent_of(self, achieved: Decimal) -> int:
        """How far `achieved` goes towards the target, in whole percent: rounded down, so 100 %
        means the target is really reached, and capped at 100 when it is passed (the amount
        itself is kept on the report). ValidationError for an amount the target cannot have."""
        if achieved < 0:
            raise ValidationError(_("The amount reached cannot be negative."), code="negative")
        if self.is_whole_target and achieved != achieved.to_integral_value():
            raise ValidationError(
                _("Enter a whole number: the target is %(target)s %(unit)s."),
                code="whole",
                params={"target": self.target_number, "unit": self.target_unit},
            )
        ratio = Decimal(achieved) * 100 / self.target_value
        return min(100, int(ratio.to_integral_value(rounding=ROUND_FLOOR)))

    @property
    def target_number(self) -> Decimal:
        """The target without trailing zeros: 100, 2.5 (shown as 2,5 in Vietnamese)."""
        return None if self.target_value is None else plain(self.target_value)


class ProgressReportQuerySet(models.QuerySet):
    def visible_to(self, user) -> ProgressReportQuerySet:
        return self.filter(pledge__in=Pledge.objects.visible_to(user))

    def update(self, **kwargs):
        raise AppendOnlyError(_("Progress reports are never changed; add a new report instead."))

    def delete(self):
        raise AppendOnlyError(_("Progress reports are never deleted; add a new report instead."))


class AppendOnlyError(Exception):
    """Raised on any attempt to rewrite the progress timeline."""


class ProgressReport(models.Model):
    """One entry of a pledge's progress timeline. Append-only: a correction is a new report."""

    pledge = models.ForeignKey(
        Pledge, on_delete=models.PROTECT, related_name="reports", verbose_name=_("pledge")
    )
    percent = NumberPositiveSmallIntegerField(
        _("progress (%)"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("How far the target is reached, from 0 to 100."),
    )
    # Kept as typed for targets that count something (12 of 30 enterprises); the percent above
    # is computed from it, and stays what lists, charts and the open data read.
    achieved = NumberDecimalField(
        _("achieved"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_(
            "The amount reached so far, in what the target counts (e.g. 12 of 30 enterprises); "
            "empty when progress is reported as a percentage."
        ),
    )
    narrative = BoundedTextField(
        _("report"), max_length=4000, help_text=_("What was done since the last report.")
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now, db_index=True)

    objects = ProgressReportQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-reported_at", "-pk"]
        get_latest_by = ["reported_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent__gte=0) & Q(percent__lte=100),
                name="progressreport_percent_range",
                violation_error_message=_("Progress is a percentage from 0 to 100."),
            ),
            models.CheckConstraint(
                condition=Q(achieved__isnull=True) | Q(achieved__gte=0),
                name="progressreport_achieved_not_negative",
                violation_error_message=_("The amount reached cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pledge} – {self.percent}%"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(
                _("Progress reports are never changed; add a new report instead.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(_("Progress reports are never deleted; add a new report instead."))

    @property
    def achieved_number(self) -> Decimal | None:
        """The amount reached without trailing zeros (12, not 12.00), as the target is shown."""
        return None if self.achieved is None else plain(self.achieved)


def evidence_path(instance, filename: str) -> str:
    return f"evidence/{filename}"


class EvidenceQuerySet(models.QuerySet):
    def visible_to(self, user) -> EvidenceQuerySet:
        return self.filter(report__pledge__in=Pledge.objects.visible_to(user))


class Evidence(models.Model):
    """A photo backing a progress report (minh chứng), cleaned by the image pipeline."""

    THUMBNAIL = (320, 240, True)

    report = models.ForeignKey(
        ProgressReport,
        on_delete=models.PROTECT,
        related_name="evidence",
        verbose_name=_("progress report"),
    )
    image = models.ImageField(_("image"), upload_to=evidence_path, storage=get_private_storage)
    thumbnail = models.ImageField(
        _("thumbnail"), upload_to=evidence_path, storage=get_private_storage
    )
    width = models.PositiveIntegerField(_("width"), default=0)
    height = models.PositiveIntegerField(_("height"), default=0)
    original_name = models.CharField(
        _("original file name"), max_length=200, blank=True, help_text=_("As uploaded.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = EvidenceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["report", "position", "pk"]

    def __str__(self) -> str:
        return self.original_name or self.image.name

    def get_absolute_url(self) -> str:
        return reverse("pledges:evidence", kwargs={"pk": self.pk})

    def get_thumbnail_url(self) -> str:
        return reverse("pledges:evidence-thumb", kwargs={"pk": self.pk})
