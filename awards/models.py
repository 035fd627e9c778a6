"""The end of a movement (Law on Emulation and Commendation 2022, art. 17, step 5): an
evaluation round gathers proposals, the council votes on each, the director signs a decision
with the annexed list, and every honouree's award joins their achievement record.

Who may read what is one queryset method per model, `visible_to(user)`.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from campaign.models import Campaign
from kit.conflicts import Versioned
from kit.fields import BoundedTextField, DocumentNumberField
from kit.roles import is_office
from kit.storage import get_private_storage
from kit.text import search_key
from news.models import Commendation, CommendationForm, Nomination
from news.models.honorees import Honoree, HonoreeKind
from pledges.models import Pledge
from units.models import Unit

# ---------------------------------------------------------------------------------------------
# The rules the office keeps per title or form: the share of votes to pass, and the money.


class PassShare(models.TextChoices):
    """The share of the council's members (all of them, present or not) whose votes pass a
    proposal. Each is checked in whole numbers, so "two thirds" of 7 members is 5 votes."""

    MORE_THAN_HALF = "gt_half", _("More than half of the council's members")
    TWO_THIRDS = "ge_two_thirds", _("At least two thirds of the council's members")
    SEVENTY_PERCENT = "ge_70", _("At least 70 percent of the council's members")
    THREE_QUARTERS = "ge_three_quarters", _("At least three quarters of the council's members")


# votes v of n members pass when  v * a (op) n * b
_SHARES = {
    PassShare.MORE_THAN_HALF: (2, 1, True),
    PassShare.TWO_THIRDS: (3, 2, False),
    PassShare.SEVENTY_PERCENT: (10, 7, False),
    PassShare.THREE_QUARTERS: (4, 3, False),
}

DEFAULT_PASS_SHARE = PassShare.MORE_THAN_HALF


def votes_needed(share: str, members: int) -> int:
    """The fewest votes in favour that pass under `share` with `members` on the council."""
    a, b, strict = _SHARES[PassShare(share)]
    needed = members * b / a
    return math.floor(needed) + 1 if strict else math.ceil(needed)


class AwardRule(models.Model):
    """How the council passes a title or form. Without a rule, more than half passes."""

    form = models.OneToOneField(
        CommendationForm,
        on_delete=models.CASCADE,
        related_name="award_rule",
        verbose_name=_("emulation title or form of commendation"),
    )
    pass_share = models.CharField(
        _("votes needed to pass"),
        max_length=20,
        choices=PassShare,
        default=DEFAULT_PASS_SHARE,
        help_text=_(
            "Counted over all the council's members, present or not. Without a rule a title or "
            "form passes with more than half."
        ),
    )

    class Meta:
        verbose_name = _("voting rule")
        verbose_name_plural = _("voting rules")

    def __str__(self) -> str:
        return f"{self.form}: {self.get_pass_share_display()}"


class BaseSalary(models.Model):
    """The base salary (mức lương cơ sở) award money is multiplied from, from a date on."""

    amount = models.PositiveIntegerField(_("amount (đồng)"), validators=[MinValueValidator(1)])
    valid_from = models.DateField(_("valid from"), unique=True)
    basis = models.CharField(
        _("legal basis"), max_length=200, blank=True, help_text=_("e.g. Nghị định 73/2024/NĐ-CP")
    )

    class Meta:
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.amount:,} đ ({self.valid_from:%d/%m/%Y})".replace(",", ".")

    @classmethod
    def on(cls, day: dt.date) -> BaseSalary | None:
        return cls.objects.filter(valid_from__lte=day).order_by("-valid_from").first()


class AwardRate(models.Model):
    """The coefficient of the base salary paid with a title or form, from a date on."""

    form = models.ForeignKey(
        CommendationForm,
        on_delete=models.CASCADE,
        related_name="award_rates",
        verbose_name=_("emulation title or form of commendation"),
    )
    valid_from = models.DateField(_("valid from"))
    person_coefficient = models.DecimalField(
        _("coefficient for a person"), max_digits=5, decimal_places=2, default=Decimal(0)
    )
    collective_coefficient = models.DecimalField(
        _("coefficient for a collective"), max_digits=5, decimal_places=2, default=Decimal(0)
    )
    basis = models.CharField(
        _("legal basis"), max_length=200, blank=True, help_text=_("e.g. Nghị định 98/2023/NĐ-CP")
    )

    class Meta:
        verbose_name = _("award money coefficient")
        verbose_name_plural = _("award money coefficients")
        ordering = ["form", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["form", "valid_from"], name="award_rate_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.form} ({self.valid_from:%d/%m/%Y})"

    def coefficient(self, honoree_kind: str) -> Decimal:
        if honoree_kind == HonoreeKind.COLLECTIVE:
            return self.collective_coefficient
        return self.person_coefficient


def award_money(coefficient: Decimal, base: int) -> int:
    """Coefficient × base salary, rounded up to the next ten thousand đồng."""
    raw = coefficient * base
    return int(math.ceil(raw / 10_000) * 10_000)


# ---------------------------------------------------------------------------------------------
# The round, its council and its proposals.


class Stage(models.TextChoices):
    PRELIMINARY = "preliminary", _("Preliminary review")
    FINAL = "final", _("Final review")
    YEAR = "year", _("Regular emulation of the year")


class EvaluationRoundQuerySet(models.QuerySet):
    def visible_to(self, user) -> EvaluationRoundQuerySet:
        """Rounds are the office's work: only the office reads or changes them."""
        return self if is_office(user) else self.none()


