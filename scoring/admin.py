"""The office scores units here: criteria per theme, review rounds, and for each round a score
sheet of every active unit with a page to enter one unit's points per criterion. Publishing a
round puts its results on the public leaderboard; a published round is read-only until it is
returned to draft. Scores keep their whole history."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from kit.admin_history import ReadOnlyHistoryMixin
from kit.admin_mixins import ReadOnlyAdminMixin, TransitionActionsMixin
from kit.admin_text import HistoryValuesMixin
from kit.admin_widgets import AutocompleteMixin
from scoring import services
from scoring.forms import ScoringRoundAdminForm, UnitScoresForm
from scoring.models import Criterion, Score, ScoringRound
from units.models import Unit

SCORE_PERMS = ["scoring.add_score", "scoring.change_score", "scoring.delete_score"]


@admin.register(Criterion)
class CriterionAdmin(AutocompleteMixin, TranslationAdmin):
    list_display = ["title", "theme", "number", "max_points", "campaign"]
    list_display_links = ["title"]
    list_filter = ["theme__campaign"]
    list_select_related = ["theme__campaign"]
    search_fields = ["title_vi", "title_en"]
    autocomplete_fields = ["theme"]
    fields = ["theme", "number", "title", "description", "max_points"]

    @admin.display(description=_("campaign"), ordering="theme__campaign")
    def campaign(self, obj):
        return obj.theme.campaign


def active_units() -> list:
    """Every active unit in tree order (parents before their sub-units), from one query."""
    return [node for root in Unit.objects.active().tree() for node in root.flatten()]


@admin.register(ScoringRound)
class ScoringRoundAdmin(AutocompleteMixin, TransitionActionsMixin, TranslationAdmin):
    form = ScoringRoundAdminForm
    list_display = ["title", "campaign", "kind", "held_on", "status", "published_at", "public_page"]
    list_filter = ["status", "kind", "campaign"]
    list_select_related = ["campaign"]
    search_fields = ["title_vi", "title_en"]
    date_hierarchy = "held_on"
    autocomplete_fields = ["campaign"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["campaign", "kind", "title", "held_on", "note"]}),
        (_("Results"), {"fields": ["status", "published_at", "scoresheet"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        fixed = ["status", "published_at", "scoresheet"]
        if obj is not None and obj.is_published():
            # Published results stay as the units saw them until returned to draft.
            details = ["campaign", "kind", "held_on"]
            details += [f"{name}_{code}" for name in ("title", "note") for code in ("vi", "en")]
            return [*details, *fixed]
        if obj is not None and obj.scores.exists():
            return ["campaign", *fixed]
        return fixed

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:  # the score sheet needs the round to exist
            return fieldsets[:1]
        return fieldsets

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_published():
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        # A round is deleted from its own page, where a published one cannot be; the bulk
        # delete would not ask round by round.
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)
        return actions

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published() else None

    @admin.display(description=_("public page"))
    def public_page(self, obj):
        if not obj.is_published():
            return "–"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("Leaderboard"))

    @admin.display(description=_("score sheet"))
    def scoresheet(self, obj):
        """Every active unit with its points per theme and a link to enter its scores."""
        themes = list(obj.campaign.themes.all())
        criteria = Criterion.objects.of_campaign(obj.campaign).count()
        totals: dict[int, dict[int, object]] = {}
        counts: dict[int, int] = {}
        for row in Score.objects.filter(round=obj).totals():
            totals.setdefault(row["unit_id"], {})[row["theme_id"]] = row["points"]
            counts[row["unit_id"]] = counts.get(row["unit_id"], 0) + row["scored"]
        rows = []
        for node in active_units():
            by_theme = totals.get(node.unit.pk, {})
            rows.append(
                {
                    "node": node,
                    "points": [by_theme.get(theme.pk) for theme in themes],
                    "total": sum(by_theme.values()) if by_theme else None,
                    "scored": counts.get(node.unit.pk, 0),
                    "url": reverse(
                        "admin:scoring_scoringround_unit_scores", args=[obj.pk, node.unit.pk]
                    ),
                }
            )
        return render_to_string(
            "admin/scoring/scoringround/_scoresheet.html",
            {"round": obj, "themes": themes, "rows": rows, "criteria": criteria},
        )

    # Actions ---------------------------------------------------------------------------------

    @admin.action(
        description=_("Publish the results of the selected rounds"), permissions=["change"]
    )
    def publish(self, request, queryset):
        self._run(request, queryset, services.round_publish)

    @admin.action(description=_("Return the selected rounds to draft"), permissions=["change"])
    def unpublish(self, request, queryset):
        self._run(request, queryset, services.round_unpublish)

    def _run(self, request, queryset, transition) -> None:
        self.apply_to_selection(
            request,
            queryset,
            lambda scoring_round: transition(scoring_round=scoring_round, actor=request.user),
            errors=(services.ScoringStateError,),
            refusal=lambda scoring_round, error: error.message,
            done_message=lambda n: (
                ngettext("%(n)d round done.", "%(n)d rounds done.", n) % {"n": n}
            ),
        )

    # Entering one unit's scores ---------------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "<int:pk>/units/<int:unit>/",
                self.admin_site.admin_view(self.unit_scores_view),
                name="scoring_scoringround_unit_scores",
            ),
            *super().get_urls(),
        ]

    def unit_scores_view(self, request, pk: int, unit: int):
        scoring_round = get_object_or_404(
            self.get_queryset(request).select_related("campaign"), pk=pk
        )
        if not (
            self.has_change_permission(request, scoring_round)
            and request.user.has_perms(SCORE_PERMS)
        ):
            raise PermissionDenied
        units = active_units()
        unit_obj = get_object_or_404(Unit.objects.active(), pk=unit)
        criteria = list(Criterion.objects.of_campaign(scoring_round.campaign))
        scores = {
            s.criterion_id: s for s in Score.objects.filter(round=scoring_round, unit=unit_obj)
        }
        saved = None
        read_only = scoring_round.is_published()
        form = UnitScoresForm(
            request.POST or None,
            criteria=criteria,
            scores=scores,
            initial={"token": services.scores_token(scores.values())},
        )
        if read_only:
            for field in form.fields.values():
                field.disabled = True
        if request.method == "POST" and form.is_valid():
            try:
                changed = services.unit_scores_record(
                    scoring_round=scoring_round,
                    unit=unit_obj,
                    points=form.points(),
                    token=form.cleaned_data["token"] or "",
                    actor=request.user,
                )
            except services.StaleScoresError:
                # Show what is saved now beside the user's entries; a second save is deliberate.
                saved = {
                    s.criterion_id: s
                    for s in Score.objects.filter(round=scoring_round, unit=unit_obj)
                }
                data = request.POST.copy()
                data["token"] = services.scores_token(saved.values())
                form = UnitScoresForm(data, criteria=criteria, scores=saved)
                form.is_valid()
                form.add_error(
                    None,
                    gettext(
                        "Another office admin changed this unit's scores while you were "
                        "entering yours, so nothing was saved. The saved points are shown "
                        "beside each box; check them and save again to replace them."
                    ),
                )
            except services.ScoringStateError as refused:
                self.message_user(request, refused.message, messages.ERROR)
                return redirect("admin:scoring_scoringround_change", scoring_round.pk)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request,
                    ngettext(
                        "Scores of %(unit)s saved: %(n)d changed.",
                        "Scores of %(unit)s saved: %(n)d changed.",
                        changed,
                    )
                    % {"unit": unit_obj.name, "n": changed},
                    messages.SUCCESS,
                )
                following = _next_unit(units, unit_obj)
                if "_next" in request.POST and following is not None:
                    return redirect(
                        "admin:scoring_scoringround_unit_scores", scoring_round.pk, following.pk
                    )
                return redirect("admin:scoring_scoringround_change", scoring_round.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": scoring_round,
            "round": scoring_round,
            "unit": unit_obj,
            "form": form,
            "groups": [
                (theme, [(field, (saved or {}).get(_criterion_id(field))) for field in fields])
                for theme, fields in form.by_theme()
            ],
            "stale": saved is not None,
            "read_only": read_only,
            "next_unit": _next_unit(units, unit_obj),
            "title": gettext("Scores of %(unit)s") % {"unit": unit_obj.name},
        }
        return TemplateResponse(request, "admin/scoring/scoringround/unit_scores.html", context)


def _criterion_id(bound_field) -> int:
    return int(bound_field.name.removeprefix("criterion_"))


def _next_unit(nodes, unit):
    ids = [node.unit.pk for node in nodes]
    if unit.pk not in ids:
        return None
    index = ids.index(unit.pk)
    return nodes[index + 1].unit if index + 1 < len(nodes) else None


@admin.register(Score)
class ScoreAdmin(ReadOnlyAdminMixin, ReadOnlyHistoryMixin, HistoryValuesMixin, SimpleHistoryAdmin):
    """Every score with its history; scores are entered on the round's page, unit by unit."""

    list_display = ["unit", "criterion", "points", "round", "updated_by", "updated_at"]
    list_filter = ["round__campaign", "round", "criterion__theme", "unit"]
    list_select_related = ["unit", "criterion__theme", "round", "updated_by"]
    search_fields = ["unit__name_vi", "criterion__title_vi", "round__title_vi"]
    fields = ["round", "unit", "criterion", "points", "max_points", "updated_by", "updated_at"]
    readonly_fields = fields
