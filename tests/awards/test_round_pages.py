"""The office's pages of an evaluation round: the proposal table with its votes form, the
actions that add proposals, and the council's minutes and the submission in print."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from awards.models import AwardRule, EvaluationRound, PassShare, Proposal
from news.models import Nomination
from tests.factories import (
    commendation_form,
    make_award,
    make_campaign,
    make_evaluation_round,
    make_evidence,
    make_nomination,
    make_pledge,
    make_proposal,
    make_report,
    make_unit,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_client(client):
    client.force_login(make_user(office=True))
    return client


@pytest.fixture
def evaluation():
    """A round of 5 members with three proposals: one for a collective."""
    evaluation = make_evaluation_round(members=5, year=2022, minutes_number="12/BB-HĐTĐKT")
    unit = make_unit(name="Phòng Quản lý Thương mại")
    make_proposal(evaluation=evaluation, unit=unit, honoree_name="Nguyễn Thị Hoa")
    make_proposal(evaluation=evaluation, unit=unit, honoree_name="Trần Văn Bình")
    make_proposal(
        evaluation=evaluation,
        unit=unit,
        honoree_name=unit.name,
        honoree_kind="collective",
        position="",
        achievements="Hoàn thành xuất sắc các cam kết thi đua.",
    )
    return evaluation


def proposals(evaluation) -> list[Proposal]:
    return list(evaluation.proposals.order_by("order"))


def votes_data(evaluation, *values, version=None) -> dict:
    data = {"version": evaluation.version if version is None else version}
    for proposal, value in zip(proposals(evaluation), values, strict=True):
        data[f"votes_{proposal.pk}"] = value
    return data


def saved_votes(evaluation) -> list:
    return [p.votes_for for p in proposals(evaluation)]


def test_the_table_shows_each_proposal_with_its_record(office_client, evaluation):
    hoa = proposals(evaluation)[0]
    make_award(
        unit=hoa.unit, honoree_name="NGUYEN THI HOA", year=2021, form_name="Lao động tiên tiến"
    )
    make_award(unit=hoa.unit, honoree_name="Nguyễn Thị Hoa", year=2018, form_name="Bằng khen cũ")
    page = office_client.get(reverse("awards:round", args=[evaluation.pk])).content.decode()
    assert "Nguyễn Thị Hoa" in page and "Phòng Quản lý Thương mại" in page
    assert "2021: Lao động tiên tiến" in page
    assert "Bằng khen cũ" not in page  # older than three years
    assert page.count('class="form-control form-control-sm vote-input') == 3


def test_votes_are_saved_as_a_whole_and_outcomes_computed(office_client, evaluation):
    url = reverse("awards:round", args=[evaluation.pk])
    response = office_client.post(url, votes_data(evaluation, "3", "2", ""))
    assert response.status_code == 302
    assert saved_votes(evaluation) == [3, 2, None]
    page = office_client.get(url).content.decode()
    # Proposed 3: passed 1, failed 1 (more than half of 5 needs 3), not voted 1.
    assert 'dd class="h4 mb-0">3</dd>' in page
    assert page.count('dd class="h4 mb-0">1</dd>') == 3


@pytest.mark.parametrize("bad", ["ba", "-1", "6", "2.5"])
def test_bad_votes_are_shown_on_their_row_and_nothing_is_saved(office_client, evaluation, bad):
    url = reverse("awards:round", args=[evaluation.pk])
    response = office_client.post(url, votes_data(evaluation, "4", bad, "1"))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('aria-invalid="true"') == 1
    assert "Nothing was saved" in page or "Chưa lưu" in page
    assert f'value="{bad}"' in page  # what was typed stays
    assert saved_votes(evaluation) == [None, None, None]


def test_stale_votes_are_refused_and_kept_in_the_form(office_client, evaluation):
    url = reverse("awards:round", args=[evaluation.pk])
    opened = evaluation.version
    assert office_client.post(url, votes_data(evaluation, "5", "5", "5")).status_code == 302
    response = office_client.post(url, votes_data(evaluation, "1", "1", "1", version=opened))
    assert response.status_code == 200
    assert saved_votes(evaluation) == [5, 5, 5]
    page = response.content.decode()
    assert 'value="1"' in page
    # The form now carries the version recorded, so the next save, once compared, goes through.
    current = EvaluationRound.objects.get(pk=evaluation.pk).version
    assert f'name="version" value="{current}"' in page


def test_a_decided_round_shows_votes_without_a_form(office_client, evaluation):
    EvaluationRound.objects.filter(pk=evaluation.pk).update(status="decided")
    url = reverse("awards:round", args=[evaluation.pk])
    page = office_client.get(url).content.decode()
    assert "vote-input" not in page
    response = office_client.post(url, votes_data(evaluation, "3", "3", "3"))
    assert response.status_code == 302
    assert saved_votes(evaluation) == [None, None, None]


def test_adding_nominations_and_candidates_from_the_round_page(office_client):
    campaign = make_campaign()
    theme = campaign.themes.get(number=1)
    evaluation = make_evaluation_round(campaign=campaign)
    evaluation.forms.set([commendation_form("giay-khen")])
    nomination = make_nomination(theme=theme)
    Nomination.objects.filter(pk=nomination.pk).update(status=Nomination.Status.ACCEPTED)
    pledge = make_pledge(campaign=campaign, unit=make_unit(), theme=theme, status="completed")
    make_evidence(report=make_report(pledge=pledge, percent=100))
    page_url = reverse("awards:round", args=[evaluation.pk])

    response = office_client.post(reverse("awards:round-nominations", args=[evaluation.pk]))
    assert response.status_code == 302 and response["Location"].endswith(page_url)
    response = office_client.post(reverse("office:round-candidates", args=[evaluation.pk]))
    assert response.status_code == 302
    assert evaluation.proposals.filter(nomination=nomination).exists()
    collective = evaluation.proposals.get(honoree_kind="collective")
    assert list(collective.pledges.all()) == [pledge]
    page = office_client.get(page_url).content.decode()
    assert pledge.get_absolute_url() in page and nomination.get_absolute_url() in page

    # Again: nothing added, no error.
    office_client.post(reverse("office:round-candidates", args=[evaluation.pk]))
    office_client.post(reverse("awards:round-nominations", args=[evaluation.pk]))
    assert evaluation.proposals.count() == 2


def test_the_minutes_print_attendance_votes_and_signatures(office_client, evaluation):
    AwardRule.objects.create(form=commendation_form("giay-khen"), pass_share=PassShare.TWO_THIRDS)
    evaluation.members.filter(order=2).update(attended=False, name="Võ Văn Vắng")
    first, second, third = proposals(evaluation)
    Proposal.objects.filter(pk=first.pk).update(votes_for=4)  # two thirds of 5 needs 4
    Proposal.objects.filter(pk=second.pk).update(votes_for=3)
    page = office_client.get(reverse("awards:minutes", args=[evaluation.pk])).content.decode()
    assert "BIÊN BẢN" in page
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page
    assert "12/BB-HĐTĐKT" in page
    assert "ngày 20 tháng 12 năm 2022" in page
    assert "Võ Văn Vắng" in page
    chair = evaluation.members.get(role="chair")
    secretary = evaluation.members.get(role="secretary")
    assert chair.name in page and secretary.name in page
    assert "4/5" in page and "80,0%" in page
    assert page.count("Không đạt") == 1  # 3 of 5 fails the two-thirds rule


def test_the_submission_lists_only_what_passed(office_client, evaluation):
    first, second, third = proposals(evaluation)
    Proposal.objects.filter(pk__in=[first.pk, third.pk]).update(votes_for=5)
    Proposal.objects.filter(pk=second.pk).update(votes_for=1)
    EvaluationRound.objects.filter(pk=evaluation.pk).update(submission_date=dt.date(2022, 12, 22))
    page = office_client.get(reverse("awards:submission", args=[evaluation.pk])).content.decode()
    assert "TỜ TRÌNH" in page
    assert "Nguyễn Thị Hoa" in page and "Trần Văn Bình" not in page
    # Collectives first, then individuals.
    assert page.index("Hoàn thành xuất sắc các cam kết") < page.index("Nguyễn Thị Hoa")
    assert "ngày 22 tháng 12 năm 2022" in page


def test_the_pages_in_english(office_client, evaluation):
    names = ["awards:rounds", "awards:round", "awards:minutes", "awards:submission"]
    paths = {n: reverse(n, args=[] if n == "awards:rounds" else [evaluation.pk]) for n in names}
    pages = {}
    for name, path in paths.items():
        response = office_client.get("/en" + path)
        assert response.status_code == 200, name
        pages[name] = response.content.decode()
    assert "MINUTES" in pages["awards:minutes"]
    assert "SUBMISSION" in pages["awards:submission"]
    assert "Save the votes" in pages["awards:round"]


def test_the_admin_refuses_changing_a_proposal_of_a_decided_round(evaluation):
    from django.test import Client

    client = Client()
    client.force_login(make_user(office=True))
    proposal = proposals(evaluation)[0]
    change = reverse("admin:awards_proposal_change", args=[proposal.pk])
    assert client.get(change).status_code == 200
    EvaluationRound.objects.filter(pk=evaluation.pk).update(status="decided")
    page = client.get(change)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    response = client.post(change, {"honoree_name": "Đổi tên"})
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.honoree_name == "Nguyễn Thị Hoa"


def test_the_admin_adds_a_proposal_and_refuses_a_twin(evaluation):
    from django.test import Client

    client = Client()
    client.force_login(make_user(office=True))
    unit = proposals(evaluation)[0].unit
    data = {
        "round": evaluation.pk,
        "honoree_name": "NGUYỄN THỊ HOA",  # already proposed, typed otherwise
        "honoree_kind": "person",
        "position": "Chuyên viên",
        "unit": unit.pk,
        "form": commendation_form().pk,
        "achievements": "Thành tích.",
        "order": 9,
    }
    url = reverse("admin:awards_proposal_add")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "already proposed" in response.content.decode() or "đã được đề nghị" in (
        response.content.decode()
    )
    response = client.post(url, {**data, "honoree_name": "Lê Văn Mới"})
    assert response.status_code == 302
    assert response["Location"].endswith(reverse("awards:round", args=[evaluation.pk]))
    added = evaluation.proposals.get(honoree_name="Lê Văn Mới")
    assert added.source == Proposal.Source.OFFICE


def test_the_voting_rule_admin_states_the_default():
    from django.test import Client

    client = Client()
    client.force_login(make_user(office=True))
    page = client.get(reverse("admin:awards_awardrule_changelist")).content.decode()
    assert "quá nửa" in page or "more than half" in page


def test_the_evidence_autocomplete_offers_accepted_and_completed_pledges_only():
    from django.test import Client

    client = Client()
    client.force_login(make_user(office=True))
    campaign = make_campaign()
    unit = make_unit()
    done = make_pledge(campaign=campaign, unit=unit, status="completed", title="Đã xong")
    waiting = make_pledge(campaign=campaign, unit=unit, status="submitted", title="Chờ duyệt")
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "awards", "model_name": "proposal", "field_name": "pledges", "term": ""},
    )
    assert response.status_code == 200
    ids = {int(result["id"]) for result in response.json()["results"]}
    assert done.pk in ids and waiting.pk not in ids
