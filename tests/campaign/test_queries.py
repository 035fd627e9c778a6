"""Every public page runs a fixed number of queries, whatever the size of the data."""

import pytest

from campaign.models import Campaign
from tests.factories import make_role, make_unit
from units.models import Unit

pytestmark = pytest.mark.django_db

SLUG = "nganh-cong-thuong-doan-ket-phong-chong-covid-19"

# path -> exact number of queries
BUDGETS = {
    "/": 4,  # campaign, themes, legal documents, latest commendations
    "/en/": 4,
    "/campaigns/": 3,  # count for the paginator, the page, footer campaign
    # campaign, current campaign (footer), themes, legal documents, + pledge figures per theme
    # and per branch (pledges.rollups: every unit's parent, pledges by unit and theme),
    # latest pledges, + the campaign's phases (the timeline)
    # (whether a scoring round is published is read with the campaign: no query of its own)
    f"/campaigns/{SLUG}/": 8,
    # campaign, legal documents, footer campaign
    f"/campaigns/{SLUG}/announcement/": 3,
    f"/en/campaigns/{SLUG}/announcement/": 3,
    # theme with campaign, sibling themes, footer campaign, + pledge figures (the rollup's two
    # queries), pledge count (the page of pledges itself is one more query once there are any:
    # tests/pledges/test_queries.py) + the theme's commendations
    f"/campaigns/{SLUG}/themes/2/": 7,
    "/units/": 2,  # all units in one query (the tree's top levels and counts), footer campaign
    # a search: the count of units found, a page of them with their parents, footer campaign
    "/units/?q=phong": 3,
    # unit with parent, roles with users, sub-units, footer, + public pledges + commendations
    "/units/van-phong-so/": 6,
}


def grow(n_units: int) -> None:
    """n_units more units under the department, each with a head and a deputy."""
    dept = Unit.objects.get(slug="so-cong-thuong-ben-tre")
    office = Unit.objects.get(slug="van-phong-so")
    for i in range(n_units):
        unit = make_unit(parent=dept if i % 2 else office, position=100 + i)
        make_role(unit=unit)
        make_role(unit=office if i < 50 else unit, role="deputy")


@pytest.mark.parametrize("path", list(BUDGETS))
@pytest.mark.parametrize("extra_units", [0, 297], ids=["3-units", "300-units"])
def test_query_count_is_fixed(
    client, fixture_campaign, django_assert_num_queries, path, extra_units
):
    grow(extra_units)
    assert Unit.objects.count() == 3 + extra_units
    assert Campaign.objects.count() == 1
    with django_assert_num_queries(BUDGETS[path]):
        response = client.get(path)
    assert response.status_code == 200
