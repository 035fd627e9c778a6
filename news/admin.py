from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from kit.admin_history import ReadOnlyHistoryMixin
from kit.admin_mixins import ActionsOnlyAdminMixin
from kit.admin_text import HistoryValuesMixin
from kit.admin_widgets import AutocompleteMixin, truncated_column
from kit.roles import is_office
from news.forms import CommendationAdminForm, DeclineForm
from news.models import Commendation, CommendationForm, Nomination, NominationImage
from news.services import nomination_accept, nomination_decline
from news.views import detail_context


@admin.register(CommendationForm)
class CommendationFormAdmin(TranslationAdmin):
    list_display = ["__str__", "kind", "awarded_by", "recipients", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["kind", "recipients", "is_active"]
    search_fields = ["name_vi", "name_en", "awarded_by_vi", "slug"]
    prepopulated_fields = {"slug": ["name_vi", "awarded_by_vi"]}


class TitleOrFormFilter(admin.SimpleListFilter):
    """Commendations by what they confer: an emulation title or a form of commendation."""

    title = _("title or form")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return CommendationForm.Kind.choices

    def queryset(self, request, queryset):
        if self.value() in CommendationForm.Kind.values:
            return queryset.filter(form__kind=self.value())
        return queryset


class PublishTimeFilter(admin.SimpleListFilter):
    title = _("visibility")
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [
            ("public", _("Visible to the public")),
            ("scheduled", _("Scheduled for later")),
            ("draft", _("Draft")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "public":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.filter(status=Commendation.Status.PUBLISHED, publish_at__gt=now)
        if self.value() == "draft":
            return queryset.filter(status=Commendation.Status.DRAFT)
        return queryset


@admin.register(Commendation)
class CommendationAdmin(
    AutocompleteMixin, ReadOnlyHistoryMixin, HistoryValuesMixin, SimpleHistoryAdmin
):
    form = CommendationAdminForm
    list_display = [
        "title_short",
        "honoree_name_short",
        "status",
        "publish_at",
        "is_published",
        "unit",
        "theme",
        "form",
        "preview_link",
    ]
    title_short = truncated_column(Commendation, "title")
    honoree_name_short = truncated_column(Commendation, "honoree_name")
    list_filter = [
        PublishTimeFilter,
        "status",
        TitleOrFormFilter,
        "form",
        "campaign",
        "theme",
        "unit",
    ]
    list_select_related = ["unit", "theme", "form", "campaign"]
    search_fields = ["decision_number"]  # plus the folded search key, see get_search_results
    search_help_text = _(
        "Title, honoree, unit, text or decision number, as whole words; accents may be left out."
    )
    date_hierarchy = "publish_at"
    autocomplete_fields = ["unit", "campaign"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["current_photo", "author", "created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (
            _("Honoree"),
            {"fields": ["honoree_name", "honoree_kind", "position", "unit"]},
        ),
        (
            _("Commendation"),
            {"fields": ["campaign", "theme", "form", "decision_number", "decision_date"]},
        ),
        (
            _("Photo"),
            {
                "fields": [
                    "current_photo",
                    "photo_upload",
                    "remove_photo",
                    "photo_caption",
                    "photo_consent",
                ]
            },
        ),
        (
            _("Publishing"),
            {"fields": ["status", "publish_at", "author", "created_at", "updated_at"]},
        ),
    ]

    def get_search_results(self, request, queryset, search_term):
        # The public search's rule (whole syllables, accents optional), which also covers the
        # decision number and the unit; Django's own icontains would find "doan" in "doanh".
        queryset, may_have_duplicates = super().get_search_results(request, queryset, "")
        if search_term:
            queryset = queryset.search(search_term)
        return queryset, may_have_duplicates

    def view_on_site(self, obj):
        # Only a public article has a page to view; a draft is seen through the preview.
        return obj.get_absolute_url() if obj.is_published() else None

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    # Display ---------------------------------------------------------------------------------

    @admin.display(description=_("photo"))
    def current_photo(self, obj):
        if not obj or not obj.photo_card:
            return _("No photo yet.")
        return format_html(
            '<img src="{}" alt="" width="300" height="200" loading="lazy">', obj.photo_card.url
        )

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:news_commendation_preview", args=[obj.pk]),
            _("Preview"),
        )

    # Actions ---------------------------------------------------------------------------------

    @admin.action(description=_("Publish the selected commendations"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Commendation.Status.PUBLISHED)

    @admin.action(description=_("Unpublish (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, Commendation.Status.DRAFT)

    def _set_status(self, request, queryset, status: str) -> None:
        done, refused = 0, []
        for commendation in queryset.select_related("campaign", "form", "theme"):
            if commendation.status == status:
                continue
            commendation.status = status
            try:
                with transaction.atomic():
                    commendation.full_clean()
                    commendation._history_user = request.user
                    commendation.save()
            except ValidationError as error:
                reasons = " ".join(str(m) for m in error.messages)
                refused.append(f"“{commendation.title}”: {reasons}")
            else:
                done += 1
        if done:
            message = (
                ngettext(
                    "%(count)d commendation published.",
                    "%(count)d commendations published.",
                    done,
                )
                if status == Commendation.Status.PUBLISHED
                else ngettext(
                    "%(count)d commendation returned to draft.",
                    "%(count)d commendations returned to draft.",
                    done,
                )
            )
            self.message_user(request, message % {"count": done}, messages.SUCCESS)
        for reason in refused:
            self.message_user(
                request, _("Not changed: %(reason)s") % {"reason": reason}, messages.ERROR
            )

    # Preview ---------------------------------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="news_commendation_preview",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request, pk: int):
        """The public article exactly as it will look, whatever its status or time."""
        commendation = get_object_or_404(self.get_queryset(request).with_related(), pk=pk)
        if not self.has_view_or_change_permission(request, commendation):
            raise PermissionDenied
        return TemplateResponse(
            request,
            "news/commendation_detail.html",
            detail_context(request, commendation, preview=True),
        )


class NominationImageInline(admin.TabularInline):
    model = NominationImage
    extra = 0
    fields = ["thumbnail_preview", "original_name"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("image"))
    def thumbnail_preview(self, obj):
        return format_html(
            '<a href="{}"><img src="{}" alt="{}" width="160" loading="lazy"></a>',
            obj.get_absolute_url(),
            obj.get_thumbnail_url(),
            _("Evidence photo %(name)s, full size") % {"name": obj.original_name or obj.pk},
        )


@admin.register(Nomination)
class NominationAdmin(
    ActionsOnlyAdminMixin, ReadOnlyHistoryMixin, HistoryValuesMixin, SimpleHistoryAdmin
):
    """The office's queue: read a nomination, then accept it into a draft or decline it."""

    list_display = [
        "honoree_name_short", "honoree_kind", "unit", "theme", "status", "created_at",
    ]  # fmt: skip
    honoree_name_short = truncated_column(Nomination, "honoree_name")
    list_filter = ["status", "unit", "theme"]
    list_select_related = ["unit", "theme"]
    search_fields = ["honoree_name", "achievements", "unit__name_vi"]
    date_hierarchy = "created_at"
    inlines = [NominationImageInline]
    fields = [
        "status",
        "unit",
        "nominated_by",
        "honoree_name",
        "honoree_kind",
        "position",
        "theme",
        "proposed_form",
        "achievements",
        "created_at",
        "decided_by",
        "decided_at",
        "decline_reason",
        "commendation",
    ]
    readonly_fields = fields

    def changelist_view(self, request, extra_context=None):
        # The queue opens on what is waiting for a decision.
        if not request.GET and not request.POST:
            query = "status__exact=" + Nomination.Status.SUBMITTED
            return redirect(f"{request.path}?{query}")
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        return [
            path(
                "<int:pk>/accept/",
                self.admin_site.admin_view(self.accept_view),
                name="news_nomination_accept",
            ),
            path(
                "<int:pk>/decline/",
                self.admin_site.admin_view(self.decline_view),
                name="news_nomination_decline",
            ),
            *super().get_urls(),
        ]

    def _decidable(self, request, pk: int) -> Nomination:
        nomination = get_object_or_404(
            self.get_queryset(request).select_related("unit", "theme", "nominated_by"), pk=pk
        )
        if not is_office(request.user):
            raise PermissionDenied
        return nomination

    def _context(self, request, nomination: Nomination, **extra) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": nomination,
            "nomination": nomination,
            "title": nomination.honoree_name,
            **extra,
        }

    def _refuse(self, request, nomination: Nomination, error: ValidationError):
        self.message_user(request, " ".join(error.messages), messages.ERROR)
        return redirect("admin:news_nomination_change", nomination.pk)

    def accept_view(self, request, pk: int):
        nomination = self._decidable(request, pk)
        if request.method == "POST":
            try:
                commendation = nomination_accept(nomination=nomination, by=request.user)
            except ValidationError as error:
                return self._refuse(request, nomination, error)
            self.message_user(
                request,
                _(
                    "Nomination accepted; the unit head is told by e-mail. Finish the draft "
                    "commendation below, then publish it."
                ),
                messages.SUCCESS,
            )
            return redirect("admin:news_commendation_change", commendation.pk)
        return TemplateResponse(
            request,
            "admin/news/nomination/accept.html",
            self._context(request, nomination),
        )

    def decline_view(self, request, pk: int):
        nomination = self._decidable(request, pk)
        form = DeclineForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                nomination_decline(
                    nomination=nomination,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                return self._refuse(request, nomination, error)
            self.message_user(
                request,
                _("Nomination declined; the unit head is told the reason by e-mail."),
                messages.SUCCESS,
            )
            return redirect("admin:news_nomination_changelist")
        return TemplateResponse(
            request,
            "admin/news/nomination/decline.html",
            self._context(request, nomination, form=form),
        )
