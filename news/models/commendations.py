from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, F, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaign.models import Campaign, Theme
from kit.conflicts import Versioned
from kit.fields import BoundedTextField, DocumentNumberField
from kit.images import ProcessedImage
from kit.text import search_document, search_phrases, vi_slugify
from news.models.honorees import Honoree, HonoreeKind
from news.sanitize import html_to_text, sanitize_html
from units.models import Unit

# Sizes of the commendation photo the pages need: (width, height, crop to exactly that size).
PHOTO_RENDITIONS = {
    "card": (600, 400, True),  # list cards, home, unit and theme pages
    "detail": (1200, 900, False),  # the article, whole photo
    "share": (1200, 630, True),  # Open Graph / Twitter / Zalo previews
}


def _stored(file) -> bool:
    """A file field that names a file which is still in its storage."""
    return bool(file) and file.storage.exists(file.name)


class CommendationForm(models.Model):
    """An item of the catalogue the office keeps: an emulation title (danh hiệu thi đua, e.g.
    Lao động tiên tiến) or a form of commendation (hình thức khen thưởng, e.g. Bằng khen).

    The two are different things under the Law on Emulation and Commendation and are never
    listed as one: `kind` keeps them apart everywhere they are shown.
    """

    class Kind(models.TextChoices):
        # Listed in this order (titles first, as the Law does) by sorting the values descending.
        TITLE = "title", _("Emulation title")
        FORM = "form", _("Form of commendation")

    class Recipients(models.TextChoices):
        ANY = "any", _("Persons and collectives")
        PERSON = "person", _("Persons only")
        COLLECTIVE = "collective", _("Collectives only")

    kind = models.CharField(
        _("kind"),
        max_length=8,
        choices=Kind,
        default=Kind.FORM,
        help_text=_(
            "An emulation title (e.g. Lao động tiên tiến) recognises a year's or a movement's "
            "work; a form of commendation (e.g. Giấy khen, Bằng khen) is awarded by an "
            "authority. The portal lists them apart."
        ),
    )
    name = models.CharField(
        _("name"),
        max_length=150,
        help_text=_("Without the authority, e.g. Lao động tiên tiến, Bằng khen."),
    )
    awarded_by = models.CharField(
        _("awarded by"),
        max_length=150,
        blank=True,
        help_text=_(
            "Who confers it, e.g. the Director of the Department, the Chairman of the Provincial "
            "People's Committee or the Minister of Industry and Trade. A form of commendation is "
            "named with it, as in “Certificate of merit of the Chairman of the Provincial People's "
            "Committee”."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Used in filter addresses; made from the name when left empty."),
    )
    recipients = models.CharField(
        _("given to"),
        max_length=12,
        choices=Recipients,
        default=Recipients.ANY,
        help_text=_("Whether it is awarded to a person, a collective or either."),
    )
    position = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        help_text=_(
            "Order among the titles, or among the forms, on the honour board and in lists; "
            "smaller numbers come first."
        ),
    )
    is_active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("Titles and forms no longer awarded can be switched off."),
    )

    class Meta:
        verbose_name = _("emulation title or form of commendation")
        verbose_name_plural = _("emulation titles and forms of commendation")
        ordering = ["-kind", "position", "pk"]

    def __str__(self) -> str:
        # A form is known by its authority ("Bằng khen của Chủ tịch UBND tỉnh"); a title is not.
        if self.kind == self.Kind.FORM and self.awarded_by:
            return _("%(form)s from the %(authority)s") % {
                "form": self.name,
                "authority": self.awarded_by,
            }
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            # With the authority: "Bằng khen" is awarded by several.
            names = [self.name_vi or self.name, self.awarded_by_vi or self.awarded_by]
            self.slug = vi_slugify(" ".join(n for n in names if n))
        super().save(*args, **kwargs)

    def accepts(self, kind: str) -> bool:
        return self.recipients in (self.Recipients.ANY, kind)


TITLE_OR_FORM_ORDER = (
    "-form__kind",
    "form__position",
    "form_id",
    "honoree_kind",
    "honoree_name",
    "pk",
)


