"""The round page shows its proposal table 50 proposals at a time, filtered by state, with the
counts over the whole round; the votes typed on a page are saved with it, all or none, and the
page comes back (or the next one) after saving."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from awards.models import EvaluationRound, Proposal
from awards.views.rounds import PAGE_SIZE
from tests.factories import commendation_form, make_evaluation_round, make_unit, make_user

pytestmark = pytest.mark.django_db

TOTAL = PAGE_SIZE + 10
# The first 10 proposals were voted 4 of 5 (passed), the next 5 got 1 vote (did not pass).
PASSED, FAILED = 10, 5


@pytest.fixture
def office_client(client):
    client.force_login(make_user(office=True))
    return client


@pytest.fixture
def evaluation():
    evaluation = make_evaluation_round(members=5, year=2022)
    unit = make_unit(name="Phòng Kế hoạch")
    form = commendation_form()
    Proposal.objects.bulk_create(
        Proposal(
            round=evaluation,
            unit=unit,
            form=form,
            honoree_name=f"Người số {n}",
            name_key=f"nguoi so {n}",
            achievements="Hoàn thành xuất sắc nhiệm vụ.",
            votes_for=4 if n <= PASSED else 1 if n <= PASSED + FAILED else None,
            order=n,
        )
        for n in range(1, TOTAL + 1)
    )
    return evaluation


def url(evaluation, query: str = "") -> str:
    path = reverse("awards:round", args=[evaluation.pk])
    return f"{path}?{query}" if query else path


def boxes(page: str) -> list[int]:
    """The ids of the proposals whose vote boxes the page shows."""
    return [int(pk) for pk in re.findall(r'name="votes_(\d+)"', page)]


def ordered(evaluation) -> list[Proposal]:
    return list(evaluation.proposals.order_by("order", "pk"))


def test_the_first_page_shows_fifty_and_the_counts_of_the_whole_round(office_client, evaluation):
    page = office_client.get(url(evaluation)).content.decode()
    assert boxes(page) == [p.pk for p in ordered(evaluation)[:PAGE_SIZE]]
    assert f'dd class="h4 mb-0">{TOTAL}</dd>' in page
    assert f'dd class="h4 mb-0">{PASSED}</dd>' in page
    assert f'dd class="h4 mb-0">{TOTAL - PASSED - FAILED}</dd>' in page
    assert "page=2" in page
    assert 'name="then" value="next"' in page


def test_the_second_page_numbers_its_rows_in_the_round(office_client, evaluation):
    page = office_client.get(url(evaluation, "page=2")).content.decode()
    assert boxes(page) == [p.pk for p in ordered(evaluation)[PAGE_SIZE:]]
    assert f'data-label="TT">{PAGE_SIZE + 1}</td>' in page
    assert 'name="then" value="next"' not in page  # the last page


def test_the_filter_by_state_keeps_the_counts(office_client, evaluation):
    page = office_client.get(url(evaluation, "state=passed")).content.decode()
    assert boxes(page) == [p.pk for p in ordered(evaluation)[:PASSED]]
    assert f'dd class="h4 mb-0">{TOTAL}</dd>' in page
    assert 'aria-current="page">' in page


@pytest.mark.parametrize("query", ["page=99", "page=x", "state=nonsense", "page=-1&state="])
def test_odd_pages_and_states_show_a_page(office_client, evaluation, query):
    assert office_client.get(url(evaluation, query)).status_code == 200


def test_saving_a_page_saves_its_rows_and_comes_back_to_it(office_client, evaluation):
    second = ordered(evaluation)[PAGE_SIZE:]
    data = {"version": evaluation.version} | {f"votes_{p.pk}": "3" for p in second}
    response = office_client.post(url(evaluation, "page=2"), data)
    assert response.status_code == 302
    assert response.url == url(evaluation, "page=2")
    assert all(p.votes_for == 3 for p in ordered(evaluation)[PAGE_SIZE:])
    assert ordered(evaluation)[0].votes_for == 4  # the other page is untouched


def test_save_and_next_goes_to_the_next_page(office_client, evaluation):
    first = ordered(evaluation)[:PAGE_SIZE]
    data = {"version": evaluation.version, "then": "next"}
    data |= {f"votes_{p.pk}": "5" for p in first}
    response = office_client.post(url(evaluation), data)
    assert response.url == url(evaluation, "page=2")
    assert [p.votes_for for p in ordered(evaluation)[:PAGE_SIZE]] == [5] * PAGE_SIZE


def test_a_bad_vote_saves_none_of_the_rows_sent_and_shows_them_again(office_client, evaluation):
    second = ordered(evaluation)[PAGE_SIZE:]
    data = {"version": evaluation.version} | {f"votes_{p.pk}": "2" for p in second}
    data[f"votes_{second[-1].pk}"] = "9"
    response = office_client.post(url(evaluation, "page=2"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert boxes(page) == [p.pk for p in second]
    assert page.count('aria-invalid="true"') == 1 and 'value="9"' in page
    assert all(p.votes_for is None for p in ordered(evaluation)[PAGE_SIZE:])


def test_a_page_saved_over_another_clerks_save_is_refused(office_client, evaluation):
    opened = evaluation.version
    first, second = ordered(evaluation)[:PAGE_SIZE], ordered(evaluation)[PAGE_SIZE:]
    data = {"version": opened} | {f"votes_{p.pk}": "5" for p in first}
    assert office_client.post(url(evaluation), data).status_code == 302
    data = {"version": opened} | {f"votes_{p.pk}": "2" for p in second}
    response = office_client.post(url(evaluation, "page=2"), data)
    assert response.status_code == 200
    assert all(p.votes_for is None for p in ordered(evaluation)[PAGE_SIZE:])
    current = EvaluationRound.objects.get(pk=evaluation.pk).version
    assert f'name="version" value="{current}"' in response.content.decode()
