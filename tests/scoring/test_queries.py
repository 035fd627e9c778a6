"""The leaderboard runs a fixed number of queries, the same with 5 as with 300 units."""

from __future__ import annotations

import pytest
from django.urls import reverse

from scoring.models import Score
from tests.factories import make_round, make_unit

pytestmark = pytest.mark.django_db


def grow(criteria_and_units, n: int):
    """n scored units in a published round (and a draft round scoring them too)."""
    published = make_round(campaign=criteria_and_units.campaign)
    draft = make_round(campaign=criteria_and_units.campaign, status="draft")
    criteria = [criteria_and_units.c11, criteria_and_units.c12, criteria_and_units.c21]
    scores = []
    for i in range(n):
        unit = make_unit(position=i)
        for criterion in criteria:
            for scoring_round in (published, draft):
                scores.append(
                    Score(
                        round=scoring_round,
                        unit=unit,
                        criterion=criterion,
                        points=i % 5,
                        max_points=criterion.max_points,
                    )
                )
    Score.objects.bulk_create(scores)
    return published


# campaign, published rounds, criteria maxima per theme, themes, totals, units, footer campaign
LEADERBOARD_QUERIES = 7


@pytest.mark.parametrize("n", [5, 300], ids=["5-units", "300-units"])
def test_leaderboard_query_count(client, criteria_and_units, django_assert_num_queries, n):
    published = grow(criteria_and_units, n)
    url = reverse(
        "scoring:leaderboard-round", args=[criteria_and_units.campaign.slug, published.pk]
    )
    with django_assert_num_queries(LEADERBOARD_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('class="leaderboard-rank"') == n
