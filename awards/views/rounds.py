"""The office's pages of an evaluation round: the list of rounds, the proposal table where the
council's votes are recorded, and the two printed documents of the meeting: the council's
minutes (biên bản họp) and the office's submission (tờ trình) to the Director.

Office only (`kit.roles.office_required`); a round is read through `visible_to`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from awards import rounds
from awards.models import (
    Award,
    CouncilMember,
    EvaluationRound,
    Proposal,
    outcome_of,
    votes_needed,
)
from awards.records import honouree_key, recent_awards
from campaign import official
from campaign.models import Campaign
from kit.roles import office_required
from news.models.honorees import HonoreeKind
from pledges.models import Pledge

# The years of each honouree's record the proposal table and the minutes show.
RECORD_YEARS = 3
# The proposal table's shortened texts: achievements and each pledge's title, in characters.
ACHIEVEMENTS = 240
EVIDENCE_TITLE = 60


def _round(request, pk: int) -> EvaluationRound:
    return get_object_or_404(
        EvaluationRound.objects.visible_to(request.user).select_related("campaign"), pk=pk
    )


@office_required
def round_list(request):
    """Every round, newest first, with its counts of proposals: one query."""
    evaluations = EvaluationRound.objects.visible_to(request.user).select_related("campaign")
    evaluations = evaluations.annotate(
        proposal_count=Count("proposals", distinct=True),
        voted_count=Count("proposals", filter=Q(proposals__votes_for__isnull=False), distinct=True),
    )
    return render(request, "awards/rounds/list.html", {"evaluations": list(evaluations)})


@dataclass
class VoteBox:
    """A row's vote box, read once from the form's field (its name, id, label, value and
    errors) so the table does not ask the bound field again for each attribute."""

    name: str
    id: str
    label: str
    value: object
    errors: list[str]

    @classmethod
    def of(cls, field: forms.BoundField) -> VoteBox:
        value = field.value()
        return cls(
            name=field.html_name,
            id=field.id_for_label,
            label=field.label,
            value="" if value is None else value,
            errors=list(field.errors),
        )


@dataclass
class Row:
    proposal: Proposal
    outcome: str
    needed: int
    percent: float | None
    form_label: str = ""
    awards: list[Award] = field(default_factory=list)
    vote: VoteBox | None = None
    # The proposal table's links: the proposal in the admin, its evidence (text, URL).
    admin_url: str = ""
    evidence: list[tuple[str, str]] = field(default_factory=list)
    achievements: str = ""
    number: int = 0

    @property
    def record(self) -> list[str]:
        """The last years' awards as the table prints them, newest first."""
        return [
            f"{award.year}: {award.form_name}"
            + (f" ({award.decision_number})" if award.decision_number else "")
            for award in self.awards
        ]


@dataclass
class Table:
    members: int
    rows: list[Row]

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "proposed": len(self.rows),
            "passed": self.count(Proposal.Outcome.PASSED),
            "failed": self.count(Proposal.Outcome.FAILED),
            "pending": self.count(Proposal.Outcome.PENDING),
        }

    @property
    def passed(self) -> list[Row]:
        return [row for row in self.rows if row.outcome == Proposal.Outcome.PASSED]

    @property
    def passed_collectives(self) -> list[Row]:
        return [r for r in self.passed if r.proposal.honoree_kind == HonoreeKind.COLLECTIVE]

    @property
    def passed_people(self) -> list[Row]:
        return [r for r in self.passed if r.proposal.honoree_kind != HonoreeKind.COLLECTIVE]


@dataclass
class Summary:
    """The whole round's proposals by state, read light (id, votes, rule) in one query: the
    counts the round page shows above its table, and the ids each page of it shows."""

    members: int
    ids: list[int]
    outcomes: dict[int, str]

    @classmethod
    def of(cls, evaluation: EvaluationRound) -> Summary:
        members = evaluation.members.count()
        rows = (
            Proposal.objects.filter(round=evaluation)
            .with_outcome_inputs(council_size=members)
            .values_list("pk", "votes_for", "pass_share")
        )
        outcomes = {pk: outcome_of(votes, members, share) for pk, votes, share in rows}
        return cls(members=members, ids=list(outcomes), outcomes=outcomes)

    def count(self, outcome: str) -> int:
        return sum(1 for value in self.outcomes.values() if value == outcome)

    def ids_in(self, state: str) -> list[int]:
        """The ids of the proposals in `state` (every proposal when it is empty), in order."""
        if not state:
            return self.ids
        return [pk for pk in self.ids if self.outcomes[pk] == state]

    def numbers(self) -> dict[int, int]:
        """Each proposal's number in the whole round (the minutes number them the same)."""
        return {pk: n for n, pk in enumerate(self.ids, start=1)}


