from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign.models import Campaign, Theme
from kit.conflicts import Versioned
from kit.fields import BoundedTextField
from kit.roles import is_office
from kit.storage import get_private_storage
from news.models.commendations import Commendation, CommendationForm
from news.models.honorees import Honoree
from units.models import Unit


class NominationQuerySet(models.QuerySet):
    def visible_to(self, user) -> NominationQuerySet:
        """Nominations `user` may read: their own units' ones; the office sees every one."""
        if not user.is_authenticated:
            return self.none()
        if is_office(user):
            return self
        return self.filter(unit__in=Unit.objects.filter(roles__user=user).values("pk"))

    def editable_by(self, user) -> NominationQuerySet:
        """Nominations `user` may change: their own units' ones, while not yet decided."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            status=Nomination.Status.SUBMITTED,
            unit__in=Unit.objects.filter(roles__user=user).values("pk"),
        )

    def pending(self) -> NominationQuerySet:
        return self.filter(status=Nomination.Status.SUBMITTED)


class Nomination(Versioned, Honoree):
    """A unit head's proposal (đề xuất khen thưởng) of an exemplary person or collective."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    MAX_IMAGES = 5

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("unit"),
        help_text=_("The unit that nominates, and to which the honoree belongs."),
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("nominated by"),
    )
    # The head names their own unit above: the example leaves it out.
    position = Honoree.reworded("position", _("Job title of the person, e.g. Chuyên viên."))
    theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("emulation theme"),
        help_text=_("The theme the achievements belong to."),
    )
    proposed_form = models.ForeignKey(
        CommendationForm,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed title or form of commendation"),
        help_text=_("Optional: the emulation title or form of commendation the unit proposes."),
    )
    achievements = BoundedTextField(
        _("achievements"),
        max_length=5000,
        help_text=_(
            "What the honoree did, with results and dates. Separate paragraphs with a blank line."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.SUBMITTED, db_index=True
    )
    decline_reason = BoundedTextField(
        _("reason for declining"),
        max_length=2000,
        blank=True,
        help_text=_("Sent to the nominating head; required when declining."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    commendation = models.OneToOneField(
        Commendation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nomination",
        verbose_name=_("resulting commendation"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="nomination_declined_has_reason",
                violation_error_message=_("Give the reason for declining."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.honoree_name} – {self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("news:nomination-detail", kwargs={"pk": self.pk})

    @property
    def campaign(self) -> Campaign:
        return self.theme.campaign

    def is_editable(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def clean(self) -> None:
        if self.proposed_form_id and (refusal := self.refusal_of(self.proposed_form)):
            raise ValidationError({"proposed_form": refusal})


class NominationImage(models.Model):
    """An evidence photo of a nomination; only those who may read the nomination see it."""

    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="images", verbose_name=_("nomination")
    )
    image = models.ImageField(
        _("image"), upload_to="nominations/%Y/%m/", max_length=200, storage=get_private_storage
    )
    thumbnail = models.ImageField(
        upload_to="nominations/%Y/%m/", max_length=200, storage=get_private_storage
    )
    original_name = models.CharField(_("file name"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence image")
        verbose_name_plural = _("evidence images")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name or self.image.name

    def get_absolute_url(self) -> str:
        return reverse("news:nomination-image", kwargs={"pk": self.nomination_id, "image": self.pk})

    def get_thumbnail_url(self) -> str:
        return self.get_absolute_url() + "?size=thumb"
