"""Emulation scoring (chấm điểm thi đua): criteria with maximum points under a campaign's
themes, review rounds (sơ kết, tổng kết) and the points each unit got per criterion.

Scoring is optional: a campaign without criteria simply has no leaderboard. Only published
rounds of launched campaigns are public; `ScoringRound.objects.published()` and
`Score.objects.published()` are where every public place starts.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, F, Max, Q, Sum
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from campaign.models import Campaign, Theme
from kit.conflicts import Versioned
from kit.fields import BoundedTextField, NumberDecimalField
from kit.numbers import plain
from units.models import Unit

POINTS = {"max_digits": 6, "decimal_places": 2}


def points_display(value: Decimal | None) -> str:
    """Points in the reader's notation: 10, 7,5 (vi) or 7.5 (en)."""
    if value is None:
        return ""
    return number_format(plain(value))


class CriterionQuerySet(models.QuerySet):
    def of_campaign(self, campaign: Campaign) -> CriterionQuerySet:
        return self.filter(theme__campaign=campaign).select_related("theme")

    def max_by_theme(self) -> dict[int, Decimal]:
        """The points a unit can reach per theme (the sum of its criteria's maxima)."""
        rows = self.order_by().values("theme_id").annotate(total=Sum("max_points"))
        return {row["theme_id"]: row["total"] for row in rows}


class Criterion(models.Model):
    """A scoring criterion (tiêu chí) under one theme, with the most points it can give."""

    theme = models.ForeignKey(
        Theme,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("emulation theme"),
        help_text=_("The theme of the campaign this criterion scores."),
    )
    number = models.PositiveSmallIntegerField(
        _("number"), default=1, help_text=_("1, 2, 3 … within the theme; sets the order.")
    )
    title = models.CharField(
        _("title"),
        max_length=300,
        help_text=_("What is assessed, e.g. “Share of staff fully vaccinated”."),
    )
    description = BoundedTextField(
        _("how it is scored"),
        max_length=2000,
        blank=True,
        help_text=_("Optional guidance for the council: what earns full points, what earns less."),
    )
    max_points = NumberDecimalField(
        _("maximum points"),
        **POINTS,
        help_text=_("The most points a unit can get for this criterion, e.g. 10 or 2.5."),
    )

    objects = CriterionQuerySet.as_manager()

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["theme__campaign", "theme__number", "number", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "number"], name="criterion_number_unique"),
            models.CheckConstraint(
                condition=Q(max_points__gt=0),
                name="criterion_max_points_positive",
                violation_error_message=_("The maximum must be greater than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.theme.number}.{self.number} {self.title}"

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            # Every score keeps its own copy of the maximum, which the database checks.
            self.scores.exclude(max_points=self.max_points).update(max_points=self.max_points)

    def clean(self) -> None:
        if self.pk and self.max_points is not None:
            highest = self.scores.aggregate(highest=Max("points"))["highest"]
            if highest is not None and highest > self.max_points:
                raise ValidationError(
                    {
                        "max_points": _(
                            "A unit already has %(points)s points for this criterion; the "
                            "maximum cannot be lower. Change that score first."
                        )
                        % {"points": points_display(highest)}
                    }
                )


class ScoringRoundQuerySet(models.QuerySet):
    def published(self) -> ScoringRoundQuerySet:
        """Rounds visitors may see: published, in a launched campaign."""
        return self.filter(
            status=ScoringRound.Status.PUBLISHED, campaign__in=Campaign.objects.public()
        )

    def newest_first(self) -> ScoringRoundQuerySet:
        return self.order_by("-held_on", "-pk")


class ScoringRound(Versioned, models.Model):
    """A review (sơ kết or tổng kết) at which the units are scored; results are public once
    the office publishes them."""

    class Kind(models.TextChoices):
        PRELIMINARY = "preliminary", _("Preliminary review")
        FINAL = "final", _("Final review")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", pgettext_lazy("review round", "Published")

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.PROTECT,
        related_name="scoring_rounds",
        verbose_name=_("campaign"),
    )
    kind = models.CharField(
        _("kind of review"), max_length=12, choices=Kind, default=Kind.PRELIMINARY
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("e.g. “Preliminary review, first six months of 2022”."),
    )
    held_on = models.DateField(_("review date"), help_text=_("The day of the review meeting."))
    note = BoundedTextField(
        _("note"),
        max_length=1000,
        blank=True,
        help_text=_("Shown above the published results, e.g. the council's decision number."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        editable=False,
        help_text=_("Scores are public only once the results are published."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScoringRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("review round")
        verbose_name_plural = _("review rounds")
        ordering = ["campaign", "-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="scoringround_published_has_time",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published"]), name="scoringround_status_known"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "scoring:leaderboard-round", kwargs={"slug": self.campaign.slug, "pk": self.pk}
        )

    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def clean(self) -> None:
        if (
            self.pk
            and self.campaign_id
            and self.scores.exclude(criterion__theme__campaign_id=self.campaign_id).exists()
        ):
            raise ValidationError(
                {"campaign": _("This round already has scores; its campaign cannot change.")}
            )


class ScoreQuerySet(models.QuerySet):
    def published(self) -> ScoreQuerySet:
        """Scores of published rounds, for active units: what the leaderboard shows."""
        return self.filter(round__in=ScoringRound.objects.published(), unit__is_active=True)

    def totals(self) -> list[dict]:
        """Points and number of scored criteria per (round, unit, theme), in one query."""
        return list(
            self.order_by()
            .values("round_id", "unit_id", theme_id=F("criterion__theme_id"))
            .annotate(points=Sum("points"), scored=Count("pk"))
        )


class Score(Versioned, models.Model):
    """The points a unit got for one criterion at one review round. Every change is kept in
    the history."""

    round = models.ForeignKey(
        ScoringRound,
        on_delete=models.CASCADE,
        related_name="scores",
        verbose_name=_("review round"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="scores", verbose_name=_("unit")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="scores", verbose_name=_("criterion")
    )
    points = NumberDecimalField(
        _("points"), **POINTS, help_text=_("From 0 to the criterion's maximum.")
    )
    max_points = models.DecimalField(
        _("maximum points"),
        **POINTS,
        editable=False,
        help_text=_("Copied from the criterion, so the database itself checks the maximum."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("scored by"),
    )

    objects = ScoreQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["round", "unit", "criterion__theme__number", "criterion__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "unit", "criterion"],
                name="score_once_per_round_unit_criterion",
                violation_error_message=_("This unit already has a score for this criterion."),
            ),
            models.CheckConstraint(
                condition=Q(points__gte=0) & Q(points__lte=F("max_points")),
                name="score_points_within_maximum",
                violation_error_message=_("The points must be between 0 and the maximum."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.criterion}: {points_display(self.points)}"

    def save(self, *args, **kwargs):
        self.max_points = self.criterion.max_points
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        criterion = self.criterion if self.criterion_id else None
        if criterion is not None:
            self.max_points = criterion.max_points
            if self.points is not None and self.points > criterion.max_points:
                errors["points"] = _(
                    "“%(criterion)s” gives at most %(max)s points; %(points)s is too many."
                ) % {
                    "criterion": criterion.title,
                    "max": points_display(criterion.max_points),
                    "points": points_display(self.points),
                }
            if self.round_id and criterion.theme.campaign_id != self.round.campaign_id:
                errors["criterion"] = _("Choose a criterion of this round's campaign.")
        if self.points is not None and self.points < 0:
            errors["points"] = _("Points cannot be negative.")
        if errors:
            raise ValidationError(errors)