def path_maker(name: str, key: str | None = None) -> Callable[[int], str]:
    """A URL by id for each of many rows from one `reverse()`: the path reversed once with a
    placeholder id, the placeholder then swapped for each row's id."""
    placeholder = 987654321
    path = reverse(name, kwargs={key: placeholder}) if key else reverse(name, args=[placeholder])
    before, after = path.split(str(placeholder), 1)
    return lambda pk: f"{before}{pk}{after}"


def link_rows(table: Table) -> None:
    """The proposal table's links and shortened texts, row by row (the round page only)."""
    admin = path_maker("admin:awards_proposal_change")
    nomination = path_maker("news:nomination-detail", "pk")
    pledge = path_maker("pledges:detail", "pk")
    nomination_label = _("Nomination")
    for row in table.rows:
        proposal = row.proposal
        row.admin_url = admin(proposal.pk)
        if proposal.nomination_id:
            row.evidence.append((nomination_label, nomination(proposal.nomination_id)))
        row.evidence += [
            (Truncator(p.title).chars(EVIDENCE_TITLE), pledge(p.pk)) for p in proposal.pledges.all()
        ]
        text = proposal.achievements
        row.achievements = (
            text if len(text) <= ACHIEVEMENTS else Truncator(text).chars(ACHIEVEMENTS)
        )


def proposal_table(
    evaluation: EvaluationRound,
    *,
    evidence: bool = True,
    record: bool = True,
    members: int | None = None,
    ids: list[int] | None = None,
) -> Table:
    """The round's proposals with their computed outcomes and their honourees' last years of
    awards: the council's size (unless given), the proposals (and their pledges, and their
    awards unless `record` is off), 1-4 queries. With `ids`, only those of the round's
    proposals (a page of the table).

    What each row prints is worked out once here (a title's name once per title, the needed
    votes once per rule), not by the template row by row."""
    if members is None:
        members = evaluation.members.count()
    proposals = (
        Proposal.objects.filter(round=evaluation)
        .with_outcome_inputs(council_size=members)
        .select_related("unit", "form")
    )
    if ids is not None:
        proposals = proposals.filter(pk__in=ids)
    if evidence:
        proposals = proposals.prefetch_related(
            Prefetch("pledges", queryset=Pledge.objects.only("pk", "title").order_by("pk"))
        )
    proposals = list(proposals)
    history = (
        recent_awards(proposals, until_year=evaluation.year, years=RECORD_YEARS) if record else {}
    )
    labels: dict[int, str] = {}
    needed_by_share: dict[str, int] = {}
    rows = []
    for proposal in proposals:
        share = proposal.pass_share
        if share not in needed_by_share:
            needed_by_share[share] = votes_needed(share, members) if members else 0
        if proposal.form_id not in labels:
            labels[proposal.form_id] = str(proposal.form)
        percent = None
        if proposal.votes_for is not None and members:
            percent = round(100 * proposal.votes_for / members, 1)
        rows.append(
            Row(
                proposal=proposal,
                outcome=proposal.computed_outcome,
                needed=needed_by_share[share],
                percent=percent,
                form_label=labels[proposal.form_id],
                awards=history.get(honouree_key(proposal), []),
            )
        )
    return Table(members=members, rows=rows)


