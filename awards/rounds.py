"""The office's work on an evaluation round: proposals gathered from the accepted nominations and
from the dashboard's candidates, and the council's votes recorded.

Every write is audited and runs in one transaction with the round locked, so two office admins
never add the same proposal twice nor overwrite each other's votes (EvaluationRound.version).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.models import Event
from audit.services import audit_record
from awards.models import EvaluationRound, Proposal, Stage
from kit.admin_widgets import short_text
from kit.conflicts import check_version
from kit.text import search_key
from news.models import CommendationForm, Nomination
from news.models.honorees import HonoreeKind
from pledges.models import Pledge
from units.models import Unit

# A proposal's achievements: one or two sentences, as the annexed list prints them.
ACHIEVEMENTS_LENGTH = 400

STALE_VOTES = gettext_lazy(
    "Someone else recorded votes in this round while you were typing. Your numbers are still "
    "in the form, beside the ones recorded now: compare them, then save once more."
)
ROUND_DECIDED = gettext_lazy("This round is decided: its proposals and votes can no longer change.")


@dataclass(frozen=True)
class Added:
    """What an "add proposals" action did."""

    added: int
    skipped: int


class VoteErrors(ValidationError):
    """Votes refused, each with its reason: {proposal pk: message}; nothing was saved."""

    def __init__(self, errors: dict[int, str]):
        self.by_proposal = errors
        super().__init__(list(errors.values()), code="votes")


def _locked(evaluation: EvaluationRound) -> EvaluationRound:
    """The round locked for this transaction; refused unless it is open."""
    current = EvaluationRound.objects.select_for_update().get(pk=evaluation.pk)
    if not current.is_open():
        raise ValidationError(ROUND_DECIDED, code="decided")
    return current


def _form_order(evaluation: EvaluationRound) -> list[CommendationForm]:
    """The round's titles and forms in the order a default is picked from: for the year's
    regular emulation the titles first, for a movement's review the forms of commendation."""
    forms = list(evaluation.forms.filter(is_active=True))
    titles_first = evaluation.stage == Stage.YEAR

    def key(form: CommendationForm):
        is_title = form.kind == CommendationForm.Kind.TITLE
        return (is_title != titles_first, form.position, form.pk)

    return sorted(forms, key=key)


def default_form(evaluation: EvaluationRound, kind: str) -> CommendationForm | None:
    """The first of the round's titles and forms that may go to an honoree of `kind`."""
    return next((form for form in _form_order(evaluation) if form.accepts(kind)), None)


def first_paragraph(text: str, length: int = ACHIEVEMENTS_LENGTH) -> str:
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    first = " ".join((paragraphs[0] if paragraphs else "").split())
    return short_text(first, length)


def _key(unit_id: int, kind: str, name: str, form_id: int) -> tuple:
    """What the round's unique constraint compares (Proposal.save folds the name)."""
    return (unit_id, kind, search_key(name)[:200], form_id)


def _existing_keys(evaluation: EvaluationRound) -> set[tuple]:
    return {
        (unit, kind, name_key, form)
        for unit, kind, name_key, form in evaluation.proposals.values_list(
            "unit_id", "honoree_kind", "name_key", "form_id"
        )
    }


def _next_order(evaluation: EvaluationRound) -> int:
    last = evaluation.proposals.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


def _create(proposal: Proposal, pledges: Iterable[Pledge] = ()) -> bool:
    """Save a new proposal in its own savepoint: False when the round already has it."""
    try:
        with transaction.atomic():
            proposal.save()
    except IntegrityError:
        return False
    if pledges:
        proposal.pledges.set(list(pledges))
    return True


@transaction.atomic
def propose_from_nominations(evaluation: EvaluationRound, user) -> Added:
    """Every accepted nomination of the round's campaign not yet proposed in the round becomes a
    proposal. A nomination with no title or form the honoree may receive is skipped."""
    evaluation = _locked(evaluation)
    if evaluation.campaign_id is None:
        return Added(0, 0)
    nominations = (
        Nomination.objects.filter(
            theme__campaign_id=evaluation.campaign_id, status=Nomination.Status.ACCEPTED
        )
        .exclude(proposals__round=evaluation)
        .select_related("proposed_form", "unit")
        .order_by("unit__position", "unit__name", "pk")
    )
    existing = _existing_keys(evaluation)
    order = _next_order(evaluation)
    added = skipped = 0
    for nomination in nominations:
        form = nomination.proposed_form
        if form is None or not form.accepts(nomination.honoree_kind):
            form = default_form(evaluation, nomination.honoree_kind)
        if form is None:
            skipped += 1
            continue
        key = _key(nomination.unit_id, nomination.honoree_kind, nomination.honoree_name, form.pk)
        if key in existing:
            skipped += 1
            continue
        proposal = Proposal(
            round=evaluation,
            unit=nomination.unit,
            honoree_name=nomination.honoree_name,
            honoree_kind=nomination.honoree_kind,
            position=nomination.position,
            form=form,
            achievements=first_paragraph(nomination.achievements),
            source=Proposal.Source.NOMINATION,
            nomination=nomination,
            order=order,
        )
        if not _create(proposal):
            skipped += 1
            continue
        existing.add(key)
        order += 1
        added += 1
        audit_record(
            action=Event.Action.TRANSITION,
            actor=user,
            obj=proposal,
            detail=f"propose from nomination {nomination.pk}",
        )
    return Added(added, skipped)


