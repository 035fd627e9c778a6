"""Every download runs a fixed number of queries, the same with 5 as with 300 units."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.campaign_data import populate
from units.models import Unit

pytestmark = pytest.mark.django_db

# session, user, office membership, campaign: then each table's own queries
REQUEST = 4
TABLE_QUERIES = {
    # pledges by status, public pledge figures, active units, nominations by status,
    # reports, published commendations, published rounds
    "summary": 7,
    # themes, counts per unit/theme/status, units with their parents
    "coverage": 3,
    "pledges": 1,  # with latest narrative and report count as subqueries/annotations
    "reports": 1,
    "nominations": 1,
    "commendations": 1,
    "scores": 1,
    # rounds, themes, totals per round/unit/theme, units
    "rankings": 4,
}
BUDGETS = {"workbook": REQUEST + sum(TABLE_QUERIES.values())}
BUDGETS.update({table: REQUEST + n for table, n in TABLE_QUERIES.items()})


def url(name: str, data) -> str:
    if name == "workbook":
        return reverse("exports:workbook", args=[data.campaign.slug])
    return reverse("exports:table", args=[data.campaign.slug, name])


@pytest.mark.parametrize("n", [5, 300], ids=["5-units", "300-units"])
@pytest.mark.parametrize("name", list(BUDGETS))
def test_fixed_query_count(client, django_assert_num_queries, name, n):
    data = populate(n)
    assert Unit.objects.active().count() >= n
    client.force_login(data.office)
    with django_assert_num_queries(BUDGETS[name]):
        response = client.get(url(name, data))
    assert response.status_code == 200
    assert len(response.content) > 100