class VotesForm(forms.Form):
    """One number box per proposal, posted as a whole with the round's version."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, table: Table, **kwargs):
        super().__init__(*args, **kwargs)
        message = rounds.vote_error(table.members)
        for row in table.rows:
            self.fields[self.name_of(row.proposal)] = forms.IntegerField(
                label=_("Votes for %(honoree)s") % {"honoree": row.proposal.honoree_name},
                required=False,
                min_value=0,
                max_value=table.members,
                error_messages={"invalid": message, "min_value": message, "max_value": message},
                widget=forms.NumberInput(
                    attrs={"min": 0, "max": table.members, "class": "form-control vote-input"}
                ),
            )

    @staticmethod
    def name_of(proposal: Proposal) -> str:
        return f"votes_{proposal.pk}"

    def votes(self, table: Table) -> dict[int, int | None]:
        """The votes sent, for the proposals that were in the form when it was opened."""
        return {
            row.proposal.pk: self.cleaned_data[self.name_of(row.proposal)]
            for row in table.rows
            if self.name_of(row.proposal) in self.data
        }


# The proposal table shows this many proposals a page; the votes are saved page by page.
PAGE_SIZE = 50
# The filter by state above the table: its query values and their names.
STATES = {
    Proposal.Outcome.PENDING: gettext_lazy("Not voted yet"),
    Proposal.Outcome.PASSED: gettext_lazy("Passed"),
    Proposal.Outcome.FAILED: gettext_lazy("Did not pass"),
}


def posted_ids(data) -> list[int]:
    """The proposals whose vote boxes were sent (`votes_<id>`), whatever page they were on."""
    ids = []
    for name in data:
        prefix, _sep, pk = name.partition("_")
        if prefix == "votes" and pk.isascii() and pk.isdigit() and len(pk) < 10:
            ids.append(int(pk))
    return ids


def _page_query(state: str, number: int) -> str:
    return urlencode({k: v for k, v in (("state", state), ("page", number)) if v})


@office_required
def round_detail(request, pk: int):
    """The proposal table, a page of it at a time, filtered by state; POST records the votes of
    the rows sent (all or none) and comes back to the same page, or goes on to the next."""
    evaluation = _round(request, pk)
    state = request.GET.get("state", "")
    if state not in STATES:
        state = ""
    summary = Summary.of(evaluation)
    page = Paginator(summary.ids_in(state), PAGE_SIZE).get_page(request.GET.get("page"))
    if request.method == "POST" and evaluation.is_open():
        table = proposal_table(evaluation, members=summary.members, ids=posted_ids(request.POST))
        form = VotesForm(request.POST, table=table)
        if form.is_valid():
            try:
                changed = rounds.record_votes(
                    evaluation,
                    form.votes(table),
                    request.user,
                    expected_version=form.cleaned_data["version"],
                )
            except rounds.VoteErrors as refused:
                for row in table.rows:
                    if row.proposal.pk in refused.by_proposal:
                        form.add_error(
                            form.name_of(row.proposal), refused.by_proposal[row.proposal.pk]
                        )
            except ValidationError as refused:
                form.add_error(None, refused)
                if refused.code == "conflict":
                    # The numbers typed stay; the next save is made over what is recorded now.
                    form.data = form.data.copy()
                    form.data["version"] = EvaluationRound.objects.get(pk=pk).version
            else:
                messages.success(
                    request,
                    ngettext(
                        "The votes are recorded: %(count)s proposal changed.",
                        "The votes are recorded: %(count)s proposals changed.",
                        changed,
                    )
                    % {"count": changed},
                )
                number = page.number
                if request.POST.get("then") == "next" and page.has_next():
                    number = page.next_page_number()
                url = reverse("awards:round", args=[evaluation.pk])
                query = _page_query(state, number if number > 1 else 0)
                return redirect(f"{url}?{query}" if query else url)
        if form.errors and not form.non_field_errors():
            form.add_error(None, _("Nothing was saved: correct the numbers marked below."))
        # What is recorded now, beside what was typed, for the rows sent.
        summary = Summary.of(evaluation)
        table = proposal_table(
            evaluation, members=summary.members, ids=[r.proposal.pk for r in table.rows]
        )
    elif request.method == "POST":
        messages.error(request, str(rounds.ROUND_DECIDED))
        return redirect("awards:round", pk=evaluation.pk)
    else:
        table = proposal_table(evaluation, members=summary.members, ids=list(page.object_list))
        form = VotesForm(initial=_initial(evaluation, table), table=table)
    link_rows(table)
    numbers = summary.numbers()
    for row in table.rows:
        row.number = numbers.get(row.proposal.pk, 0)
    if evaluation.is_open():
        for row in table.rows:
            row.vote = VoteBox.of(form[form.name_of(row.proposal)])
    counts = {outcome: summary.count(outcome) for outcome in STATES}
    context = {
        "evaluation": evaluation,
        "table": table,
        "form": form,
        "page_obj": page,
        "is_paginated": page.has_other_pages(),
        "query_string": _page_query(state, 0),
        "state": state,
        # A round of one page needs neither the filter nor the range shown.
        "paged": len(summary.ids) > PAGE_SIZE or bool(state),
        "filters": [("", _("All"), len(summary.ids))]
        + [(value, label, counts[value]) for value, label in STATES.items()],
        "passed_total": counts[Proposal.Outcome.PASSED],
        "decisions": list(evaluation.decisions.order_by("date", "number", "pk")),
        "states": [
            (_("Proposed"), len(summary.ids)),
            (_("Passed"), counts[Proposal.Outcome.PASSED]),
            (_("Did not pass"), counts[Proposal.Outcome.FAILED]),
            (_("Not voted yet"), counts[Proposal.Outcome.PENDING]),
        ],
    }
    return render(request, "awards/rounds/detail.html", context)


def _initial(evaluation: EvaluationRound, table: Table) -> dict:
    initial = {"version": evaluation.version}
    for row in table.rows:
        initial[VotesForm.name_of(row.proposal)] = row.proposal.votes_for
    return initial


def added_message(result: rounds.Added) -> str:
    return _(
        "Proposals added: %(added)s. Skipped, as already in the round or without a title or "
        "form they may receive: %(skipped)s."
    ) % {
        "added": result.added,
        "skipped": result.skipped,
    }


@require_POST
@office_required
def add_nominations(request, pk: int):
    """Proposals from the campaign's accepted nominations not yet in the round."""
    evaluation = _round(request, pk)
    try:
        result = rounds.propose_from_nominations(evaluation, request.user)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, added_message(result))
    return redirect("awards:round", pk=evaluation.pk)


