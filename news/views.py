from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csp import csp_override
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from campaign.models import Campaign, current_campaign
from kit.files import UPLOAD_CSP, upload_response
from kit.roles import is_office
from news.forms import CommendationFilterForm, NominationForm, NominationUpdateForm
from news.models import Commendation, CommendationForm, Nomination, NominationImage
from news.services import nomination_submit, nomination_update
from units.models import Unit

# Public pages -------------------------------------------------------------------------------


class CommendationListView(ListView):
    paginate_by = 12
    template_name = "news/commendation_list.html"
    context_object_name = "commendations"

    def get_queryset(self):
        self.filters = CommendationFilterForm(self.request.GET or None)
        return self.filters.filter(Commendation.objects.published().with_related().newest_first())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filters=self.filters, query_string=self.filters.active_query(), **kwargs
        )


def detail_context(request, commendation: Commendation, *, preview: bool = False) -> dict:
    """What the article template needs; shared with the office's preview in the admin."""
    share_image = ""
    if commendation.show_photo:
        share_image = request.build_absolute_uri(commendation.photo_share.url)
    return {
        "commendation": commendation,
        "related": Commendation.objects.published().related_to(commendation)[:3],
        "preview": preview,
        "share_url": request.build_absolute_uri(commendation.get_absolute_url()),
        "share_image": share_image,
    }


class CommendationDetailView(DetailView):
    template_name = "news/commendation_detail.html"

    def get_queryset(self):
        return Commendation.objects.published().with_related()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(detail_context(self.request, self.object))
        return context


class Honourees(list):
    """The honourees of one form (under one decision) on this page of the board, with how
    many the whole board has there (`total`)."""

    def __init__(self, items, total: int | None = None):
        super().__init__(items)
        self.total = len(self) if total is None else total


def _by_title_or_form(honorees, totals: dict | None = None) -> list:
    """[(kind, [(form, Honourees), …]), …] from commendations in the board's order; `totals`
    by (decision, form id) gives each group's count on the whole board."""
    kinds = []
    for kind, of_kind in groupby(honorees, key=lambda c: c.form.kind):
        groups = []
        for form, items in groupby(of_kind, key=lambda c: c.form):
            items = list(items)
            total = totals.get((_decision_of(items[0]), form.pk)) if totals else None
            groups.append((form, Honourees(items, total)))
        kinds.append((CommendationForm.Kind(kind), groups))
    return kinds


def _decision_of(commendation: Commendation) -> tuple:
    """The decision a commendation names (number and date), or ("", None) for none."""
    if commendation.decision_number:
        return (commendation.decision_number, commendation.decision_date)
    return ("", None)


@dataclass(frozen=True)
class DecisionGroup:
    """The commendations of one decision (its number and date as the commendations name it),
    or, with neither, those of no decision."""

    number: str
    date: dt.date | None
    kinds: list
    total: int
    anchor: str  # prefixes the ids of its headings, unique on the page


def _by_decision(honorees: list, totals: dict) -> list[DecisionGroup]:
    """The board's page split by decision, in the board's order (Commendation.by_decision);
    each group's total is the whole board's for that decision."""
    of_decision: dict[tuple, list] = {}
    for c in honorees:
        of_decision.setdefault(_decision_of(c), []).append(c)
    return [
        DecisionGroup(
            number,
            day,
            _by_title_or_form(items, totals),
            sum(n for (decision, _form), n in totals.items() if decision == (number, day)),
            f"d{i}-",
        )
        for i, ((number, day), items) in enumerate(of_decision.items(), start=1)
    ]


# Names per page of the honour board: at national scale the board has thousands.
HONOUR_BOARD_PER_PAGE = 30


