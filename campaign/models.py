from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Min, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kit.cache import cached_aggregate
from kit.fields import BoundedTextField, DocumentNumberField
from kit.public import STRUCTURE
from kit.roles import is_office
from kit.text import vi_slugify
from kit.validators import issuer_code_validator


class LegalDocument(models.Model):
    """A document of the legal basis an announcement cites (Quyết định, Kế hoạch, ...)."""

    class Kind(models.TextChoices):
        DECISION = "decision", _("Decision (QĐ)")
        PLAN = "plan", _("Plan (KH)")
        RESOLUTION = "resolution", _("Resolution (NQ)")
        DIRECTIVE = "directive", _("Directive (CT)")
        OFFICIAL_LETTER = "letter", _("Official letter (CV)")
        AGREEMENT = "agreement", _("Agreement")
        OTHER = "other", _("Other")

    number = DocumentNumberField(
        _("number / symbol"),
        max_length=40,
        blank=True,
        help_text=_("As printed on the document, e.g. 3082/QĐ-BCT. Leave empty if it has none."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.DECISION)
    issued_on = models.DateField(_("date issued"), null=True, blank=True)
    issuer = models.CharField(
        _("issued by"), max_length=200, help_text=_("e.g. Ministry of Industry and Trade")
    )
    title = models.CharField(
        _("title"),
        max_length=500,
        blank=True,
        help_text=_(
            "What the document is about, as its abstract says. Leave empty when it is not "
            "known: never repeat the number here."
        ),
    )
    file = models.FileField(
        _("file"), upload_to="legal/", blank=True, help_text=_("Optional PDF of the document.")
    )
    url = models.URLField(_("link"), blank=True, help_text=_("Optional link to the official text."))

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["-issued_on", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["number"], condition=~Q(number=""), name="legaldocument_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return " – ".join(part for part in (self.number, self.title) if part)

    def clean(self) -> None:
        super().clean()
        if not self.number and not self.title:
            raise ValidationError(
                _("Give the document's number or, when it has none, its title."), code="unnamed"
            )


class CampaignQuerySet(models.QuerySet):
    def public(self) -> CampaignQuerySet:
        """Campaigns anyone may read: launched ones, running or closed."""
        return self.exclude(status=Campaign.Status.DRAFT)

    def active(self) -> CampaignQuerySet:
        return self.filter(status=Campaign.Status.ACTIVE)

    def with_span(self) -> CampaignQuerySet:
        """Each campaign with the first and last day of its phases, so a list shows every
        campaign's state (Campaign.display_state) without a query per campaign."""
        phases = CampaignPhase.objects.filter(campaign=OuterRef("pk")).order_by()
        per_campaign = phases.values("campaign")
        return self.annotate(
            phases_start=Subquery(per_campaign.annotate(day=Min("starts_on")).values("day")),
            phases_end=Subquery(per_campaign.annotate(day=Max("ends_on")).values("day")),
        )

    def visible_to(self, user) -> CampaignQuerySet:
        """The public campaigns; drafts too for the office, which prepares them."""
        return self.all() if is_office(user) else self.public()

    def current(self) -> Campaign | None:
        """The campaign the home page shows: the newest active one, else the newest public."""
        return (
            self.public()
            .order_by(
                models.Case(
                    models.When(status=Campaign.Status.ACTIVE, then=0),
                    default=1,
                ),
                "-published_on",
                "-pk",
            )
            .first()
        )


class CampaignState(models.TextChoices):
    """Where a campaign stands on a given day, as visitors and the office see it."""

    DRAFT = "draft", _("Draft")
    UPCOMING = "upcoming", _("Upcoming")
    UNDER_WAY = "under_way", _("Under way")
    ENDED = "ended", _("Ended")


class Campaign(models.Model):
    # What the office decides; the state shown follows from it and the dates (display_state).
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Launched")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=400)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("The address of the campaign page; made from the title when left empty."),
    )
    summary = BoundedTextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences for the home page and lists."),
    )
    # Official text of several pages; the seed announcement is about 3 700 characters.
    body = BoundedTextField(
        _("announcement"),
        max_length=50_000,
        help_text=_("The full text of the announcement. Separate paragraphs with a blank line."),
    )
    issuing_body = models.CharField(_("issuing body"), max_length=200)
    issuing_place = models.CharField(
        _("place of issue"),
        max_length=100,
        blank=True,
        help_text=_("Printed before the date of the campaign's reports, e.g. Bến Tre."),
    )
    # The head of the campaign's printed reports (Decree 30/2020/NĐ-CP): governing body above
    # the issuing body, the number/symbol, the signer and the recipients.
    governing_body = models.CharField(
        _("governing body"),
        max_length=200,
        blank=True,
        help_text=_(
            "Printed above the issuing body at the head of the campaign's reports, e.g. Bến "
            "Tre Provincial People's Committee. Leave empty when the issuing body has none."
        ),
    )
    letterhead_name = models.CharField(
        _("issuing body on reports"),
        max_length=200,
        blank=True,
        help_text=_(
            "The issuing body as printed under the governing body, e.g. Department of Industry "
            "and Trade (the province is named above it). The issuing body is printed when left "
            "empty."
        ),
    )
    issuer_code = models.CharField(
        _("issuer's abbreviation"),
        max_length=30,
        blank=True,
        validators=[issuer_code_validator],
        help_text=_("Ends the number/symbol of the campaign's reports, e.g. SCT in No.: /BC-SCT."),
    )
    movement = models.CharField(
        _("name of the movement"),
        max_length=400,
        blank=True,
        help_text=_(
            "As the reports name it after “Preliminary review of” or “Final review of”, e.g. "
            "the special emulation movement “…”. The title is printed instead when left empty."
        ),
    )
    signer_position = models.CharField(
        _("signer's position"),
        max_length=100,
        blank=True,
        help_text=_(
            "Of the person who signs the campaign's reports, e.g. Director, or Deputy Director "
            "when a deputy signs."
        ),
    )
    signer_on_behalf_of = models.CharField(
        _("signing on behalf of (KT.)"),
        max_length=100,
        blank=True,
        help_text=_(
            "When a deputy signs for the head, the head's position, e.g. Director: printed as "
            "“FOR THE DIRECTOR” above the signer's position. Leave empty when the head signs."
        ),
    )
    signer_name = models.CharField(
        _("signer's name"),
        max_length=100,
        blank=True,
        help_text=_("Full name, printed under the signature."),
    )
    report_recipients = BoundedTextField(
        _("recipients of reports"),
        max_length=2000,
        blank=True,
        help_text=_(
            "The recipients, one per line, e.g. Ministry of Industry and Trade (for reporting); "
            "the last line is usually Filed: Records, Office. The dash before each line and the "
            "punctuation after it are printed for you."
        ),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phones = models.CharField(_("contact phones"), max_length=120, blank=True)
    published_on = models.DateField(_("published on"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        help_text=_(
            "Drafts are seen by the office only. A launched campaign is shown as upcoming, "
            "under way or ended by its dates and phases; a closed one as ended."
        ),
    )
    source_line = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Source: Office of the Department"),
    )
    late_pledges_allowed = models.BooleanField(
        _("accept pledges outside the registration phase"),
        default=False,
        help_text=_(
            "The office's override: while ticked, units may submit pledges for review at any "
            "time. Unticked, they may submit only during a registration phase (when the "
            "campaign has one)."
        ),
    )
    legal_documents = models.ManyToManyField(
        LegalDocument,
        through="CampaignDocument",
        related_name="campaigns",
        blank=True,
        verbose_name=_("legal basis"),
    )

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-published_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="campaign_ends_after_start",
                violation_error_message=_("The end date must not be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = vi_slugify(self.title_vi or self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("campaign:detail", kwargs={"slug": self.slug})

    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT

    def span(self) -> tuple[dt.date, dt.date]:
        """The first and last day of the campaign: its own dates, widened by any phase outside
        them (a final review often runs past the end date)."""
        if hasattr(self, "phases_start"):  # CampaignQuerySet.with_span()
            bounds = [(self.phases_start, self.phases_end)] if self.phases_start else []
        else:
            bounds = [(phase.starts_on, phase.ends_on) for phase in self.phases.all()]
        first, last = self.starts_on, self.ends_on
        for starts, ends in bounds:
            first, last = min(first, starts), max(last, ends)
        return first, last

    def state_on(self, day: dt.date) -> CampaignState:
        if self.status == self.Status.DRAFT:
            return CampaignState.DRAFT
        if self.status == self.Status.CLOSED:
            return CampaignState.ENDED
        first, last = self.span()
        if day < first:
            return CampaignState.UPCOMING
        return CampaignState.ENDED if day > last else CampaignState.UNDER_WAY

    @property
    def display_state(self) -> CampaignState:
        """What every page and the admin list show of the campaign today; `.label` reads it."""
        return self.state_on(timezone.localdate())

    def recipients(self) -> list[str]:
        """The recipients of the campaign's reports, one a line, without the dash and the end
        punctuation the office may have typed (the report prints its own)."""
        # Empty (None) on campaigns made before the field existed.
        text = self.report_recipients or ""
        lines = (line.strip().lstrip("-–• ").rstrip(";.,").strip() for line in text.splitlines())
        return [line for line in lines if line]

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]

    def registration_open(self, day: dt.date) -> bool:
        """Whether units may submit pledges on `day`: during a registration phase; at any time
        when the campaign has none or the office allows late pledges."""
        if self.late_pledges_allowed:
            return True
        phases = [p for p in self.phases.all() if p.kind == CampaignPhase.Kind.REGISTRATION]
        return not phases or any(p.includes(day) for p in phases)


class CampaignDocument(models.Model):
    """The place of one legal document in a campaign's legal-basis list."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, verbose_name=_("campaign"))
    document = models.ForeignKey(
        LegalDocument, on_delete=models.PROTECT, verbose_name=_("legal document")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("legal basis entry")
        verbose_name_plural = _("legal basis")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "document"], name="campaigndocument_once_per_campaign"
            ),
        ]

    def __str__(self) -> str:
        return str(self.document)


class Theme(models.Model):
    """One of a campaign's emulation themes (nội dung thi đua): what units pledge under."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="themes", verbose_name=_("campaign")
    )
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("1, 2, 3 … as numbered in the announcement.")
    )
    title = models.CharField(_("title"), max_length=200)
    description = BoundedTextField(
        _("description"), max_length=4000, help_text=_("The theme's text from the announcement.")
    )

    class Meta:
        verbose_name = _("emulation theme")
        verbose_name_plural = _("emulation themes")
        ordering = ["campaign", "number"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "number"], name="theme_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="theme_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("campaign:theme", kwargs={"slug": self.campaign.slug, "number": self.number})


