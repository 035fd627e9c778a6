"""The unit heads' workspace, the office's review queue and the public pledge page.

Every view finds its pledge through one of the Pledge QuerySet permission methods, so someone
else's pledge is a 404. A form that writes is shown only for a pledge the user may change now
(`editable_by`, `reportable_by`); its POST looks the pledge up among the user's own units'
(`managed_by`) and lets the service decide on the locked row, so that if a colleague changed the
pledge in between, the user gets a clear message with their text kept instead of a bare 404.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csp import csp_override

from campaign.models import Campaign, CampaignState, Theme, phase_timeline
from kit.cache import cached_aggregate
from kit.files import UPLOAD_CSP, upload_response
from kit.public import STRUCTURE
from kit.roles import is_office, office_required
from pledges import services
from pledges.forms import PledgeForm, ProgressReportForm, ReviewForm, SubmitForm
from pledges.models import Evidence, Pledge, ProgressReport
from pledges.todo import tasks_for
from units.models import Unit

RELATED = ("campaign", "unit", "theme__campaign")
# A unit's name is read in the active language (modeltranslation), with the other as fallback.
REVIEW_QUEUE_FIELDS = (
    "title", "submitted_at", "target_value", "target_unit", "theme__number",
    "unit__name", "unit__name_vi", "unit__name_en",
)  # fmt: skip


@login_required
def start(request):
    """Where a login lands: the workspace for unit heads, the review queue for the office."""
    if Unit.objects.led_by(request.user).active().exists():
        return redirect("pledges:workspace")
    if is_office(request.user):
        return redirect("pledges:review-queue")
    return redirect("home")


@login_required
def workspace(request):
    """For each active campaign: its phase now and what waits for the user across the units they
    lead; then for each unit, the themes and the unit's pledges under each, with what can be
    done now. A fixed number of queries, however many units and pledges."""
    units = list(Unit.objects.led_by(request.user).active().order_by("position", "name"))
    campaigns, themes = cached_aggregate("workspace:campaigns", _running, topics=(STRUCTURE,))
    pledges = list(
        Pledge.objects.managed_by(request.user)
        .filter(unit__in=units, campaign__in=campaigns)
        .order_by("pk")
    )
    by_cell: dict[tuple[int, int], list[Pledge]] = {}
    for pledge in pledges:
        by_cell.setdefault((pledge.unit_id, pledge.theme_id), []).append(pledge)
    now = timezone.now()
    tasks = tasks_for(pledges, now=now, stale_days=settings.PLEDGE_STALE_DAYS)
    unit_names = {unit.pk: unit.name for unit in units}
    today = timezone.localdate(now)
    overview = [
        {
            "campaign": campaign,
            "ended": campaign.state_on(today) == CampaignState.ENDED,
            "end": campaign.span()[1],
            "deadline": phase_timeline(campaign.phases.all(), today).next_deadline,
            "tasks": [
                {"task": task, "unit_name": unit_names[task.pledge.unit_id]}
                for task in tasks
                if task.pledge.campaign_id == campaign.pk
            ],
        }
        for campaign in campaigns
    ]
    grid = [
        {
            "unit": unit,
            "campaigns": [
                {
                    "campaign": campaign,
                    "themes": [
                        {"theme": theme, "pledges": by_cell.get((unit.pk, theme.pk), [])}
                        for theme in themes
                        if theme.campaign_id == campaign.pk
                    ],
                }
                for campaign in campaigns
            ],
        }
        for unit in units
    ]
    context = {
        "grid": grid,
        "overview": overview if units else [],
        "several_units": len(units) > 1,
        "stale_days": settings.PLEDGE_STALE_DAYS,
    }
    return render(request, "pledges/workspace.html", context)


@login_required
def pledge_create(request, unit: str, campaign: str):
    unit = get_object_or_404(Unit.objects.led_by(request.user).active(), slug=unit)
    campaign = get_object_or_404(Campaign.objects.active(), slug=campaign)
    if request.method == "POST":
        form = PledgeForm(request.POST, campaign=campaign)
        if form.is_valid():
            submit = _then_submit(request)
            try:
                with transaction.atomic():
                    pledge = services.pledge_create(
                        actor=request.user, campaign=campaign, unit=unit, **form.changes()
                    )
                    refusal = _submit_saved(pledge, request.user) if submit else None
            except services.PledgeStateError as refused:
                form.add_error(None, refused.message)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                done = _("The draft is saved. Submit it when it is ready for review.")
                return _saved(request, pledge, submit=submit, refusal=refusal, done=done)
    else:
        # The workspace links each theme's "Add a pledge" with ?theme=<number>; a value that is
        # not a theme's number (an edited or damaged link) shows the form with none chosen.
        number = _whole_number(request.GET.get("theme"))
        theme = campaign.themes.filter(number=number).first() if number is not None else None
        form = PledgeForm(campaign=campaign, initial={"theme": theme})
    return _form_page(request, form=form, unit=unit, campaign=campaign)


def _running() -> tuple[list[Campaign], list[Theme]]:
    """The running campaigns with their phases, and their themes: the same for every head."""
    campaigns = list(Campaign.objects.active().prefetch_related("phases"))
    themes = list(Theme.objects.filter(campaign__in=campaigns).order_by("campaign_id", "number"))
    return campaigns, themes


# The value of the form's "Save and submit for review" button, beside "Save draft".
SAVE_AND_SUBMIT = "submit"


def _then_submit(request) -> bool:
    return request.POST.get("then") == SAVE_AND_SUBMIT


def _submit_saved(pledge: Pledge, actor) -> str | None:
    """Submit a pledge just saved, in the save's transaction; why not, if it was refused.

    The service's own transaction is a savepoint here: a refusal undoes the submission alone
    and the saved draft stands.
    """
    try:
        services.pledge_submit(pledge=pledge, actor=actor, version=pledge.version)
    except services.PledgeStateError as refused:
        return refused.message
    return None


def _saved(request, pledge: Pledge, *, submit: bool, refusal: str | None, done: str):
    if not submit:
        messages.success(request, done)
        return redirect(pledge)
    if refusal:
        messages.warning(
            request, _("The pledge is saved but not submitted. %(reason)s") % {"reason": refusal}
        )
        return redirect(pledge)
    messages.success(
        request, _("The pledge is saved and submitted. The office has been told by e-mail.")
    )
    return redirect("pledges:workspace")


def _form_page(request, *, form: PledgeForm, campaign: Campaign, **context):
    """The pledge form, with what the campaign's dates make impossible today said first."""
    today = timezone.localdate()
    prefetch_related_objects([campaign], "phases")
    context.update(
        form=form,
        campaign=campaign,
        notices=services.pledge_form_notices(campaign, today),
        can_submit=campaign.registration_open(today),
        save_and_submit=SAVE_AND_SUBMIT,
    )
    return render(request, "pledges/pledge_form.html", context)


