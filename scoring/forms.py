from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from kit import numbers
from kit.forms import VersionedModelForm
from scoring.models import Criterion, Score, ScoringRound, plain, points_display


class ScoringRoundAdminForm(VersionedModelForm):
    """The round's details; a save over another office admin's newer one is refused."""

    conflict_message = _(
        "Another office admin changed this round while you were editing it. "
        "Copy your changes, reload the page and apply them again."
    )

    class Meta:
        model = ScoringRound
        fields = ["campaign", "kind", "title", "held_on", "note"]


class UnitScoresForm(forms.Form):
    """One number per criterion of the round's campaign for one unit; an empty box means the
    criterion is not scored (and clears an earlier score)."""

    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, criteria: list[Criterion], scores: dict[int, Score], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            maximum = points_display(criterion.max_points)
            current = scores.get(criterion.pk)
            self.fields[self.field_name(criterion)] = numbers.DecimalField(
                label=f"{criterion.theme.number}.{criterion.number}. {criterion.title}",
                required=False,
                min_value=Decimal(0),
                max_value=criterion.max_points,
                max_digits=6,
                decimal_places=2,
                initial=plain(current.points) if current else None,
                help_text=_("From 0 to %(max)s points.") % {"max": maximum},
                error_messages={
                    "max_value": _(
                        "“%(criterion)s” gives at most %(max)s points; enter %(max)s or less."
                    )
                    # Django fills the validator's own parameters in afterwards.
                    % {"criterion": criterion.title.replace("%", "%%"), "max": maximum},
                    "min_value": _("Points cannot be negative."),
                },
                # Typed in the page's notation: 7,5 in Vietnamese, 7.5 in English.
                widget=forms.TextInput(attrs={"size": 6}),
            )

    @staticmethod
    def field_name(criterion: Criterion) -> str:
        return f"criterion_{criterion.pk}"

    def points(self) -> dict[int, Decimal | None]:
        return {c.pk: self.cleaned_data.get(self.field_name(c)) for c in self.criteria}

    def by_theme(self) -> list[tuple]:
        """(theme, [bound fields]) in order, for the template."""
        groups: list[tuple] = []
        for criterion in self.criteria:
            if not groups or groups[-1][0].pk != criterion.theme_id:
                groups.append((criterion.theme, []))
            groups[-1][1].append(self[self.field_name(criterion)])
        return groups