class CommendationQuerySet(models.QuerySet):
    def published(self) -> CommendationQuerySet:
        """What visitors may see: published, its time has come, in a launched campaign.

        Every public place (pages, feeds, sitemap, search) starts from here.
        """
        return self.filter(
            status=Commendation.Status.PUBLISHED,
            publish_at__lte=timezone.now(),
            campaign__in=Campaign.objects.public(),
        )

    def with_related(self) -> CommendationQuerySet:
        """Everything a card or an article shows, in the same query."""
        return self.select_related("unit", "form", "theme", "campaign")

    def by_title_or_form(self) -> CommendationQuerySet:
        """In the catalogue's order (titles, then forms), then collectives and people by name."""
        return self.order_by(*TITLE_OR_FORM_ORDER)

    def by_decision(self) -> CommendationQuerySet:
        """The honour board's order: the newest decision first (by date, then number), the
        commendations of no decision last; within each, `by_title_or_form`'s order."""
        return self.order_by(
            Case(When(decision_number="", then=1), default=0),
            F("decision_date").desc(nulls_last=True),
            F("decision_number").desc(),
            *TITLE_OR_FORM_ORDER,
        )

    def newest_first(self) -> CommendationQuerySet:
        return self.order_by("-publish_at", "-pk")

    def related_to(self, commendation: Commendation) -> CommendationQuerySet:
        """Other commendations of the same unit or the same theme, newest first."""
        match = Q(unit_id=commendation.unit_id)
        if commendation.theme_id:
            match |= Q(theme_id=commendation.theme_id)
        return self.filter(match).exclude(pk=commendation.pk).with_related().newest_first()

    def search(self, query: str) -> CommendationQuerySet:
        """Items in which every word of `query` is found as whole syllables, ignoring case and
        diacritics, in the item's own text, its decision number or its unit's names.

        The folded keys are stored, so this is a plain LIKE that behaves the same on SQLite and
        PostgreSQL: "PHÒNG, CHỐNG DỊCH", "phong chong dich" and "Phòng chống dịch" are equal;
        "doan" finds Đoàn but not "doanh nghiệp"; "125/qd-sct" finds decision 125/QĐ-SCT.
        """
        qs = self
        for phrase in search_phrases(query or ""):
            qs = qs.filter(Q(search_key__contains=phrase) | Q(unit__search_key__contains=phrase))
        return qs