class CampaignPhaseQuerySet(models.QuerySet):
    def on(self, day: dt.date) -> CampaignPhaseQuerySet:
        """Phases running on `day` (both ends included)."""
        return self.filter(starts_on__lte=day, ends_on__gte=day)

    def ending_between(self, first: dt.date, last: dt.date) -> CampaignPhaseQuerySet:
        return self.filter(ends_on__gte=first, ends_on__lte=last)


class PhaseKind(models.TextChoices):
    LAUNCH = "launch", _("Launch")
    REGISTRATION = "registration", _("Registration of pledges")
    IMPLEMENTATION = "implementation", _("Implementation")
    PRELIMINARY_REVIEW = "preliminary_review", _("Preliminary review")
    FINAL_REVIEW = "final_review", _("Final review")


class CampaignPhase(models.Model):
    """A dated step of a campaign, as the Law on Emulation and Commendation sets them out:
    launch, registration of pledges, implementation, preliminary and final review."""

    Kind = PhaseKind

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="phases", verbose_name=_("campaign")
    )
    kind = models.CharField(
        _("phase"),
        max_length=20,
        choices=Kind,
        help_text=_(
            "Pledges can be submitted only during a registration phase, unless the campaign "
            "has none or the office allows late pledges."
        ),
    )
    title = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("Optional, e.g. “Six-month preliminary review”; the phase's kind otherwise."),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), help_text=_("The deadline of this phase (included)."))

    objects = CampaignPhaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign phase")
        verbose_name_plural = _("campaign phases")
        ordering = ["starts_on", "ends_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="campaignphase_ends_after_start",
                violation_error_message=_("The end date must not be before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=PhaseKind.values), name="campaignphase_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.title or self.get_kind_display()

    def includes(self, day: dt.date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True)
class TimelineStep:
    """One phase as the campaign page shows it on a given day."""

    phase: CampaignPhase
    state: str  # "done", "current" or "upcoming"
    days_to_start: int
    days_to_end: int


@dataclass(frozen=True)
class Timeline:
    steps: list[TimelineStep]
    next_deadline: TimelineStep | None  # the phase whose end comes next

    @property
    def running(self) -> list[TimelineStep]:
        """The phases running on the day (phases may overlap)."""
        return [step for step in self.steps if step.state == "current"]

    @property
    def current(self) -> TimelineStep | None:
        """The running phase whose deadline comes first, if any runs."""
        return min(self.running, key=lambda step: step.phase.ends_on, default=None)


def phase_timeline(phases, day: dt.date) -> Timeline:
    """The phases in order, each done, current or upcoming on `day`, and the next deadline."""
    steps = []
    for phase in sorted(phases, key=lambda p: (p.starts_on, p.ends_on, p.pk or 0)):
        if phase.ends_on < day:
            state = "done"
        else:
            state = "current" if phase.starts_on <= day else "upcoming"
        steps.append(
            TimelineStep(
                phase=phase,
                state=state,
                days_to_start=(phase.starts_on - day).days,
                days_to_end=(phase.ends_on - day).days,
            )
        )
    ahead = [step for step in steps if step.state != "done"]
    deadline = min(ahead, key=lambda step: step.phase.ends_on) if ahead else None
    return Timeline(steps=steps, next_deadline=deadline)


def current_campaign(request) -> Campaign | None:
    """The current campaign, looked up once per request however many templates ask, and kept
    in the cache under the structure's counter (the header and footer of every page show it)."""
    if not hasattr(request, "_current_campaign"):
        request._current_campaign = cached_aggregate(
            "current-campaign", Campaign.objects.current, topics=(STRUCTURE,)
        )
    return request._current_campaign