def _collective_achievements(pledges: list[Pledge]) -> str:
    # The annexed list is an official document: its text is in the portal's first language.
    with translation.override(settings.LANGUAGE_CODE):
        titles = "; ".join(pledge.title for pledge in pledges)
        text = _("Completed its emulation pledges with evidence: %(pledges)s.") % {
            "pledges": titles
        }
    return short_text(text, ACHIEVEMENTS_LENGTH)


@transaction.atomic
def propose_candidates(
    evaluation: EvaluationRound, units_with_pledges: Iterable[tuple[Unit, list[Pledge]]], user
) -> Added:
    """Collective proposals for the dashboard's candidate units, with their completed pledges as
    evidence, for the round's first title or form for collectives. A unit already proposed for
    it is skipped."""
    evaluation = _locked(evaluation)
    form = default_form(evaluation, HonoreeKind.COLLECTIVE)
    if form is None:
        raise ValidationError(
            _(
                "The round considers no title or form of commendation for a collective: add one "
                "to the round first."
            ),
            code="no_form",
        )
    existing = _existing_keys(evaluation)
    order = _next_order(evaluation)
    added = skipped = 0
    for unit, pledges in units_with_pledges:
        key = _key(unit.pk, HonoreeKind.COLLECTIVE, unit.name, form.pk)
        own = [pledge for pledge in pledges if pledge.unit_id == unit.pk]
        if key in existing:
            skipped += 1
            continue
        proposal = Proposal(
            round=evaluation,
            unit=unit,
            honoree_name=unit.name,
            honoree_kind=HonoreeKind.COLLECTIVE,
            form=form,
            achievements=_collective_achievements(own),
            source=Proposal.Source.CANDIDATE,
            order=order,
        )
        if not _create(proposal, own):
            skipped += 1
            continue
        existing.add(key)
        order += 1
        added += 1
        audit_record(
            action=Event.Action.TRANSITION,
            actor=user,
            obj=proposal,
            detail="propose candidate with pledges " + ", ".join(str(pledge.pk) for pledge in own),
        )
    return Added(added, skipped)


def vote_error(members: int) -> str:
    return _("Type a whole number of votes from 0 to %(members)s, or leave it empty.") % {
        "members": members
    }


@transaction.atomic
def record_votes(
    evaluation: EvaluationRound,
    votes: Mapping[int, int | None],
    user,
    *,
    expected_version: int | None,
) -> int:
    """Record the council's votes in favour ({proposal pk: votes, or None when not voted}) as a
    whole: all or none. Returns how many proposals changed."""
    evaluation = _locked(evaluation)
    check_version(
        evaluation.version,
        expected_version,
        lambda: ValidationError(STALE_VOTES, code="conflict"),
    )
    members = evaluation.members.count()
    proposals = {p.pk: p for p in evaluation.proposals.filter(pk__in=list(votes))}
    errors: dict[int, str] = {}
    for pk, value in votes.items():
        if pk not in proposals:
            errors[pk] = _("This proposal is not in the round.")
        elif value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= members
        ):
            errors[pk] = vote_error(members)
    if errors:
        raise VoteErrors(errors)
    changed = []
    for pk, value in votes.items():
        proposal = proposals[pk]
        if proposal.votes_for != value:
            changes = f"{proposal.pk}: {proposal.votes_for} → {value}"
            proposal.votes_for = value
            proposal.save(update_fields=["votes_for"])
            changed.append(changes)
    if changed:
        evaluation.save(update_fields=["version"])
        audit_record(
            action=Event.Action.TRANSITION,
            actor=user,
            obj=evaluation,
            detail="votes " + "; ".join(changed),
        )
    return len(changed)
