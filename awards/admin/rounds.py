"""Admin of the awards' rounds: the voting rule per title or form, the evaluation rounds with
their council, and the proposals the office adds itself. Votes are recorded on the round's page
(awards:round), which checks them against the council's size and the round's version."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from awards.models import (
    AwardRule,
    CouncilMember,
    EvaluationRound,
    Proposal,
    votes_needed,
)
from kit.admin_widgets import AutocompleteMixin
from kit.forms import VersionedModelForm
from kit.text import search_key
from pledges.models import Pledge

DEFAULT_RULE = _(
    "A title or form without a rule here passes with more than half of the council's members "
    "(counted over all the members, present or not)."
)
# Evidence a proposal may link to: pledges the office accepted, done or still running.
EVIDENCE_STATUSES = [Pledge.Status.ACCEPTED, Pledge.Status.COMPLETED]


@admin.register(AwardRule)
class AwardRuleAdmin(admin.ModelAdmin):
    list_display = ["form", "pass_share", "example"]
    list_select_related = ["form"]
    fields = ["form", "pass_share"]

    @admin.display(description=_("votes needed of 5 / 7 / 9 members"))
    def example(self, obj):
        return " / ".join(str(votes_needed(obj.pass_share, n)) for n in (5, 7, 9))

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "subtitle": DEFAULT_RULE}
        return super().changelist_view(request, extra_context)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "pass_share":
            field.help_text = format_html("{} {}", db_field.help_text, DEFAULT_RULE)
        return field


class CouncilMemberInline(admin.TabularInline):
    model = CouncilMember
    fields = ["name", "position", "role", "attended", "order"]
    extra = 0

    def has_change_permission(self, request, obj=None):
        if obj is not None and not obj.is_open():
            return False
        return super().has_change_permission(request, obj)

    has_add_permission = has_change_permission
    has_delete_permission = has_change_permission


class EvaluationRoundForm(VersionedModelForm):
    class Meta:
        model = EvaluationRound
        fields = "__all__"


@admin.register(EvaluationRound)
class EvaluationRoundAdmin(AutocompleteMixin, admin.ModelAdmin):
    form = EvaluationRoundForm
    list_display = ["title", "campaign", "stage", "year", "meeting_date", "status", "table_link"]
    list_filter = ["status", "stage", "year"]
    list_select_related = ["campaign"]
    search_fields = ["title"]
    autocomplete_fields = ["campaign"]
    # A handful of titles and forms: ticked in a list, read at a glance (and by screen readers).
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    inlines = [CouncilMemberInline]
    fieldsets = [
        (None, {"fields": ["title", "campaign", "stage", "year", "forms"]}),
        (_("Meeting"), {"fields": ["meeting_date", "meeting_place", "minutes_number"]}),
        (_("Submission"), {"fields": ["submission_number", "submission_date"]}),
        (None, {"fields": ["status"]}),
    ]

    @admin.display(description=_("proposals"))
    def table_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("awards:round", args=[obj.pk]), _("Proposal table")
        )

    def view_on_site(self, obj):
        return reverse("awards:round", args=[obj.pk])

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = [
            "round",
            "honoree_name",
            "honoree_kind",
            "position",
            "unit",
            "form",
            "achievements",
            "pledges",
            "order",
        ]

    def clean(self):
        cleaned = super().clean()
        evaluation, unit = cleaned.get("round"), cleaned.get("unit")
        name, kind, form = (cleaned.get(k) for k in ("honoree_name", "honoree_kind", "form"))
        if evaluation is not None and not evaluation.is_open():
            raise ValidationError(_("This round is decided: it takes no more proposals."))
        if evaluation and unit and name and kind and form:
            # The round's unique constraint, on the folded name the model saves.
            twins = Proposal.objects.filter(
                round=evaluation,
                unit=unit,
                honoree_kind=kind,
                name_key=search_key(name)[:200],
                form=form,
            ).exclude(pk=self.instance.pk)
            if twins.exists():
                raise ValidationError(
                    _("This honoree is already proposed for this title or form in the round.")
                )
        pledges = cleaned.get("pledges")
        if unit is not None and pledges:
            others = [p for p in pledges if p.unit_id != unit.pk]
            if others:
                self.add_error(
                    "pledges",
                    _("Only the unit's own pledges are evidence: %(titles)s is not.")
                    % {"titles": "; ".join(p.title for p in others)},
                )
        return cleaned


@admin.register(Proposal)
class ProposalAdmin(AutocompleteMixin, admin.ModelAdmin):
    form = ProposalForm
    list_display = [
        "honoree_name",
        "honoree_kind",
        "unit",
        "form",
        "round",
        "votes_for",
        "outcome",
        "source",
    ]
    list_filter = ["round", "source", "honoree_kind", "form"]
    list_select_related = ["unit", "form", "round"]
    search_fields = ["honoree_name", "unit__name_vi", "unit__short_name_vi"]
    autocomplete_fields = ["unit", "pledges"]
    readonly_fields = ["source", "nomination", "votes_for"]
    fieldsets = [
        (None, {"fields": ["round", "order"]}),
        (_("Honoree"), {"fields": ["honoree_name", "honoree_kind", "position", "unit"]}),
        (None, {"fields": ["form", "achievements", "pledges"]}),
        (_("Origin and vote"), {"fields": ["source", "nomination", "votes_for"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_outcome_inputs()

    @admin.display(description=_("outcome"))
    def outcome(self, obj):
        return Proposal.Outcome(obj.computed_outcome).label

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("source", Proposal.Source.OFFICE)
        return initial

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "round" and "queryset" not in kwargs:
            kwargs["queryset"] = EvaluationRound.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "pledges":
            kwargs["queryset"] = Pledge.objects.filter(status__in=EVIDENCE_STATUSES)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _decided(self, obj) -> bool:
        return obj is not None and not obj.round.is_open()

    def has_change_permission(self, request, obj=None):
        return not self._decided(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._decided(obj) and super().has_delete_permission(request, obj)

    def view_on_site(self, obj):
        return reverse("awards:round", args=[obj.round_id])

    # Saved, the office is back on the round's proposal table.
    def response_post_save_add(self, request, obj):
        return redirect("awards:round", pk=obj.round_id)

    def response_post_save_change(self, request, obj):
        return redirect("awards:round", pk=obj.round_id)