class EvaluationRound(Versioned, models.Model):
    """An evaluation round (đợt bình xét): the proposals the council considers at one meeting."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DECIDED = "decided", _("Decided")

    title = models.CharField(
        _("title"),
        max_length=300,
        help_text=_("e.g. Bình xét khen thưởng tổng kết phong trào thi đua phòng, chống dịch."),
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluation_rounds",
        verbose_name=_("campaign"),
        help_text=_("Leave empty for a round of the year's regular emulation."),
    )
    stage = models.CharField(_("stage"), max_length=12, choices=Stage, default=Stage.FINAL)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1945)], help_text=_("The year evaluated.")
    )
    forms = models.ManyToManyField(
        CommendationForm,
        related_name="+",
        verbose_name=_("titles and forms considered"),
        blank=True,
    )
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    meeting_place = models.CharField(_("meeting place"), max_length=200, blank=True)
    minutes_number = DocumentNumberField(
        _("minutes number"), blank=True, help_text=_("e.g. 12/BB-HĐTĐKT; may be left empty.")
    )
    submission_number = DocumentNumberField(
        _("submission number"), blank=True, help_text=_("e.g. 15/TTr-VP; may be left empty.")
    )
    submission_date = models.DateField(_("submission date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.OPEN, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("opened at"), auto_now_add=True)

    history = HistoricalRecords()
    objects = EvaluationRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation round")
        verbose_name_plural = _("evaluation rounds")
        ordering = ["-year", "-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class CouncilMember(models.Model):
    """A member of the Emulation and Commendation Council at the round's meeting."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice chair")
        MEMBER = "member", _("Member")
        SECRETARY = "secretary", _("Member and secretary")

    round = models.ForeignKey(
        EvaluationRound,
        on_delete=models.CASCADE,
        related_name="members",
        verbose_name=_("evaluation round"),
    )
    name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(
        _("position"), max_length=200, help_text=_("e.g. Phó Giám đốc Sở Công Thương.")
    )
    role = models.CharField(_("role in the council"), max_length=12, choices=Role)
    attended = models.BooleanField(_("attended"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class ProposalQuerySet(models.QuerySet):
    def visible_to(self, user) -> ProposalQuerySet:
        """The office reads every proposal; a unit head their own units' ones (the outcome)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if is_office(user):
            return self
        return self.filter(unit__in=Unit.objects.filter(roles__user=user).values("pk"))

    def with_outcome_inputs(self, council_size: int | None = None) -> ProposalQuerySet:
        """Annotate what `computed_outcome` needs: the council's size and the form's rule.

        Give `council_size` when the proposals are of one round whose council is counted
        already: the rows are then read without grouping them by every column."""
        size = (
            models.Count("round__members", distinct=True)
            if council_size is None
            else Value(council_size, output_field=models.IntegerField())
        )
        return self.annotate(
            council_size=size,
            pass_share=Coalesce("form__award_rule__pass_share", Value(str(DEFAULT_PASS_SHARE))),
        )


class Proposal(Honoree):
    """A proposal (đề nghị) to award a title or form to a person or a collective."""

    class Source(models.TextChoices):
        NOMINATION = "nomination", _("Nomination")
        CANDIDATE = "candidate", _("Candidate on the dashboard")
        OFFICE = "office", _("The office")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Not voted yet")
        PASSED = "passed", _("Passed")
        FAILED = "failed", _("Did not pass")

    round = models.ForeignKey(
        EvaluationRound,
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("evaluation round"),
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("unit"),
        help_text=_("The person's unit, or the collective itself."),
    )
    form = models.ForeignKey(
        CommendationForm,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("proposed title or form"),
    )
    achievements = BoundedTextField(
        _("achievements"),
        max_length=2000,
        help_text=_("One or two sentences; the annexed list prints them."),
    )
    source = models.CharField(
        _("proposed by"), max_length=12, choices=Source, default=Source.OFFICE
    )
    nomination = models.ForeignKey(
        Nomination,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("nomination"),
    )
    pledges = models.ManyToManyField(
        Pledge, blank=True, related_name="proposals", verbose_name=_("pledges as evidence")
    )
    decision = models.ForeignKey(
        "Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("decision"),
        help_text=_("The decision whose annexed list names this passed proposal."),
    )
    votes_for = models.PositiveSmallIntegerField(
        _("votes in favour"),
        null=True,
        blank=True,
        help_text=_("Left empty until the council has voted."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    name_key = models.CharField(max_length=200, editable=False, db_index=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "unit", "honoree_kind", "name_key", "form"],
                name="proposal_once_per_round",
                violation_error_message=_(
                    "This honoree is already proposed for this title or form in the round."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.honoree_name} – {self.form}"

    def save(self, *args, **kwargs):
        self.name_key = search_key(self.honoree_name)[:200]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.form_id and (refusal := self.refusal_of(self.form)):
            raise ValidationError({"form": refusal})

    def outcome(self, members: int, share: str = DEFAULT_PASS_SHARE) -> str:
        """Computed from the votes, never typed: `members` is the council's size, `share` the
        title's or form's rule (AwardRule)."""
        return outcome_of(self.votes_for, members, share)

    @property
    def computed_outcome(self) -> str:
        """The outcome on a row read `with_outcome_inputs()`."""
        return self.outcome(self.council_size, self.pass_share)


def outcome_of(votes_for: int | None, members: int, share: str = DEFAULT_PASS_SHARE) -> str:
    """A proposal's outcome from its votes in favour (None: not voted), the council's size and
    its title's or form's rule: the one rule `Proposal.outcome` and the round's counts use."""
    if votes_for is None:
        return Proposal.Outcome.PENDING
    if members and votes_for >= votes_needed(share, members):
        return Proposal.Outcome.PASSED
    return Proposal.Outcome.FAILED


# ---------------------------------------------------------------------------------------------
# The decision and the awards it records.


class DecisionQuerySet(models.QuerySet):
    def issued(self) -> DecisionQuerySet:
        return self.filter(status=Decision.Status.ISSUED)

    def public(self) -> DecisionQuerySet:
        """What visitors may see: issued decisions the office marked public."""
        return self.issued().filter(is_public=True)

    def visible_to(self, user) -> DecisionQuerySet:
        """The office reads every decision; everyone else only the public ones."""
        return self if is_office(user) else self.public()


class Decision(Versioned, models.Model):
    """A commendation decision (quyết định khen thưởng) with the annexed list of honourees."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Issued")

    class NewsItems(models.TextChoices):
        EACH = "each", _("One draft commendation per honouree")
        ONE = "one", _("One draft commendation for the decision")
        NONE = "none", _("No commendation news")

    KIND = "QĐ"

    round = models.ForeignKey(
        EvaluationRound,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("evaluation round"),
    )
    amends = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendments",
        verbose_name=_("amends decision"),
        help_text=_("An issued decision is never changed: a correction is a new decision."),
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("campaign"),
    )
    number = models.PositiveIntegerField(
        pgettext_lazy("decision", "number"), validators=[MinValueValidator(1)]
    )
    issuer_code = models.CharField(
        _("issuer's abbreviation"),
        max_length=20,
        help_text=_("Ends the number/symbol, e.g. SCT in 125/QĐ-SCT."),
    )
    year = models.PositiveSmallIntegerField(_("year of the register"), editable=False)
    date = models.DateField(_("date"))
    governing_body = models.CharField(_("governing body"), max_length=200, blank=True)
    issuing_body = models.CharField(pgettext_lazy("decision", "issuing body"), max_length=200)
    place = models.CharField(_("place"), max_length=100)
    abstract = models.CharField(_("abstract"), max_length=400)
    grounds = BoundedTextField(
        _("legal grounds"),
        max_length=5000,
        help_text=_("One ground (Căn cứ …) per line."),
    )
    executors = BoundedTextField(
        _("executed by"),
        max_length=2000,
        help_text=_("Article 3: who carries out the decision."),
    )
    recipients = BoundedTextField(
        pgettext_lazy("decision", "recipients"),
        max_length=2000,
        help_text=_("One recipient per line."),
    )
    signer_position = models.CharField(_("signer's position"), max_length=150)
    signer_on_behalf_of = models.CharField(
        _("signing on behalf of (KT.)"),
        max_length=150,
        blank=True,
        help_text=_("e.g. GIÁM ĐỐC when a deputy signs: the print reads “KT. GIÁM ĐỐC”."),
    )
    signer_name = models.CharField(_("signer's name"), max_length=150)
    news_items = models.CharField(
        _("commendation news"),
        max_length=8,
        choices=NewsItems,
        default=NewsItems.EACH,
        help_text=_("Drafts made when the decision is issued, for the office to finish."),
    )
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Visitors see its number, date and annexed list once it is issued."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status, default=Status.DRAFT, db_index=True
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued in the portal by"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()
    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("commendation decision")
        verbose_name_plural = _("commendation decisions")
        ordering = ["-date", "-number", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer_code", "year", "number"],
                name="decision_number_once_per_issuer_and_year",
                violation_error_message=_("This number is already used by the issuer this year."),
            ),
        ]

    def __str__(self) -> str:
        return self.symbol

    def save(self, *args, **kwargs):
        self.year = self.date.year
        super().save(*args, **kwargs)

    @property
    def symbol(self) -> str:
        """Number and symbol as printed: 125/QĐ-SCT."""
        return f"{self.number}/{self.KIND}-{self.issuer_code}"

    def is_issued(self) -> bool:
        return self.status == self.Status.ISSUED

    @classmethod
    def next_free_number(cls, issuer_code: str, year: int) -> int:
        """The number after the highest in the issuer's register for the year."""
        top = cls.objects.filter(issuer_code=issuer_code, year=year).aggregate(
            top=models.Max("number")
        )["top"]
        return (top or 0) + 1


class Salutation(models.TextChoices):
    """How a certificate names a person: Ông (Mr) or Bà (Ms); a collective has none."""

    MR = "ong", _("Mr")
    MS = "ba", _("Ms")


class AwardQuerySet(models.QuerySet):
    def visible_to(self, user) -> AwardQuerySet:
        """Achievement records: the office reads all; a unit head their own units' and their
        people's; visitors none (a public page shows only what a published commendation or a
        public decision already says)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if is_office(user):
            return self
        return self.filter(unit__in=Unit.objects.filter(roles__user=user).values("pk"))

    def of_person(self, unit: Unit, name: str) -> AwardQuerySet:
        return self.filter(
            unit=unit, honoree_kind=HonoreeKind.PERSON, name_key=search_key(name)[:200]
        )

    def of_collective(self, unit: Unit) -> AwardQuerySet:
        return self.filter(unit=unit, honoree_kind=HonoreeKind.COLLECTIVE)


class Award(Honoree):
    """One line of an honouree's achievement record (hồ sơ thành tích): a title or form
    received, by a decision of this portal or imported from earlier years.

    A person is known by their name within their unit (folded, so "Nguyễn Văn Đức" and
    "NGUYEN VAN DUC" are one person); a collective is its unit."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="awards", verbose_name=_("unit")
    )
    name_key = models.CharField(max_length=200, editable=False, db_index=True, default="")
    form = models.ForeignKey(
        CommendationForm,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("emulation title or form of commendation"),
    )
    form_name = models.CharField(
        _("title or form as awarded"),
        max_length=300,
        help_text=_("As the decision names it, e.g. Giấy khen của Giám đốc Sở Công Thương."),
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    decision = models.ForeignKey(
        Decision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("decision"),
    )
    decision_number = DocumentNumberField(_("decision number"))
    decision_date = models.DateField(_("decision date"))
    issuer = models.CharField(
        _("conferred by"), max_length=200, help_text=_("e.g. Giám đốc Sở Công Thương tỉnh Bến Tre.")
    )
    achievement = BoundedTextField(_("achievement"), max_length=2000, blank=True)
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("campaign"),
    )
    proposal = models.OneToOneField(
        Proposal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="award",
        verbose_name=_("proposal"),
    )
    commendation = models.ForeignKey(
        Commendation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("commendation news"),
    )
    amount = models.PositiveIntegerField(_("award money (đồng)"), null=True, blank=True)
    salutation = models.CharField(
        _("salutation"),
        max_length=3,
        choices=Salutation,
        blank=True,
        default="",
        help_text=_("Printed before a person's name on the certificate; blank for a collective."),
    )
    imported = models.BooleanField(_("imported"), default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("award in a record")
        verbose_name_plural = _("achievement records")
        ordering = ["-decision_date", "-pk"]
        indexes = [models.Index(fields=["unit", "honoree_kind", "name_key", "year"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(imported=True) | Q(decision__isnull=False),
                name="award_from_a_decision_unless_imported",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.honoree_name} – {self.form_name} ({self.decision_number})"

    def save(self, *args, **kwargs):
        self.name_key = search_key(self.honoree_name)[:200]
        super().save(*args, **kwargs)


# ---------------------------------------------------------------------------------------------
# Certificates (giấy khen): printed on the office's pre-printed paper.


class CertificateLayout(models.Model):
    """How the certificates sit on the office's pre-printed paper: one row, kept by the office.

    The offsets move the printed text as a whole, so that it lands in the paper's frame; an
    emblem is printed only when the office uploads one (never an outside asset)."""

    OFFSET_LIMIT_MM = 40

    offset_top_mm = models.SmallIntegerField(
        _("move the text down (mm)"),
        default=0,
        validators=[MinValueValidator(-OFFSET_LIMIT_MM), MaxValueValidator(OFFSET_LIMIT_MM)],
        help_text=_(
            "Millimetres between −40 and 40; a negative number moves the text up. Print one "
            "certificate on plain paper, hold it against the pre-printed paper and measure."
        ),
    )
    offset_left_mm = models.SmallIntegerField(
        _("move the text right (mm)"),
        default=0,
        validators=[MinValueValidator(-OFFSET_LIMIT_MM), MaxValueValidator(OFFSET_LIMIT_MM)],
        help_text=_("Millimetres between −40 and 40; a negative number moves the text left."),
    )
    font_size_pt = models.PositiveSmallIntegerField(
        _("font size (pt)"),
        default=14,
        validators=[MinValueValidator(10), MaxValueValidator(20)],
        help_text=_("Of the certificate's text, between 10 and 20; the name prints larger."),
    )
    emblem = models.ImageField(
        _("emblem"),
        upload_to="certificates/",
        storage=get_private_storage,
        max_length=200,
        blank=True,
        help_text=_("Printed at the top of each certificate; none unless you upload one."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("certificate layout")
        verbose_name_plural = _("certificate layout")

    def __str__(self) -> str:
        return str(_("Certificate layout"))

    @classmethod
    def current(cls) -> CertificateLayout:
        """The office's layout, or the defaults (unsaved) before it set one: reading writes
        nothing."""
        return cls.objects.order_by("pk").first() or cls()

    @classmethod
    def load(cls) -> CertificateLayout:
        """The one row, made with the defaults the first time it is asked for."""
        layout = cls.objects.order_by("pk").first()
        return layout if layout is not None else cls.objects.create()
