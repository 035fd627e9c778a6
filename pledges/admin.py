"""The office reviews pledges here: the list opens on the submitted ones; "accept" and "return"
(with a reason) go through the same services as the portal's review page. Pledge texts and the
progress timeline are read-only: units write them, and history keeps every change."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from kit.admin_history import ReadOnlyHistoryMixin
from kit.admin_mixins import (
    ActionsOnlyAdminMixin,
    ReadOnlyAdminMixin,
    TransitionActionsMixin,
)
from kit.admin_text import HistoryValuesMixin
from kit.admin_widgets import truncated_column
from pledges import services
from pledges.forms import ReturnReasonForm
from pledges.models import Evidence, Pledge, ProgressReport


def _refusal(pledge: Pledge, error: Exception) -> str:
    if isinstance(error, services.PledgeStateError):
        reason = error.message
    elif isinstance(error, ValidationError):
        reason = " ".join(error.messages)
    else:
        reason = _("you may not review pledges.")
    return f"{pledge.title}: {reason}"


class StatusFilter(admin.SimpleListFilter):
    """Status, opening on "submitted": what the office has to act on."""

    title = _("status")
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Pledge.Status.choices, (self.ALL, _("All"))]

    def value(self):
        return super().value() or Pledge.Status.SUBMITTED

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == self.ALL:
            return queryset
        return queryset.filter(status=self.value())


class FieldsReadOnlyMixin:
    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields] + [
            f.name for f in self.model._meta.many_to_many
        ]


class ProgressReportInline(FieldsReadOnlyMixin, ReadOnlyAdminMixin, admin.TabularInline):
    model = ProgressReport
    extra = 0
    fields = ["reported_at", "percent", "narrative", "reported_by"]
    show_change_link = True


@admin.register(Pledge)
class PledgeAdmin(
    FieldsReadOnlyMixin,
    ActionsOnlyAdminMixin,
    TransitionActionsMixin,
    ReadOnlyHistoryMixin,
    HistoryValuesMixin,
    SimpleHistoryAdmin,
):
    list_display = [
        "title_short", "unit", "theme", "status", "latest_percent", "due_on", "submitted_at",
    ]  # fmt: skip
    title_short = truncated_column(Pledge, "title")
    list_filter = [StatusFilter, "campaign", "theme", "unit"]
    list_select_related = ["unit", "theme"]
    search_fields = ["title", "commitment", "unit__name_vi", "unit__short_name_vi"]
    date_hierarchy = "submitted_at"
    ordering = ["submitted_at", "pk"]
    actions = ["accept", "return_with_reason"]
    inlines = [ProgressReportInline]
    fieldsets = [
        (None, {"fields": ["campaign", "unit", "theme", "title", "commitment"]}),
        (
            _("Target"),
            {"fields": ["target_value", "target_unit", "due_on", "legal_documents"]},
        ),
        (
            _("Review"),
            {
                "fields": [
                    "status",
                    "created_by",
                    "created_at",
                    "submitted_by",
                    "submitted_at",
                    "reviewed_by",
                    "reviewed_at",
                    "review_note",
                ]
            },
        ),  # fmt: skip
        (
            _("Progress"),
            {"fields": ["latest_percent", "latest_report_at", "completed_at", "version"]},
        ),
    ]

    # A pledge offered as evidence (another record's autocomplete field of this name, e.g. an
    # evaluation round's proposal) is one the office accepted: running or completed.
    EVIDENCE_FIELD = "pledges"

    def get_search_results(self, request, queryset, search_term):
        found, duplicates = super().get_search_results(request, queryset, search_term)
        if request.GET.get("field_name") == self.EVIDENCE_FIELD:
            found = found.filter(status__in=[Pledge.Status.ACCEPTED, Pledge.Status.COMPLETED])
        return found, duplicates

    def _run(self, request, queryset, transition, **kwargs) -> None:
        self.apply_to_selection(
            request,
            queryset,
            lambda pledge: transition(pledge=pledge, actor=request.user, **kwargs),
            errors=(services.PledgeStateError, ValidationError, PermissionDenied),
            refusal=_refusal,
            done_message=lambda n: (
                ngettext("%(n)d pledge done.", "%(n)d pledges done.", n) % {"n": n}
            ),
        )

    @admin.action(description=_("Accept the selected pledges"), permissions=["change"])
    def accept(self, request, queryset):
        self._run(request, queryset, services.pledge_accept)

    @admin.action(
        description=_("Return the selected pledges for completion…"), permissions=["change"]
    )
    def return_with_reason(self, request, queryset):
        if "apply" in request.POST:
            form = ReturnReasonForm(request.POST)
            if form.is_valid():
                self._run(
                    request, queryset, services.pledge_return, reason=form.cleaned_data["reason"]
                )
                return None
        else:
            form = ReturnReasonForm()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Return pledges for completion"),
            "opts": self.model._meta,
            "pledges": queryset.select_related("unit"),
            "form": form,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
        }
        return TemplateResponse(request, "admin/pledges/pledge/return_reason.html", context)


class EvidenceInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["preview", "original_name", "width", "height"]

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    @admin.display(description=_("image"))
    def preview(self, obj):
        return format_html(
            '<a href="{}"><img src="{}" alt="" width="160"></a>',
            obj.get_absolute_url(),
            obj.get_thumbnail_url(),
        )


@admin.register(ProgressReport)
class ProgressReportAdmin(
    FieldsReadOnlyMixin,
    ReadOnlyAdminMixin,
    ReadOnlyHistoryMixin,
    HistoryValuesMixin,
    SimpleHistoryAdmin,
):
    list_display = ["pledge_short", "percent", "reported_by", "reported_at"]
    pledge_short = truncated_column(ProgressReport, "pledge")
    list_filter = ["reported_at", "pledge__campaign", "pledge__unit"]
    list_select_related = ["pledge", "reported_by"]
    search_fields = ["pledge__title", "narrative"]
    date_hierarchy = "reported_at"
    inlines = [EvidenceInline]


@admin.register(Evidence)
class EvidenceAdmin(
    FieldsReadOnlyMixin,
    ReadOnlyAdminMixin,
    ReadOnlyHistoryMixin,
    HistoryValuesMixin,
    SimpleHistoryAdmin,
):
    list_display = ["thumbnail_preview", "original_name", "report"]
    list_select_related = ["report__pledge"]
    search_fields = ["original_name", "report__pledge__title"]

    @admin.display(description=_("image"))
    def thumbnail_preview(self, obj):
        return format_html(
            '<img src="{}" alt="" width="80">', reverse("pledges:evidence-thumb", args=[obj.pk])
        )
