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


def record(world, scoring_round, points, token=None):
    current = Score.objects.filter(round=scoring_round, unit=world.unit_a)
    return services.unit_scores_record(
        scoring_round=scoring_round,
        unit=world.unit_a,
        points=points,
        token=services.scores_token(current) if token is None else token,
        actor=world.office,
    )


def test_recording_creates_changes_and_clears_scores(world):
    draft = make_round(campaign=world.campaign, status="draft")
    assert record(world, draft, {world.c11.pk: Decimal(8), world.c12.pk: Decimal("2.5")}) == 2
    assert record(world, draft, {world.c11.pk: Decimal(8), world.c12.pk: None}) == 1
    scores = Score.objects.filter(round=draft, unit=world.unit_a)
    assert [(s.criterion_id, s.points) for s in scores] == [(world.c11.pk, Decimal(8))]
    assert scores.get().updated_by == world.office
    assert record(world, draft, {world.c11.pk: Decimal(8)}) == 0  # nothing to change


def test_a_stale_form_changes_nothing(world):
    draft = make_round(campaign=world.campaign, status="draft")
    opened = services.scores_token([])
    record(world, draft, {world.c11.pk: Decimal(3)})  # a colleague saves first
    with pytest.raises(services.StaleScoresError):
        record(world, draft, {world.c11.pk: Decimal(9)}, token=opened)
    assert Score.objects.get(round=draft).points == Decimal(3)


def test_points_above_the_maximum_are_refused_whole(world):
    draft = make_round(campaign=world.campaign, status="draft")
    with pytest.raises(ValidationError):
        record(world, draft, {world.c11.pk: Decimal(4), world.c12.pk: Decimal(6)})
    assert not Score.objects.exists()  # the valid one was not kept either


def test_a_criterion_of_another_campaign_is_refused(world):
    draft = make_round(campaign=world.campaign, status="draft")
    other = make_criterion(theme=make_campaign().themes.get(number=1))
    with pytest.raises(ValidationError):
        record(world, draft, {other.pk: Decimal(1)})
    assert not Score.objects.exists()


def test_a_published_round_keeps_its_scores(world):
    published = make_round(campaign=world.campaign)
    with pytest.raises(services.ScoringStateError) as refused:
        record(world, published, {world.c11.pk: Decimal(1)})
    assert "đã công bố" in refused.value.message
    assert not Score.objects.exists()


def test_publish_and_return_to_draft_are_audited(world):
    draft = make_round(campaign=world.campaign, status="draft")
    with pytest.raises(services.ScoringStateError):
        services.round_publish(scoring_round=draft, actor=world.office)  # nothing scored yet
    make_score(scoring_round=draft, unit=world.unit_a, criterion=world.c11, points=5)
    services.round_publish(scoring_round=draft, actor=world.office)
    draft.refresh_from_db()
    assert draft.status == ScoringRound.Status.PUBLISHED and draft.published_at is not None
    with pytest.raises(services.ScoringStateError):
        services.round_publish(scoring_round=draft, actor=world.office)
    services.round_unpublish(scoring_round=draft, actor=world.office)
    draft.refresh_from_db()
    assert draft.status == ScoringRound.Status.DRAFT and draft.published_at is None
    events = Event.objects.for_object(draft).order_by("pk")
    assert [e.detail for e in events] == ["scores published", "returned to draft"]
    assert {e.actor for e in events} == {world.office}
