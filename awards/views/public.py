"""A decision the office marked public, as visitors see it: its number and symbol, date,
issuer, abstract and annexed list (names, units and forms), and nothing else (no award money)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from awards.models import Decision
from news.models.honorees import HonoreeKind

COLLECTIVE = HonoreeKind.COLLECTIVE


@require_safe
@login_not_required
def public_decision(request, pk: int):
    decision = get_object_or_404(Decision.objects.public(), pk=pk)
    awards = list(decision.awards.select_related("unit").order_by("honoree_kind", "name_key", "pk"))
    return render(
        request,
        "awards/public/decision.html",
        {
            "decision": decision,
            "groups": [
                (_("Collectives"), [a for a in awards if a.honoree_kind == COLLECTIVE]),
                (_("Individuals"), [a for a in awards if a.honoree_kind != COLLECTIVE]),
            ],
            "total": len(awards),
        },
    )
