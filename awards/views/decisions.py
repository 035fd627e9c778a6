"""The office's pages of a commendation decision: made from a round, read, printed, downloaded
as DOCX and its annexed list as XLSX, issued and amended. Office only; the writes are in
`awards.decisions`."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from awards import decisions as service
from awards import texts
from awards.models import Decision, EvaluationRound
from kit.fields import DateBoxesField, example_note
from kit.roles import office_required

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class DecisionForm(forms.Form):
    """What the office types: the number (the next free one suggested), the date, the signer
    and the news to draft. Everything else comes from the round and its campaign."""

    number = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        max_value=999_999,
        help_text=_("The next free number in the issuer's register for the year is suggested."),
    )
    date = DateBoxesField(
        label=_("Date of the decision"), help_text=example_note(dt.date(2022, 12, 28))
    )
    signer_position = forms.CharField(
        label=_("Signer's position"), max_length=150, help_text=_("e.g. GIÁM ĐỐC, PHÓ GIÁM ĐỐC.")
    )
    signer_on_behalf_of = forms.CharField(
        label=_("Signing on behalf of (KT.)"),
        max_length=150,
        required=False,
        help_text=_(
            "When a deputy signs, the head's position, e.g. GIÁM ĐỐC: printed “KT. GIÁM ĐỐC”."
        ),
    )
    signer_name = forms.CharField(label=_("Signer's name"), max_length=150)
    news_items = forms.ChoiceField(
        label=_("Commendation news"),
        choices=Decision.NewsItems.choices,
        widget=forms.RadioSelect,
        help_text=_("Drafts made when the decision is issued, for the office to finish."),
    )

    def __init__(self, *args, issuer_code: str, exclude: int | None = None, **kwargs):
        self.issuer_code, self.exclude = issuer_code, exclude
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        number, date = data.get("number"), data.get("date")
        taken = (
            number
            and date
            and self.issuer_code
            and service.number_taken(self.issuer_code, date.year, number, exclude=self.exclude)
        )
        if taken:
            error = service.number_error(self.issuer_code, date.year, number)
            self.add_error("number", error.message_dict["number"])
        return data


def _round(request, pk: int) -> EvaluationRound:
    return get_object_or_404(
        EvaluationRound.objects.visible_to(request.user).select_related("campaign"), pk=pk
    )


def _decision(request, pk: int) -> Decision:
    return get_object_or_404(
        Decision.objects.visible_to(request.user).select_related(
            "round", "campaign", "amends", "issued_by"
        ),
        pk=pk,
    )


def _apply(form: forms.Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@office_required
@require_http_methods(["GET", "POST"])
def decision_create(request, pk: int):
    """Make the decision from the round's passed proposals: number, date, signer, news."""
    evaluation = _round(request, pk)
    campaign = service._issuer_campaign(evaluation)
    issuer_code = campaign.issuer_code if campaign else ""
    today = timezone.localdate()
    waiting = service.passed_waiting(evaluation)
    initial = {
        "number": Decision.next_free_number(issuer_code, today.year) if issuer_code else 1,
        "date": today,
        "signer_position": campaign.signer_position if campaign else "",
        "signer_on_behalf_of": campaign.signer_on_behalf_of if campaign else "",
        "signer_name": campaign.signer_name if campaign else "",
        "news_items": Decision.NewsItems.EACH,
    }
    form = DecisionForm(request.POST or None, initial=initial, issuer_code=issuer_code)
    if request.method == "POST" and form.is_valid():
        try:
            decision = service.decision_from_round(
                evaluation, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _apply(form, error)
        except service.DecisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                gettext("The draft decision %(symbol)s is made.") % {"symbol": decision.symbol},
            )
            return redirect("awards:decision", decision.pk)
    context = {
        "round": evaluation,
        "campaign": campaign,
        "issuer_code": issuer_code,
        "waiting": waiting,
        "form": form,
        "title": gettext("Make the decision"),
    }
    return render(request, "awards/decisions/form.html", context)


@office_required
@require_http_methods(["GET", "POST"])
def decision_amend(request, pk: int):
    """A new decision amending an issued one: its number, date and signer."""
    original = _decision(request, pk)
    if not original.is_issued():
        raise Http404("only an issued decision is amended")
    today = timezone.localdate()
    initial = {
        "number": Decision.next_free_number(original.issuer_code, today.year),
        "date": today,
        "signer_position": original.signer_position,
        "signer_on_behalf_of": original.signer_on_behalf_of,
        "signer_name": original.signer_name,
        "news_items": Decision.NewsItems.NONE,
    }
    form = DecisionForm(request.POST or None, initial=initial, issuer_code=original.issuer_code)
    if request.method == "POST" and form.is_valid():
        try:
            amendment = service.amend(original, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply(form, error)
        except service.DecisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                gettext("The draft decision %(symbol)s amending %(original)s is made.")
                % {"symbol": amendment.symbol, "original": original.symbol},
            )
            return redirect("awards:decision", amendment.pk)
    context = {
        "round": original.round,
        "original": original,
        "issuer_code": original.issuer_code,
        "form": form,
        "title": gettext("Amend decision %(symbol)s") % {"symbol": original.symbol},
    }
    return render(request, "awards/decisions/form.html", context)


@office_required
@require_http_methods(["GET"])
def decision_detail(request, pk: int):
    decision = _decision(request, pk)
    context = {"decision": decision, "text": texts.decision_text(decision)}
    return render(request, "awards/decisions/detail.html", context)


@office_required
@require_http_methods(["GET", "POST"])
def decision_issue(request, pk: int):
    """Confirm, then issue: the decision is locked and the awards recorded."""
    decision = _decision(request, pk)
    error = ""
    if request.method == "POST":
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = None
        try:
            service.issue(decision, request.user, version)
        except service.DecisionError as refusal:
            error = str(refusal)
            decision.refresh_from_db()
        else:
            messages.success(
                request,
                gettext("Decision %(symbol)s is issued: the awards are on record.")
                % {"symbol": decision.symbol},
            )
            return redirect("awards:decision", decision.pk)
    text = texts.decision_text(decision)
    context = {"decision": decision, "text": text, "error": error}
    return render(request, "awards/decisions/issue.html", context)


@office_required
@require_http_methods(["GET"])
def decision_print(request, pk: int):
    decision = _decision(request, pk)
    context = {"decision": decision, "text": texts.decision_text(decision)}
    return render(request, "awards/decisions/print.html", context)


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@office_required
@require_http_methods(["GET"])
def decision_docx(request, pk: int):
    decision = _decision(request, pk)
    content = texts.docx_bytes(texts.decision_text(decision, texts.LANGUAGE))
    return _download(content, DOCX_CONTENT_TYPE, texts.file_name(decision, "docx"))


@office_required
@require_http_methods(["GET"])
def decision_annex(request, pk: int):
    decision = _decision(request, pk)
    content = texts.xlsx_bytes(texts.decision_text(decision, texts.LANGUAGE))
    name = texts.file_name(decision, "xlsx").replace("QD-", "DS-QD-", 1)
    return _download(content, XLSX_CONTENT_TYPE, name)