def _whole_number(value: str | None) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _own_pledge(request, pk: int, allowed) -> Pledge:
    """The pledge to show a write form for (GET: `allowed`) or to attempt a write on (POST:
    any pledge of the user's own units; the service checks the rule under lock)."""
    queryset = allowed if request.method != "POST" else Pledge.objects.managed_by(request.user)
    return get_object_or_404(queryset.select_related(*RELATED), pk=pk)


@login_required
def pledge_update(request, pk: int):
    pledge = _own_pledge(request, pk, Pledge.objects.editable_by(request.user))
    saved = None
    if request.method == "POST":
        form = PledgeForm(request.POST, instance=pledge, campaign=pledge.campaign)
        if form.is_valid():
            submit = _then_submit(request)
            try:
                with transaction.atomic():
                    current = services.pledge_update(
                        pledge=pledge,
                        actor=request.user,
                        version=form.cleaned_data["version"] or 0,
                        **form.changes(),
                    )
                    refusal = _submit_saved(current, request.user) if submit else None
            except services.StaleEditError as stale:
                # Show the newer saved text beside the user's own, and let a second save
                # (a deliberate one) go through.
                saved = Pledge.objects.select_related(*RELATED).get(pk=pk)
                data = request.POST.copy()
                data["version"] = stale.current.version
                form = PledgeForm(data, instance=stale.current, campaign=pledge.campaign)
                form.add_error(
                    None,
                    _(
                        "Someone else saved this pledge while you were editing it, so your "
                        "changes were not saved. Your text is kept below; compare it with the "
                        "saved version and save again to replace it."
                    ),
                )
            except services.PledgeStateError as refused:
                saved = Pledge.objects.select_related(*RELATED).get(pk=pk)
                form.add_error(None, refused.message)
            except PermissionDenied:
                raise Http404 from None
            except ValidationError as error:
                form.add_error(None, error)
            else:
                done = _("Your changes are saved.")
                return _saved(request, pledge, submit=submit, refusal=refusal, done=done)
    else:
        form = PledgeForm(instance=pledge, campaign=pledge.campaign)
    return _form_page(
        request,
        form=form,
        campaign=pledge.campaign,
        pledge=pledge,
        unit=pledge.unit,
        saved=saved,
    )


