"""The round's pages run a fixed number of queries: the same with 5 proposals as with 300 (each
with its unit, form, evidence, votes and earlier awards)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from awards.models import Award, Proposal
from kit.text import search_key
from news.models import Nomination
from tests.factories import (
    commendation_form,
    make_campaign,
    make_evaluation_round,
    make_pledge,
    make_unit,
    make_user,
)

pytestmark = pytest.mark.django_db

# Every page: the session, the user, the office membership, and what the header's office menu
# shows (as on the office dashboard); then the round, and:
BUDGETS = {
    # the council's size, the whole round's votes and rules (the counts by state, the page's
    # ids), the page's proposals, their pledges, their awards, the round's decisions
    "awards:round": 12,
    # the council (members), the council's size, the proposals, the awards
    "awards:minutes": 10,
    # the council's size, the proposals (the submission shows no earlier awards)
    "awards:submission": 8,
    # the rounds with their counts
    "awards:rounds": 6,
}


def grow(total: int):
    campaign = make_campaign()
    evaluation = make_evaluation_round(campaign=campaign, members=7, year=2022)
    forms = [commendation_form("giay-khen"), commendation_form("lao-dong-tien-tien")]
    units = [make_unit() for _ in range(5)]
    pledges = [make_pledge(campaign=campaign, unit=unit, status="completed") for unit in units]
    theme = campaign.themes.get(number=1)
    author = make_user()
    proposals, awards = [], []
    for i in range(total):
        unit = units[i % len(units)]
        collective = i % 4 == 0 and i < 20  # each unit proposed once as a collective
        name = unit.name if collective else f"Nguyễn Văn Số {i}"
        nomination = None
        if i % 3 == 1:
            nomination = Nomination.objects.create(
                unit=unit,
                nominated_by=author,
                honoree_name=name,
                theme=theme,
                achievements="Thành tích.",
                status=Nomination.Status.ACCEPTED,
            )
        proposals.append(
            Proposal(
                round=evaluation,
                unit=unit,
                honoree_name=name,
                honoree_kind="collective" if collective else "person",
                name_key=search_key(name),
                form=forms[0] if collective else forms[i % 2],
                achievements="Hoàn thành xuất sắc nhiệm vụ.",
                nomination=nomination,
                votes_for=None if i % 5 == 0 else i % 8,
                order=i,
            )
        )
        for year in (2020, 2021):
            awards.append(
                Award(
                    unit=unit,
                    honoree_name=name,
                    honoree_kind="collective" if collective else "person",
                    name_key=search_key(name),
                    form=forms[1] if not collective else forms[0],
                    form_name="Lao động tiên tiến",
                    year=year,
                    decision_number=f"{i}/QĐ-SCT",
                    decision_date=dt.date(year, 12, 20),
                    issuer="Giám đốc Sở Công Thương",
                    imported=True,
                )
            )
    Proposal.objects.bulk_create(proposals)
    Award.objects.bulk_create(awards)
    through = Proposal.pledges.through
    through.objects.bulk_create(
        [
            through(proposal_id=p.pk, pledge_id=pledges[n % len(pledges)].pk)
            for n, p in enumerate(evaluation.proposals.filter(honoree_kind="collective"))
        ]
    )
    return evaluation


@pytest.mark.parametrize("total", [5, 300])
@pytest.mark.parametrize("name", list(BUDGETS))
def test_fixed_query_count(client, django_assert_num_queries, name, total):
    evaluation = grow(total)
    assert evaluation.proposals.count() == total
    client.force_login(make_user(office=True))
    path = reverse(name, args=[] if name == "awards:rounds" else [evaluation.pk])
    with django_assert_num_queries(BUDGETS[name]):
        response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    if name in ("awards:round", "awards:minutes"):  # with the last three years
        assert "2021: Lao động tiên tiến" in page
