"""Admin of the achievement records (hồ sơ thành tích): every honouree's awards, and the import
of earlier years' records from a spreadsheet.

An award recorded by a decision of the portal is read-only here: it changes only by an amending
decision. A line imported (or typed in) from earlier years may be corrected or removed.
"""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from awards.importing import COLUMNS, awards_import, template_workbook
from awards.models import Award
from kit.admin_widgets import AutocompleteMixin
from kit.text import search_phrases
from units.forms import UnitImportForm
from units.importing import ImportInvalid
from units.models import Unit
from units.spreadsheet import UnreadableFile

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class OriginFilter(admin.SimpleListFilter):
    title = _("recorded by")
    parameter_name = "origin"

    def lookups(self, request, model_admin):
        return [("decision", _("A decision in the portal")), ("imported", _("Imported"))]

    def queryset(self, request, queryset):
        if self.value() == "decision":
            return queryset.filter(imported=False)
        if self.value() == "imported":
            return queryset.filter(imported=True)
        return queryset


@admin.register(Award)
class AwardAdmin(AutocompleteMixin, admin.ModelAdmin):
    list_display = [
        "year",
        "honoree_name",
        "honoree_kind",
        "unit",
        "form_name",
        "decision_number",
        "decision_date",
        "origin",
    ]
    list_filter = [
        "year",
        "honoree_kind",
        OriginFilter,
        ("form", admin.RelatedOnlyFieldListFilter),
        ("unit", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["unit"]
    ordering = ["-year", "-decision_date", "-pk"]
    search_fields = ["decision_number"]  # and the folded names: get_search_results
    search_help_text = _("Name of the person or unit, accents optional, or the decision number.")
    autocomplete_fields = ["unit", "form", "campaign"]
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["honoree_kind", "honoree_name", "position", "unit"]}),
        (
            _("Award"),
            {
                "fields": [
                    "year",
                    "form",
                    "form_name",
                    "decision_number",
                    "decision_date",
                    "issuer",
                    "achievement",
                    "campaign",
                    "amount",
                ]
            },
        ),
    ]
    decision_fieldsets = [
        (None, {"fields": ["honoree_kind", "honoree_name", "position", "unit"]}),
        (
            _("Award"),
            {
                "fields": [
                    "year",
                    "form",
                    "form_name",
                    "decision",
                    "decision_number",
                    "decision_date",
                    "issuer",
                    "achievement",
                    "campaign",
                    "amount",
                ]
            },
        ),
    ]

    @admin.display(description=_("recorded by"))
    def origin(self, award: Award) -> str:
        return _("Imported") if award.imported else _("Decision")

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not obj.imported:
            return self.decision_fieldsets
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.imported:
            # Recorded by a decision: changed only by an amending decision.
            return [f for fs in self.decision_fieldsets for f in fs[1]["fields"]]
        return []

    def has_change_permission(self, request, obj=None):
        if obj is not None and not obj.imported:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not obj.imported:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        # Deleting in bulk would pass over the decisions' awards; delete lines one by one.
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        if not change:
            obj.imported = True  # typed in from an earlier year's decision
        super().save_model(request, obj, form, change)

    def get_search_results(self, request, queryset, search_term):
        # The names folded, as people type them: "duc" or "đức" finds "Nguyễn Văn Đức".
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        phrases = search_phrases(search_term or "")
        if phrases:
            by_name = Q()
            for phrase in phrases:
                by_name &= Q(name_key__contains=phrase.strip())
            units = Unit.objects.search(search_term).values("pk")
            found = found | queryset.filter(by_name | Q(unit__in=units))
        return found, may_have_duplicates

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="awards_award_import",
            ),
            path(
                "import/template.xlsx",
                self.admin_site.admin_view(self.template_view),
                name="awards_award_import_template",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "may_import": self.may_import(request)}
        return super().changelist_view(request, extra_context)

    def may_import(self, request) -> bool:
        return request.user.has_perm("awards.add_award")

    def import_view(self, request):
        """Upload earlier years' records: every row is checked, and the file is imported only
        when it has no problem at all."""
        if not self.may_import(request):
            raise PermissionDenied
        form = UnitImportForm(request.POST or None, request.FILES or None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import achievement records"),
            "form": form,
            "columns": COLUMNS,
            "template_url": reverse("admin:awards_award_import_template"),
        }
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                context["report"] = awards_import(
                    data=upload.read(),
                    filename=upload.name,
                    actor=request.user,
                    dry_run=form.cleaned_data["dry_run"],
                )
            except UnreadableFile as error:
                form.add_error("file", error.message)
            except ImportInvalid as invalid:
                context["errors"] = invalid.errors
        return TemplateResponse(request, "admin/awards/award/import.html", context)

    def template_view(self, request):
        if not self.may_import(request):
            raise PermissionDenied
        response = HttpResponse(template_workbook(), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="ho-so-thanh-tich-mau.xlsx"'
        return response
