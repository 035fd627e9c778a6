"""The public leaderboard: the units ranked by their points at a published review round."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from campaign.models import Campaign, current_campaign
from scoring.models import Criterion, Score, ScoringRound
from scoring.ranking import round_standings
from units.models import Unit


def leaderboard(request, slug: str, pk: int | None = None):
    """A campaign's published rounds; the newest one (or the one asked for) ranked. A fixed
    number of queries, however many units were scored."""
    campaign = get_object_or_404(Campaign.objects.public(), slug=slug)
    rounds = list(ScoringRound.objects.published().filter(campaign=campaign).newest_first())
    if pk is None:
        selected = rounds[0] if rounds else None
    else:
        selected = next((r for r in rounds if r.pk == pk), None)
        if selected is None:
            raise Http404
    context = {"campaign": campaign, "rounds": rounds, "round": selected}
    if selected is not None:
        maxima = Criterion.objects.filter(theme__campaign=campaign).max_by_theme()
        themes = [t for t in campaign.themes.all() if t.pk in maxima]
        standings = round_standings(
            Score.objects.published().filter(round=selected), units=Unit.objects.active()
        ).get(selected.pk, [])
        theme_ids = [t.pk for t in themes]
        context.update(
            themes=[(theme, maxima[theme.pk]) for theme in themes],
            max_total=sum(maxima.values()),
            rows=[(s, s.points_for(theme_ids)) for s in standings],
        )
    return render(request, "scoring/leaderboard.html", context)


def leaderboard_current(request):
    campaign = current_campaign(request)
    if campaign is None:
        raise Http404
    return redirect("scoring:leaderboard", slug=campaign.slug)