# ---- the printed documents


@dataclass(frozen=True)
class Letterhead:
    """The department whose council meets and whose office submits: from the round's campaign,
    else the newest campaign's; blank lines to fill in by hand when there is none."""

    body: str = ""
    place: str = ""

    @classmethod
    def of(cls, evaluation: EvaluationRound) -> Letterhead:
        campaign = evaluation.campaign
        if campaign is None:
            campaign = Campaign.objects.order_by("-starts_on", "-pk").first()
        if campaign is None:
            return cls()
        return cls(
            body=campaign.letterhead_name or campaign.issuing_body, place=campaign.issuing_place
        )


def date_parts(day: dt.date | None) -> dict | None:
    """A date's parts as Decree 30 writes them (campaign/official.py), or None without one."""
    return official.date_parts(day) if day is not None else None


@dataclass
class Council:
    chair: CouncilMember | None
    secretary: CouncilMember | None
    present: list[CouncilMember]
    absent: list[CouncilMember]

    @classmethod
    def of(cls, evaluation: EvaluationRound) -> Council:
        members = list(evaluation.members.all())
        chair = next((m for m in members if m.role == CouncilMember.Role.CHAIR), None)
        secretary = next((m for m in members if m.role == CouncilMember.Role.SECRETARY), None)
        return cls(
            chair=chair,
            secretary=secretary,
            present=[m for m in members if m.attended],
            absent=[m for m in members if not m.attended],
        )


@office_required
def minutes(request, pk: int):
    """The minutes of the council's meeting (biên bản họp Hội đồng Thi đua – Khen thưởng)."""
    evaluation = _round(request, pk)
    context = {
        "evaluation": evaluation,
        "letterhead": Letterhead.of(evaluation),
        "council": Council.of(evaluation),
        "table": proposal_table(evaluation, evidence=False),
        "date_parts": date_parts(evaluation.meeting_date),
    }
    return render(request, "awards/rounds/minutes.html", context)


@office_required
def submission(request, pk: int):
    """The office's submission (tờ trình) to the Director: the proposals the council passed."""
    evaluation = _round(request, pk)
    context = {
        "evaluation": evaluation,
        "letterhead": Letterhead.of(evaluation),
        "table": proposal_table(evaluation, evidence=False, record=False),
        "date_parts": date_parts(evaluation.submission_date),
        "meeting_parts": date_parts(evaluation.meeting_date),
    }
    return render(request, "awards/rounds/submission.html", context)