@login_required
def pledge_delete(request, pk: int):
    drafts = Pledge.objects.editable_by(request.user).filter(status=Pledge.Status.DRAFT)
    pledge = _own_pledge(request, pk, drafts)
    if request.method == "POST":
        try:
            services.pledge_delete(pledge=pledge, actor=request.user)
        except services.PledgeStateError as refused:
            messages.error(request, refused.message)
            return redirect(pledge)
        except PermissionDenied:
            raise Http404 from None
        messages.success(request, _("The draft “%(title)s” is deleted.") % {"title": pledge.title})
        return redirect("pledges:workspace")
    return render(request, "pledges/pledge_confirm_delete.html", {"pledge": pledge})


@login_required
def pledge_submit(request, pk: int):
    pledge = _own_pledge(request, pk, Pledge.objects.editable_by(request.user))
    if request.method == "POST":
        form = SubmitForm(request.POST)
        if not form.is_valid():
            return redirect(pledge)
        try:
            services.pledge_submit(
                pledge=pledge, actor=request.user, version=form.cleaned_data["version"]
            )
        except services.StaleEditError:
            messages.warning(
                request,
                _(
                    "The pledge was changed after you opened it. Check the current text below, "
                    "then submit it again."
                ),
            )
            return redirect(pledge)
        except services.PledgeStateError as refused:
            messages.error(request, refused.message)
            return redirect(pledge)
        except PermissionDenied:
            raise Http404 from None
        messages.success(request, _("The pledge is submitted. The office has been told by e-mail."))
        return redirect("pledges:workspace")
    form = SubmitForm(initial={"version": pledge.version})
    context = {"pledge": pledge, "form": form}
    today = timezone.localdate()
    if not pledge.campaign.registration_open(today):
        context["closed"] = services.registration_closed_message(pledge.campaign, today)
    return render(request, "pledges/pledge_submit.html", context)


@login_required
def progress_report_create(request, pk: int):
    pledge = _own_pledge(request, pk, Pledge.objects.reportable_by(request.user))
    if request.method == "POST":
        form = ProgressReportForm(request.POST, request.FILES, pledge=pledge)
        if form.is_valid():
            try:
                services.progress_report_record(
                    pledge=pledge,
                    actor=request.user,
                    percent=form.cleaned_data["percent"],
                    achieved=form.cleaned_data.get("achieved"),
                    narrative=form.cleaned_data["narrative"],
                    images=form.cleaned_data["images"],
                )
            except services.PledgeStateError as refused:
                form.add_error(None, refused.message)
            except PermissionDenied:
                raise Http404 from None
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The progress report is recorded."))
                return redirect(pledge)
    else:
        form = ProgressReportForm(initial=_latest_progress(pledge), pledge=pledge)
    return render(request, "pledges/progressreport_form.html", {"form": form, "pledge": pledge})


