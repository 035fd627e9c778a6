"""Entering scores and publishing a round: draft rounds only, no silent overwrite, audited."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from audit.models import Event
from scoring import services
from scoring.models import Score, ScoringRound
from tests.factories import make_campaign, make_criterion, make_round, make_score

pytestmark = pytest.mark.django_db


def record(criteria_and_units, scoring_round, points, token=None):
    current = Score.objects.filter(round=scoring_round, unit=criteria_and_units.unit_a)
    return services.unit_scores_record(
        scoring_round=scoring_round,
        unit=criteria_and_units.unit_a,
        points=points,
        token=services.scores_token(current) if token is None else token,
        actor=criteria_and_units.office,
    )


def test_recording_creates_changes_and_clears_scores(criteria_and_units):
    draft = make_round(campaign=criteria_and_units.campaign, status="draft")
    assert (
        record(
            criteria_and_units,
            draft,
            {criteria_and_units.c11.pk: Decimal(8), criteria_and_units.c12.pk: Decimal("2.5")},
        )
        == 2
    )
    assert (
        record(
            criteria_and_units,
            draft,
            {criteria_and_units.c11.pk: Decimal(8), criteria_and_units.c12.pk: None},
        )
        == 1
    )
    scores = Score.objects.filter(round=draft, unit=criteria_and_units.unit_a)
    assert [(s.criterion_id, s.points) for s in scores] == [(criteria_and_units.c11.pk, Decimal(8))]
    assert scores.get().updated_by == criteria_and_units.office
    assert (
        record(criteria_and_units, draft, {criteria_and_units.c11.pk: Decimal(8)}) == 0
    )  # nothing to change


def test_a_stale_form_changes_nothing(criteria_and_units):
    draft = make_round(campaign=criteria_and_units.campaign, status="draft")
    opened = services.scores_token([])
    record(
        criteria_and_units, draft, {criteria_and_units.c11.pk: Decimal(3)}
    )  # a colleague saves first
    with pytest.raises(services.StaleScoresError):
        record(criteria_and_units, draft, {criteria_and_units.c11.pk: Decimal(9)}, token=opened)
    assert Score.objects.get(round=draft).points == Decimal(3)


def test_points_above_the_maximum_are_refused_whole(criteria_and_units):
    draft = make_round(campaign=criteria_and_units.campaign, status="draft")
    with pytest.raises(ValidationError):
        record(
            criteria_and_units,
            draft,
            {criteria_and_units.c11.pk: Decimal(4), criteria_and_units.c12.pk: Decimal(6)},
        )
    assert not Score.objects.exists()  # the valid one was not kept either


def test_a_criterion_of_another_campaign_is_refused(criteria_and_units):
    draft = make_round(campaign=criteria_and_units.campaign, status="draft")
    other = make_criterion(theme=make_campaign().themes.get(number=1))
    with pytest.raises(ValidationError):
        record(criteria_and_units, draft, {other.pk: Decimal(1)})
    assert not Score.objects.exists()


def test_a_published_round_keeps_its_scores(criteria_and_units):
    published = make_round(campaign=criteria_and_units.campaign)
    with pytest.raises(services.ScoringStateError) as refused:
        record(criteria_and_units, published, {criteria_and_units.c11.pk: Decimal(1)})
    assert "đã công bố" in refused.value.message
    assert not Score.objects.exists()


def test_publish_and_return_to_draft_are_audited(criteria_and_units):
    draft = make_round(campaign=criteria_and_units.campaign, status="draft")
    with pytest.raises(services.ScoringStateError):
        services.round_publish(
            scoring_round=draft, actor=criteria_and_units.office
        )  # nothing scored yet
    make_score(
        scoring_round=draft,
        unit=criteria_and_units.unit_a,
        criterion=criteria_and_units.c11,
        points=5,
    )
    services.round_publish(scoring_round=draft, actor=criteria_and_units.office)
    draft.refresh_from_db()
    assert draft.status == ScoringRound.Status.PUBLISHED and draft.published_at is not None
    with pytest.raises(services.ScoringStateError):
        services.round_publish(scoring_round=draft, actor=criteria_and_units.office)
    services.round_unpublish(scoring_round=draft, actor=criteria_and_units.office)
    draft.refresh_from_db()
    assert draft.status == ScoringRound.Status.DRAFT and draft.published_at is None
    events = Event.objects.for_object(draft).order_by("pk")
    assert [e.detail for e in events] == ["scores published", "returned to draft"]
    assert {e.actor for e in events} == {criteria_and_units.office}