class Commendation(Versioned, Honoree):
    """A published story about an exemplary person or collective and their commendation."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("The address of the article; made from the title when left empty."),
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="commendations",
        verbose_name=_("unit"),
        help_text=_("The unit the honoree belongs to."),
    )
    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="commendations", verbose_name=_("campaign")
    )
    theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commendations",
        verbose_name=_("emulation theme"),
        help_text=_("The theme of the campaign the achievement belongs to, if any."),
    )
    form = models.ForeignKey(
        CommendationForm,
        on_delete=models.PROTECT,
        related_name="commendations",
        verbose_name=_("emulation title or form of commendation"),
    )
    decision_number = DocumentNumberField(
        _("decision number"),
        max_length=40,
        blank=True,
        help_text=_("Number/symbol of the decision conferring it, e.g. 125/QĐ-SCT."),
    )
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    summary = BoundedTextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences for lists, feeds and link previews."),
    )
    # Sanitised HTML written in the admin: a long article with its markup.
    body = BoundedTextField(
        _("body"),
        max_length=50_000,
        blank=True,
        help_text=_(
            "The article. Allowed formatting: paragraphs, headings, bold, italic, underline, "
            "lists, quotes, tables and links (http, https, mailto). Anything else — scripts, "
            "frames, styles, colours, fonts — is removed when saved."
        ),
    )
    photo = models.ImageField(
        _("photo"), upload_to="news/%Y/%m/", blank=True, editable=False, max_length=200
    )
    photo_card = models.ImageField(upload_to="news/%Y/%m/", blank=True, editable=False)
    photo_detail = models.ImageField(upload_to="news/%Y/%m/", blank=True, editable=False)
    photo_share = models.ImageField(upload_to="news/%Y/%m/", blank=True, editable=False)
    photo_caption = models.CharField(
        _("photo caption"),
        max_length=300,
        blank=True,
        help_text=_("Describes the photo for readers who cannot see it."),
    )
    photo_consent = models.BooleanField(
        _("consent to publish the photo"),
        default=False,
        help_text=_(
            "Tick only when the person shown has agreed to their photo being published. "
            "A commendation of a person cannot be published with a photo without it."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Leave empty to publish as soon as the status is Published. A future time "
            "schedules it: it stays invisible everywhere until then."
        ),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    search_key = models.TextField(editable=False, default="")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["search_key"])
    objects = CommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("commendation")
        verbose_name_plural = _("commendations")
        ordering = ["-publish_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(publish_at__isnull=False),
                name="commendation_published_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        if not self.slug:
            self.slug = self._unique_slug()
        if self.status == self.Status.PUBLISHED and self.publish_at is None:
            self.publish_at = timezone.now()
        self.refresh_search_key()
        super().save(*args, **kwargs)
        for storage, name in getattr(self, "_discarded_files", []):
            transaction.on_commit(lambda s=storage, n=name: s.delete(n))
        self._discarded_files = []

    def get_absolute_url(self) -> str:
        return reverse("news:detail", kwargs={"slug": self.slug})

    def _unique_slug(self) -> str:
        # The whole field, as the admin's slug script fills it while the title is typed; a
        # number is added only on a clash, shortening the base to make room.
        size = self._meta.get_field("slug").max_length
        base = vi_slugify(self.title, max_length=size) or "khen-thuong"
        taken = set(
            Commendation.objects.filter(slug__startswith=base[: size - 4])
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, n = base, 2
        while slug in taken:
            suffix = f"-{n}"
            slug, n = base[: size - len(suffix)].rstrip("-") + suffix, n + 1
        return slug

    def is_published(self) -> bool:
        """The instance reading of `Commendation.objects.published()`."""
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
            and self.campaign.is_public()
        )

    is_published.boolean = True
    is_published.short_description = _("visible to the public")

    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    def get_theme_url(self) -> str:
        # The theme's campaign is this commendation's campaign, already loaded with it.
        return reverse(
            "campaign:theme", kwargs={"slug": self.campaign.slug, "number": self.theme.number}
        )

    def _photo_allowed(self) -> bool:
        """A photo of a named person is shown only with their consent."""
        return self.photo_consent or self.honoree_kind == HonoreeKind.COLLECTIVE

    @cached_property
    def show_photo(self) -> bool:
        """Whether the card photo (lists, the honour board, feeds, share previews) is shown.
        A file gone from storage (removed by hand, a restore without media) shows the
        placeholder instead of a broken image."""
        return self._photo_allowed() and _stored(self.photo_card)

    @cached_property
    def show_detail_photo(self) -> bool:
        """Whether the article's whole photo is shown (see show_photo)."""
        return self._photo_allowed() and _stored(self.photo_detail)

    @cached_property
    def body_html(self) -> SafeString:
        # Cleaned again on the way out: a row written around the model is still safe to show.
        return mark_safe(sanitize_html(self.body))  # noqa: S308 - sanitised by nh3 just now

    PHOTO_FIELDS = ("photo", "photo_card", "photo_detail", "photo_share")

    def attach_photo(self, processed: ProcessedImage) -> None:
        """Put a processed photo and its renditions on the instance; stored on save()."""
        self._discard_photo_files()
        self.photo = processed.content
        self.photo_card = processed.renditions["card"]
        self.photo_detail = processed.renditions["detail"]
        self.photo_share = processed.renditions["share"]

    def remove_photo(self) -> None:
        self._discard_photo_files()
        for name in self.PHOTO_FIELDS:
            setattr(self, name, "")
        self.photo_consent = False

    def _discard_photo_files(self) -> None:
        # Replaced files are deleted by save(), after commit: an invalid form or a failed
        # save loses nothing.
        self._discarded_files = getattr(self, "_discarded_files", []) + [
            (f.storage, f.name)
            for f in (getattr(self, name) for name in self.PHOTO_FIELDS)
            if f and getattr(f, "_committed", True)
        ]

    def clean(self) -> None:
        self.body = sanitize_html(self.body)
        if self.status == self.Status.PUBLISHED and self.publish_at is None:
            self.publish_at = timezone.now()
        errors: dict[str, list] = {}
        if self.theme_id and self.campaign_id and self.theme.campaign_id != self.campaign_id:
            errors.setdefault("theme", []).append(
                _("Choose a theme of the campaign “%(campaign)s”.") % {"campaign": self.campaign}
            )
        if self.form_id and (refusal := self.refusal_of(self.form)):
            errors.setdefault("form", []).append(refusal)
        if bool(self.decision_number) != bool(self.decision_date):
            field = "decision_date" if self.decision_number else "decision_number"
            errors.setdefault(field, []).append(
                _("Give both the decision number and its date, or neither.")
            )
        if (
            self.status == self.Status.PUBLISHED
            and self.photo
            and self.honoree_kind == HonoreeKind.PERSON
            and not self.photo_consent
        ):
            errors.setdefault("photo_consent", []).append(
                _(
                    "A photo of a named person is published only with their consent. Tick the "
                    "consent box, remove the photo, or keep the commendation as a draft."
                )
            )
        if errors:
            raise ValidationError(errors)

    def refresh_search_key(self) -> None:
        """Set the search key from the texts; for code that saves without save() (bulk).

        news/migrations/0005 recomputes stored keys with these same fields."""
        self.search_key = search_document(
            self.title,
            self.honoree_name,
            self.position,
            self.decision_number,
            self.summary,
            html_to_text(self.body),
        )
