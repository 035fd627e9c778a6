"""The score rules: between 0 and the criterion's maximum (checked by the database too), once
per round, unit and criterion, and every change kept in the history."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from scoring.models import Criterion, Score
from tests.factories import make_campaign, make_criterion, make_round, make_score

pytestmark = pytest.mark.django_db


def test_a_score_keeps_a_copy_of_its_criterions_maximum(criteria_and_units):
    score = make_score(
        scoring_round=make_round(campaign=criteria_and_units.campaign),
        unit=criteria_and_units.unit_a,
        criterion=criteria_and_units.c11, points=7,
    )  # fmt: skip
    assert score.max_points == Decimal("10")


def test_the_database_refuses_points_above_the_maximum(criteria_and_units):
    score = make_score(
        scoring_round=make_round(campaign=criteria_and_units.campaign),
        unit=criteria_and_units.unit_a,
        criterion=criteria_and_units.c12, points=5,
    )  # fmt: skip
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.filter(pk=score.pk).update(points=Decimal("5.01"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.filter(pk=score.pk).update(points=Decimal("-1"))
    score.refresh_from_db()
    assert score.points == Decimal("5")


def test_the_database_refuses_a_second_score_for_the_same_criterion(criteria_and_units):
    scoring_round = make_round(campaign=criteria_and_units.campaign)
    make_score(
        scoring_round=scoring_round,
        unit=criteria_and_units.unit_a,
        criterion=criteria_and_units.c11,
        points=1,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        make_score(
            scoring_round=scoring_round,
            unit=criteria_and_units.unit_a,
            criterion=criteria_and_units.c11,
            points=2,
        )


def test_clean_names_the_criterion_and_its_maximum(criteria_and_units):
    score = Score(
        round=make_round(campaign=criteria_and_units.campaign, status="draft"),
        unit=criteria_and_units.unit_a,
        criterion=criteria_and_units.c12,
        points=Decimal("7.5"),
    )
    with pytest.raises(ValidationError) as refused:
        score.full_clean()
    message = refused.value.message_dict["points"][0]
    assert "Tiêu chí 1.2" in message and "tối đa 5 điểm" in message and "7,5" in message


def test_clean_refuses_a_criterion_of_another_campaign(criteria_and_units):
    other = make_criterion(theme=make_campaign().themes.get(number=1))
    score = Score(
        round=make_round(campaign=criteria_and_units.campaign, status="draft"),
        unit=criteria_and_units.unit_a,
        criterion=other,
        points=Decimal(1),
    )
    with pytest.raises(ValidationError) as refused:
        score.full_clean()
    assert "criterion" in refused.value.message_dict


def test_the_maximum_cannot_drop_below_a_recorded_score(criteria_and_units):
    make_score(
        scoring_round=make_round(campaign=criteria_and_units.campaign),
        unit=criteria_and_units.unit_a,
        criterion=criteria_and_units.c11, points=8,
    )  # fmt: skip
    criterion = Criterion.objects.get(pk=criteria_and_units.c11.pk)
    criterion.max_points = Decimal("6")
    with pytest.raises(ValidationError) as refused:
        criterion.full_clean()
    assert "8 điểm" in refused.value.message_dict["max_points"][0]


def test_raising_the_maximum_updates_every_scores_copy(criteria_and_units):
    score = make_score(
        scoring_round=make_round(campaign=criteria_and_units.campaign),
        unit=criteria_and_units.unit_a,
        criterion=criteria_and_units.c11, points=8,
    )  # fmt: skip
    criteria_and_units.c11.max_points = Decimal("12.5")
    criteria_and_units.c11.full_clean()
    criteria_and_units.c11.save()
    score.refresh_from_db()
    assert score.max_points == Decimal("12.5")


def test_every_change_of_a_score_is_kept_in_its_history(criteria_and_units):
    score = make_score(
        scoring_round=make_round(campaign=criteria_and_units.campaign, status="draft"),
        unit=criteria_and_units.unit_a, criterion=criteria_and_units.c11, points=4,
    )  # fmt: skip
    score.points = Decimal(6)
    score._history_user = criteria_and_units.office
    score.save()
    history = list(score.history.order_by("history_date").values_list("points", "history_type"))
    assert history == [(Decimal(4), "+"), (Decimal(6), "~")]
    assert score.history.latest().history_user == criteria_and_units.office
    assert score.version == 2