def honour_board(request, slug: str):
    """Every honouree of a campaign, a page at a time, all of them or those of one title or
    form (?form=<slug>): grouped by decision when commendations name one, then the emulation
    titles and the forms of commendation, each with its people and collectives."""
    campaign = get_object_or_404(Campaign.objects.public(), slug=slug)
    board = Commendation.objects.published().filter(campaign=campaign)
    forms = list(
        CommendationForm.objects.annotate(
            honourees=Count("commendations", filter=Q(commendations__in=board))
        ).filter(honourees__gt=0)
    )
    total = sum(form.honourees for form in forms)
    # An unknown form is ignored, as the news list's filters ignore one.
    chosen = next((form for form in forms if form.slug == request.GET.get("form")), None)
    shown = board.filter(form=chosen) if chosen else board
    paginator = Paginator(
        shown.select_related("form", "unit")
        # The board names people, not articles: the long texts stay in the database (at
        # national scale they made the sort of thousands of rows spill to disk).
        .defer("title", "summary", "body", "search_key")
        .by_decision(),
        HONOUR_BOARD_PER_PAGE,
    )
    paginator.count = chosen.honourees if chosen else total  # known: no COUNT query
    page = paginator.get_page(request.GET.get("page"))
    honorees = list(page.object_list)
    totals = _board_totals(shown, honorees)
    decisions = _by_decision(honorees, totals)
    # Without any decision named, the board is one list as before, without a decision heading.
    grouped = any(group.number for group in decisions)
    return render(
        request,
        "news/honour_board.html",
        {
            "campaign": campaign,
            "kinds": _by_title_or_form(honorees, totals),
            "decisions": decisions if grouped else [],
            "total": total,
            "forms": forms,
            "chosen_form": chosen,
            "page_obj": page,
            "is_paginated": page.has_other_pages(),
            "query_string": urlencode({"form": chosen.slug}) if chosen else "",
        },
    )


def _board_totals(board, honorees: list) -> dict:
    """{(decision, form id): how many} on the whole board, for the decisions on this page."""
    numbers = {c.decision_number for c in honorees}
    rows = (
        board.filter(decision_number__in=numbers)
        .values_list("decision_number", "decision_date", "form_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    totals: dict = {}
    for number, day, form_id, n in rows:
        key = ((number, day) if number else ("", None), form_id)
        totals[key] = totals.get(key, 0) + n
    return totals


def honour_board_current(request):
    campaign = current_campaign(request)
    if campaign is None:
        raise Http404
    return redirect("news:honour-board", slug=campaign.slug)


# Nominations (unit heads) -------------------------------------------------------------------


class NominationListView(LoginRequiredMixin, ListView):
    paginate_by = 20
    template_name = "news/nomination_list.html"
    context_object_name = "nominations"

    def get_queryset(self):
        return Nomination.objects.visible_to(self.request.user).select_related(
            "unit", "theme", "commendation"
        )

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            can_nominate=Unit.objects.led_by(user).exists(), is_office=is_office(user), **kwargs
        )


class NominationCreateView(LoginRequiredMixin, CreateView):
    form_class = NominationForm
    template_name = "news/nomination_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not Unit.objects.led_by(request.user).exists():
            raise PermissionDenied(_("Only heads and deputies of a unit can nominate."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            self.object = nomination_submit(
                nomination=form.instance, by=self.request.user, images=form.cleaned_data["evidence"]
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Your nomination has been sent to the office. You will be told of its "
                "outcome by e-mail."
            ),
        )
        return redirect(self.object)


class NominationDetailView(LoginRequiredMixin, DetailView):
    template_name = "news/nomination_detail.html"
    context_object_name = "nomination"

    def get_queryset(self):
        return Nomination.objects.visible_to(self.request.user).select_related(
            "unit", "theme__campaign", "proposed_form", "nominated_by", "commendation"
        )

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            images=self.object.images.all(),
            can_edit=Nomination.objects.editable_by(user).filter(pk=self.object.pk).exists(),
            is_office=is_office(user),
            **kwargs,
        )


class NominationUpdateView(LoginRequiredMixin, UpdateView):
    form_class = NominationUpdateForm
    template_name = "news/nomination_form.html"
    context_object_name = "nomination"

    def get_queryset(self):
        return Nomination.objects.editable_by(self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            self.object = nomination_update(
                nomination=form.instance,
                by=self.request.user,
                expected_version=form.cleaned_data["version"],
                add_images=form.cleaned_data["evidence"],
                remove_image_ids=[image.pk for image in form.cleaned_data["remove_images"]],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your changes to the nomination have been saved."))
        return redirect(self.object)


@login_required
@csp_override(UPLOAD_CSP)
def nomination_image(request, pk: int, image: int):
    """An evidence photo, for those who may read the nomination (never a public media URL)."""
    evidence = get_object_or_404(
        NominationImage.objects.filter(
            nomination__in=Nomination.objects.visible_to(request.user).values("pk")
        ),
        pk=image,
        nomination_id=pk,
    )
    stored = evidence.thumbnail if request.GET.get("size") == "thumb" else evidence.image
    return upload_response(stored, public=False)
