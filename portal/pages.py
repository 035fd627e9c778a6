"""Public pages that gather content from several apps (campaign, units, pledges, news).

This module sits on top: it may import every app; no app imports it.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject

from campaign import views
from campaign.models import Campaign, Theme, current_campaign
from news.models import Commendation
from pledges.models import Pledge
from pledges.rollups import campaign_rollup
from scoring.models import ScoringRound
from units.models import Unit, UnitRole

# How many commendations a theme or unit page shows before linking to the filtered news list.
PAGE_COMMENDATIONS = 6
# Pledges shown per theme page (24 keeps a national theme page under 60 KB of HTML), and on
# the campaign page (the latest progress).
THEME_PLEDGES_PER_PAGE = 24
CAMPAIGN_LATEST_PLEDGES = 6


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
    # Pledges: the theme's public pledges (a page of them) and its figures, over the whole tree
    # and by branch (pledges.rollups: two queries, or none while cached). All of it is read
    # only when drawn: the page's public part may come whole from the fragment cache.
    pledges = Pledge.objects.public().filter(theme=theme)
    rollup = SimpleLazyObject(lambda: campaign_rollup(theme.campaign))
    context["theme_stats"] = SimpleLazyObject(lambda: rollup.by_theme.get(theme.pk))
    context["branches"] = SimpleLazyObject(lambda: rollup.branches_by_theme.get(theme.pk, []))
    context["theme_pledges"] = SimpleLazyObject(
        lambda: Paginator(
            pledges.select_related("unit").order_by("unit__position", "unit__name", "pk"),
            THEME_PLEDGES_PER_PAGE,
        ).get_page(request.GET.get("page"))
    )
    return render(request, "campaign/theme_detail.html", context)


def unit_detail(request, slug: str):
    unit = get_object_or_404(Unit.objects.active().select_related("parent"), slug=slug)
    context = {
        "unit": unit,
        "roles": UnitRole.objects.filter(unit=unit).select_related("user"),
        "children": unit.children.active(),
        "unit_commendations": _commendations().filter(unit=unit)[:PAGE_COMMENDATIONS],
        # Pledges: the unit's public pledges, grouped by campaign and theme in the template.
        "unit_pledges": Pledge.objects.public()
        .filter(unit=unit)
        .select_related("campaign", "theme__campaign")
        # Each row brings its campaign twice: without the announcement's text in each language.
        .defer(*_long_texts("campaign__", "body"), *_long_texts("theme__campaign__", "body"))
        .order_by("-campaign__published_on", "campaign_id", "theme__number", "pk"),
    }
    return render(request, "units/unit_detail.html", context)


def _long_texts(prefix: str, field: str) -> list[str]:
    """A translated field in every language (modeltranslation), for defer()."""
    codes = [code.replace("-", "_") for code, _name in settings.LANGUAGES]
    return [f"{prefix}{field}", *(f"{prefix}{field}_{code}" for code in codes)]


def _with_stats(themes, rollup) -> list[Theme]:
    themes = list(themes)
    for theme in themes:
        theme.pledge_stats = rollup.by_theme.get(theme.pk)
    return themes


def _commendations():
    return Commendation.objects.published().with_related().newest_first()


class CampaignDetail(views.CampaignDetailView):
    """The campaign at a glance (state, current phase, key figures), its themes with each
    theme's pledge figures, and the latest progress; the full announcement is a page of its own.
    """

    def get_queryset(self):
        # Whether a leaderboard has anything to show, read with the campaign (no query of its
        # own): the link is offered only once a scoring round is published.
        published = ScoringRound.objects.published().filter(campaign=OuterRef("pk"))
        return super().get_queryset().annotate(has_leaderboard=Exists(published))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Pledges: figures per theme (shown on the theme cards) and per branch of the unit tree
        # (pledges.rollups), and the latest progress.
        # Read only when drawn, as on the theme page.
        pledges = Pledge.objects.public().filter(campaign=self.object)
        rollup = SimpleLazyObject(lambda: campaign_rollup(self.object))
        themes = context["themes"]
        context["themes"] = SimpleLazyObject(lambda: _with_stats(themes, rollup))
        context["show_theme_stats"] = True
        context["branches"] = SimpleLazyObject(lambda: rollup.branches)
        context["rollup_total"] = SimpleLazyObject(lambda: rollup.total)
        context["campaign_pledges"] = pledges.select_related("unit", "theme").order_by(
            F("latest_report_at").desc(nulls_last=True), "-pk"
        )[:CAMPAIGN_LATEST_PLEDGES]
        return context


campaign_detail = CampaignDetail.as_view()
