"""The office's step between its dashboard and an evaluation round: the dashboard's candidates
(units whose pledges are completed with evidence) become the round's collective proposals.

The shortlist is the dashboard's (`office.reports.commendation_candidates`); the proposals are
written by `awards.rounds`, which never reads the office's dashboard itself.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards import rounds
from awards.models import EvaluationRound
from awards.views.rounds import added_message
from kit.roles import office_required
from office import reports


@require_POST
@office_required
def add_candidates(request, pk: int):
    evaluation = get_object_or_404(EvaluationRound.objects.visible_to(request.user), pk=pk)
    if evaluation.campaign_id is None:
        messages.error(request, _("A round of the year's regular emulation has no candidates."))
        return redirect("awards:round", pk=evaluation.pk)
    shortlist = reports.commendation_candidates(campaign=evaluation.campaign, user=request.user)
    units = [(entry.unit, [item.pledge for item in entry.pledges]) for entry in shortlist.units]
    try:
        result = rounds.propose_candidates(evaluation, units, request.user)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, added_message(result))
    return redirect("awards:round", pk=evaluation.pk)
