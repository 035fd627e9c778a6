"""Public pages that gather content from several apps (campaign, units, pledges, news).

This module sits on top: it may import every app; no app imports it.
"""

from django.shortcuts import get_object_or_404, render

from campaign.models import Campaign, Theme, current_campaign
from news.models import Commendation
from units.models import Unit, UnitRole

# How many commendations a theme or unit page shows before linking to the filtered news list.
PAGE_COMMENDATIONS = 6


def home(request):
    campaign = current_campaign(request)
    context = {"campaign": campaign}
    if campaign is not None:
        context["themes"] = campaign.themes.all()
        context["documents"] = campaign.legal_documents.order_by("campaigndocument__position")
    context["latest_commendations"] = _commendations()[:3]
    return render(request, "campaign/home.html", context)


def theme_detail(request, slug: str, number: int):
    theme = get_object_or_404(
        Theme.objects.select_related("campaign").filter(campaign__in=Campaign.objects.public()),
        campaign__slug=slug,
        number=number,
    )
    context = {"theme": theme, "campaign": theme.campaign, "themes": theme.campaign.themes.all()}
    context["theme_commendations"] = _commendations().filter(theme=theme)[:PAGE_COMMENDATIONS]
    return render(request, "campaign/theme_detail.html", context)


def unit_detail(request, slug: str):
    unit = get_object_or_404(Unit.objects.active().select_related("parent"), slug=slug)
    context = {
        "unit": unit,
        "roles": UnitRole.objects.filter(unit=unit).select_related("user"),
        "children": unit.children.active(),
        "unit_commendations": _commendations().filter(unit=unit)[:PAGE_COMMENDATIONS],
    }
    return render(request, "units/unit_detail.html", context)


def _commendations():
    return Commendation.objects.published().with_related().newest_first()
