"""Writes of scores and of a round's publication.

Each function locks the round it changes, so two office admins scoring at the same moment are
served one after the other, and a form opened before someone else's save is refused instead of
overwriting it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import Event
from audit.services import audit_record
from scoring.models import Criterion, Score, ScoringRound
from units.models import Unit


class ScoringStateError(Exception):
    """The round's state does not allow the change; nothing was changed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class StaleScoresError(Exception):
    """The unit's scores changed after the form was opened; nothing was changed."""


def scores_token(scores: Iterable[Score]) -> str:
    """A fingerprint of a unit's scores in a round (which rows, at which version), carried by
    the form so that a save over someone else's newer one is detected."""
    return ",".join(f"{s.pk}.{s.version}" for s in sorted(scores, key=lambda s: s.pk))


def _lock(scoring_round: ScoringRound) -> ScoringRound:
    return (
        ScoringRound.objects.select_for_update(of=("self",))
        .select_related("campaign")
        .get(pk=scoring_round.pk)
    )


@transaction.atomic
def unit_scores_record(
    *,
    scoring_round: ScoringRound,
    unit: Unit,
    points: Mapping[int, Decimal | None],
    token: str,
    actor,
) -> int:
    """Set `unit`'s points per criterion id (None clears a score) in a draft round; returns
    how many scores changed. Raises StaleScoresError when `token` is not the current one."""
    locked = _lock(scoring_round)
    if locked.status != ScoringRound.Status.DRAFT:
        raise ScoringStateError(
            _(
                "The results of “%(round)s” are published, so its scores cannot change. "
                "Return the round to draft first."
            )
            % {"round": locked.title}
        )
    current = {s.criterion_id: s for s in Score.objects.filter(round=locked, unit=unit)}
    if scores_token(current.values()) != token:
        raise StaleScoresError
    criteria = Criterion.objects.of_campaign(locked.campaign).in_bulk(list(points))
    changed = 0
    for criterion_id, value in points.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            raise ValidationError(_("A criterion of another campaign cannot be scored here."))
        existing = current.get(criterion_id)
        if value is None:
            if existing is not None:
                existing._history_user = actor
                existing.delete()
                changed += 1
            continue
        if existing is not None and existing.points == value:
            continue
        score = existing or Score(round=locked, unit=unit, criterion=criterion)
        score.points = value
        score.updated_by = actor
        score.full_clean()
        score._history_user = actor
        score.save()
        changed += 1
    return changed


@transaction.atomic
def round_publish(*, scoring_round: ScoringRound, actor) -> ScoringRound:
    """Make the round's results public on the leaderboard."""
    locked = _lock(scoring_round)
    if locked.status == ScoringRound.Status.PUBLISHED:
        raise ScoringStateError(_("“%(round)s” is already published.") % {"round": locked.title})
    if not locked.scores.exists():
        raise ScoringStateError(
            _("“%(round)s” has no scores yet, so there is nothing to publish.")
            % {"round": locked.title}
        )
    locked.status = ScoringRound.Status.PUBLISHED
    locked.published_at = timezone.now()
    locked.save(update_fields=["status", "published_at", "version"])
    audit_record(action=Event.Action.TRANSITION, actor=actor, obj=locked, detail="scores published")
    return locked


@transaction.atomic
def round_unpublish(*, scoring_round: ScoringRound, actor) -> ScoringRound:
    """Take the results off the leaderboard, so that scores can be corrected."""
    locked = _lock(scoring_round)
    if locked.status == ScoringRound.Status.DRAFT:
        raise ScoringStateError(_("“%(round)s” is not published.") % {"round": locked.title})
    locked.status = ScoringRound.Status.DRAFT
    locked.published_at = None
    locked.save(update_fields=["status", "published_at", "version"])
    audit_record(
        action=Event.Action.TRANSITION, actor=actor, obj=locked, detail="returned to draft"
    )
    return locked
