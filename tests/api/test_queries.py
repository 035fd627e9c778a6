"""Every endpoint runs a fixed number of queries, the same with 5 as with 300 units."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.campaign_data import populate
from units.models import Unit

pytestmark = pytest.mark.django_db

# Each list: count, page, then its prefetches. No session: visitors are anonymous.
BUDGETS = {
    "index": 0,
    "campaigns": 3,  # + themes
    "themes": 3,  # + criteria
    "units": 2,
    "pledges": 4,  # + reports, their evidence
    "commendations": 2,
    "scores": 5,  # + criteria, scores, units
}


@pytest.mark.parametrize("n", [5, 300], ids=["5-units", "300-units"])
@pytest.mark.parametrize("name", list(BUDGETS))
def test_fixed_query_count(client, django_assert_num_queries, name, n):
    populate(n)
    assert Unit.objects.active().count() >= n
    with django_assert_num_queries(BUDGETS[name]):
        response = client.get(reverse(f"api:{name}"))
    assert response.status_code == 200