def _latest_progress(pledge: Pledge) -> dict:
    """The newest report's figures, to start the next report from."""
    latest = pledge.reports.order_by("-reported_at", "-pk").only("achieved").first()
    return {"percent": pledge.latest_percent, "achieved": latest.achieved if latest else None}


def _timeline():
    return Prefetch(
        "reports",
        queryset=ProgressReport.objects.select_related("reported_by").prefetch_related("evidence"),
    )


def pledge_detail(request, pk: int):
    """The pledge and its whole progress timeline: public for accepted pledges, and for the
    unit's heads and the office at every stage (with the actions they may take)."""
    pledge = get_object_or_404(
        Pledge.objects.visible_to(request.user)
        .select_related(*RELATED, "created_by", "submitted_by", "reviewed_by")
        .prefetch_related(_timeline()),
        pk=pk,
    )
    context = {
        "pledge": pledge,
        "documents": pledge.legal_documents.order_by("campaigndocument__position"),
        "reports": pledge.reports.all(),
    }
    if request.user.is_authenticated:
        manages = Pledge.objects.managed_by(request.user).filter(pk=pledge.pk).exists()
        office = is_office(request.user)
        context.update(
            manages=manages,
            can_review=office and pledge.status == Pledge.Status.SUBMITTED,
            sees_review=manages or office,
            submit_form=SubmitForm(initial={"version": pledge.version}),
        )
    return render(request, "pledges/pledge_detail.html", context)


@office_required
def review_queue(request):
    queryset = (
        Pledge.objects.reviewable_by(request.user)
        # Only what the list shows (no descriptions, no long texts of themes and units).
        .select_related("unit", "theme")
        .only(*REVIEW_QUEUE_FIELDS)
        .order_by("submitted_at", "pk")
    )
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "pledges": page.object_list,
        "is_paginated": page.has_other_pages(),
    }
    return render(request, "pledges/review_queue.html", context)


@login_required
def review(request, pk: int):
    pledge = get_object_or_404(
        Pledge.objects.reviewable_by(request.user).select_related(*RELATED, "submitted_by"),
        pk=pk,
    )
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
        try:
            if decision == ReviewForm.ACCEPT:
                services.pledge_accept(pledge=pledge, actor=request.user, note=reason)
                done = _("“%(title)s” is accepted and now public; the unit has been told.")
            else:
                services.pledge_return(pledge=pledge, actor=request.user, reason=reason)
                done = _("“%(title)s” is returned to the unit with your reason.")
        except services.PledgeStateError as refused:
            messages.error(request, refused.message)
        except ValidationError as error:
            # What the form let through but the pledge's rules refuse: shown on the form, with
            # the office's text kept; nothing was changed.
            form.add_error(None, error)
        else:
            messages.success(request, done % {"title": pledge.title})
        if not form.errors:
            return redirect("pledges:review-queue")
    context = {
        "pledge": pledge,
        "form": form,
        "documents": pledge.legal_documents.order_by("campaigndocument__position"),
    }
    return render(request, "pledges/pledge_review.html", context)


@csp_override(UPLOAD_CSP)
def evidence_file(request, pk: int, rendition: str = "full"):
    """An evidence image, for those who may see its pledge: never a bare media URL, so the
    photos of pledges that are not public stay private."""
    evidence = get_object_or_404(Evidence.objects.visible_to(request.user), pk=pk)
    field = evidence.thumbnail if rendition == "thumb" else evidence.image
    return upload_response(field, public=not request.user.is_authenticated)
