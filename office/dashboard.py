"""The campaign office's pages: the coverage matrix, statistics, the shortlist of candidates for
commendation and the printable review reports (campaign and unit).

Office admins only (`kit.roles.office_required`), as on the review queue and the exports.
The figures come from `office.reports`; these views only pick the campaign and the filters.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from campaign import official
from campaign.models import Campaign, CampaignPhase, current_campaign
from kit.cache import cached_aggregate
from kit.forms import LongSelect
from kit.public import PLEDGES, STRUCTURE
from kit.roles import office_required
from office import reports
from office.inbox import office_inbox
from pledges.models import Pledge
from units.models import Unit, UnitNode, UnitRole


def _campaign(request, slug: str) -> Campaign:
    return get_object_or_404(Campaign.objects.visible_to(request.user).with_span(), slug=slug)


def _context(request, campaign: Campaign, page: str, **extra) -> dict:
    return {
        "campaign": campaign,
        "page": page,
        "campaigns": Campaign.objects.visible_to(request.user).only("slug", "title", "status"),
        **extra,
    }


@office_required
def index(request):
    """What waits for the office ("Việc cần xử lý"), for the campaign asked for, else the current
    one (else the newest, draft or not: the office may be preparing it)."""
    slug = request.GET.get("campaign")
    campaigns = Campaign.objects.visible_to(request.user)
    campaign = (
        (slug and campaigns.filter(slug=slug).first())
        or current_campaign(request)
        or campaigns.first()
    )
    if campaign is None:
        return render(request, "office/dashboard/no_campaign.html")
    # The campaign's state and the panel's timeline both read its phases: fetched once.
    prefetch_related_objects([campaign], "phases")
    now = timezone.now()
    inbox = office_inbox(request=request, campaign=campaign, now=now, today=timezone.localdate(now))
    context = _context(request, campaign, "inbox", inbox=inbox)
    return render(request, "office/dashboard/inbox.html", context)


class MatrixFilterForm(forms.Form):
    """The matrix filters, sent by GET (nothing is changed, so no CSRF token is needed)."""

    ANY = "any"

    unit = forms.ChoiceField(
        label=_("Unit (with its sub-units)"),
        required=False,
        widget=LongSelect,
        # Not the value typed back: an address may carry anything.
        error_messages={"invalid_choice": _("There is no such unit: choose one from the list.")},
    )
    status = forms.ChoiceField(
        label=_("Pledge status"),
        required=False,
        choices=[("", _("All statuses")), *Pledge.Status.choices],
    )
    flag = forms.ChoiceField(
        label=_("Flags"),
        required=False,
        choices=[("", _("All units")), (ANY, _("Units with any flag")), *reports.FLAGS.items()],
    )
    days = forms.IntegerField(
        label=_("Days before a flag"),
        required=False,
        min_value=1,
        max_value=366,
        help_text=_("Waiting for review, or without progress, for more than this many days."),
    )

    def __init__(self, *args, roots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("All units"))] + [
            (node.unit.slug, "\u2003" * node.depth + node.unit.name)
            for root in roots
            for node in root.flatten()
        ]
        for name, field in self.fields.items():
            css = "form-select form-select-sm" if name != "days" else "form-control form-control-sm"
            field.widget.attrs["class"] = css


@office_required
def matrix(request, slug: str):
    """Units × themes. A national tree is shown by its top levels, each department with its
    divisions summed up in one row; choosing a unit (the filter, or a row's link) opens it."""
    campaign = _campaign(request, slug)
    roots = reports.unit_tree()
    form = MatrixFilterForm(request.GET or None, roots=roots)
    form.is_valid()  # invalid fields are reported on the form and fall back to their default
    chosen = getattr(form, "cleaned_data", {})
    days = chosen.get("days") or settings.OFFICE_FLAG_DAYS
    path = reports.node_path(roots, chosen["unit"]) if chosen.get("unit") else []
    table = reports.coverage_matrix(
        campaign=campaign,
        user=request.user,
        roots=path[-1:] or roots,
        days=days,
        status=chosen.get("status") or "",
        flag=chosen.get("flag") or "",
        summarize_over=reports.SUMMARIZE_OVER,
    )
    # A closed unit's link keeps the other filters and chooses that unit.
    kept = request.GET.copy()
    kept.pop("unit", None)
    context = _context(
        request,
        campaign,
        "matrix",
        form=form,
        matrix=table,
        days=days,
        path=path,
        kept=kept.urlencode(),
    )
    return render(request, "office/dashboard/matrix.html", context)


@office_required
def statistics(request, slug: str):
    campaign = _campaign(request, slug)
    # Every office admin reads every pledge, so the figures are the same for all of them; they
    # are kept under the counters of what they are made from (the weekly series ends today, and
    # the chart's labels are in the reader's language).
    today = timezone.localdate()
    stats = cached_aggregate(
        f"office-statistics:{campaign.pk}:{today.isoformat()}:{get_language()}",
        lambda: reports.campaign_statistics(campaign=campaign, user=request.user, today=today),
        topics=(STRUCTURE, PLEDGES),
    )
    return render(
        request,
        "office/dashboard/statistics.html",
        _context(request, campaign, "statistics", stats=stats),
    )


@office_required
def candidates(request, slug: str):
    campaign = _campaign(request, slug)
    shortlist = reports.commendation_candidates(campaign=campaign, user=request.user)
    return render(
        request,
        "office/dashboard/candidates.html",
        _context(request, campaign, "candidates", candidates=shortlist),
    )


REPORT_KINDS = {
    "progress": _("Results of the emulation movement"),
    "preliminary": _("Preliminary review of the emulation movement"),
    "final": _("Final review of the emulation movement"),
}


def _report_kind(request, campaign: Campaign, today) -> str:
    """The kind asked for (`?kind=`), else the review phase running or last ended."""
    asked = request.GET.get("kind")
    if asked in REPORT_KINDS:
        return asked
    kind = "progress"
    for phase in campaign.phases.filter(starts_on__lte=today).order_by("starts_on", "pk"):
        if phase.kind == CampaignPhase.Kind.PRELIMINARY_REVIEW:
            kind = "preliminary"
        elif phase.kind == CampaignPhase.Kind.FINAL_REVIEW:
            kind = "final"
    return kind


@office_required
def report(request, slug: str, unit: str | None = None):
    """The review report in the Vietnamese administrative layout, for printing on A4: of the
    whole campaign, or of one unit."""
    campaign = _campaign(request, slug)
    today = timezone.localdate()
    unit_obj = None
    if unit is not None:
        unit_obj = get_object_or_404(Unit.objects.active().select_related("parent"), slug=unit)
    # The unit report covers the unit itself: its sub-units have reports of their own.
    roots = [UnitNode(unit_obj)] if unit_obj is not None else reports.unit_tree()
    days = settings.OFFICE_FLAG_DAYS
    matrix = reports.coverage_matrix(
        campaign=campaign, user=request.user, roots=roots, days=days, drafts=False
    )
    kind = _report_kind(request, campaign, today)
    sections = reports.theme_sections(matrix)
    if unit_obj is None:
        frame = official.campaign_frame(campaign, kind)
    else:
        head = (
            UnitRole.objects.filter(unit=unit_obj, role=UnitRole.Role.HEAD)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        name = (head.user.get_full_name() or head.user.get_username()) if head else ""
        frame = official.unit_frame(campaign, kind, unit_obj, name)
    context = {
        "campaign": campaign,
        "unit": unit_obj,
        "frame": frame,
        "date_parts": official.date_parts(today),
        "kind": kind,
        "title": REPORT_KINDS[kind],
        "kinds": REPORT_KINDS,
        "days": days,
        "matrix": matrix,
        "stats": reports.campaign_statistics(
            campaign=campaign, user=request.user, unit=unit_obj, drafts=False, themes=matrix.themes
        ),
        "candidates": reports.commendation_candidates(
            campaign=campaign, user=request.user, unit=unit_obj
        ),
        "sections": sections,
        "themes_covered": sum(1 for section in sections if section.entries),
    }
    return render(request, "office/dashboard/report.html", context)
