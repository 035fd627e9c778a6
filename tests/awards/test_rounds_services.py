"""The office's work on an evaluation round (awards/rounds.py): proposals gathered from the
accepted nominations and the dashboard's candidates, and the council's votes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from audit.models import Event
from awards import rounds
from awards.models import AwardRule, EvaluationRound, PassShare, Proposal, Stage
from news.models import Nomination
from tests.factories import (
    commendation_form,
    make_campaign,
    make_evaluation_round,
    make_nomination,
    make_pledge,
    make_proposal,
    make_unit,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return make_user(office=True)


def accepted(nomination: Nomination, **changes) -> Nomination:
    Nomination.objects.filter(pk=nomination.pk).update(status=Nomination.Status.ACCEPTED, **changes)
    nomination.refresh_from_db()
    return nomination


def outcome(proposal: Proposal) -> str:
    return Proposal.objects.with_outcome_inputs().get(pk=proposal.pk).computed_outcome


# ---- the outcome, by the rule of the title or form


@pytest.mark.parametrize(
    ("members", "share", "votes", "expected"),
    [
        (5, None, 2, "failed"),  # more than half of 5 is 3
        (5, None, 3, "passed"),
        (6, None, 3, "failed"),  # half is not more than half
        (7, PassShare.TWO_THIRDS, 4, "failed"),  # two thirds of 7 needs 5
        (7, PassShare.TWO_THIRDS, 5, "passed"),
        (10, PassShare.SEVENTY_PERCENT, 6, "failed"),
        (10, PassShare.SEVENTY_PERCENT, 7, "passed"),
    ],
)
def test_the_outcome_follows_the_forms_rule(members, share, votes, expected):
    form = commendation_form("bang-khen")
    if share:
        AwardRule.objects.create(form=form, pass_share=share)
    evaluation = make_evaluation_round(members=members)
    proposal = make_proposal(evaluation=evaluation, form=form, votes_for=votes)
    assert outcome(proposal) == expected


def test_absent_members_count_in_the_councils_size():
    evaluation = make_evaluation_round(members=5)
    evaluation.members.filter(order__gte=3).update(attended=False)  # 3 present of 5
    proposal = make_proposal(evaluation=evaluation, votes_for=2)
    assert outcome(proposal) == "failed"  # 2 of 5 is not more than half


# ---- proposals from the accepted nominations


def test_accepted_nominations_become_proposals_once(office):
    campaign = make_campaign()
    theme = campaign.themes.get(number=1)
    evaluation = make_evaluation_round(campaign=campaign)
    evaluation.forms.set([commendation_form("giay-khen"), commendation_form("lao-dong-tien-tien")])
    first = accepted(make_nomination(theme=theme, honoree_name="Lê Văn Tư"))
    second = accepted(
        make_nomination(theme=theme), proposed_form=commendation_form("chien-si-thi-dua-co-so")
    )
    make_nomination(theme=theme)  # only submitted
    accepted(make_nomination(theme=make_campaign().themes.get(number=1)))  # another campaign

    result = rounds.propose_from_nominations(evaluation, office)

    assert result == rounds.Added(added=2, skipped=0)
    proposal = evaluation.proposals.get(nomination=first)
    assert proposal.source == Proposal.Source.NOMINATION
    assert (proposal.honoree_name, proposal.unit, proposal.position) == (
        "Lê Văn Tư",
        first.unit,
        first.position,
    )
    # Without a proposed form: the round's first form of commendation the honoree may receive.
    assert proposal.form == commendation_form("giay-khen")
    # The first paragraph of the achievements only.
    assert proposal.achievements == "Tham gia trực chốt kiểm dịch 60 ngày."
    assert evaluation.proposals.get(nomination=second).form.slug == "chien-si-thi-dua-co-so"
    assert Event.objects.filter(object_type="awards.proposal").count() == 2

    # Again: nothing new, no error.
    assert rounds.propose_from_nominations(evaluation, office) == rounds.Added(0, 0)
    assert evaluation.proposals.count() == 2


def test_a_year_round_proposes_titles_first(office):
    campaign = make_campaign()
    evaluation = make_evaluation_round(campaign=campaign, stage=Stage.YEAR)
    evaluation.forms.set([commendation_form("giay-khen"), commendation_form("lao-dong-tien-tien")])
    accepted(make_nomination(theme=campaign.themes.get(number=1)))
    rounds.propose_from_nominations(evaluation, office)
    assert evaluation.proposals.get().form.slug == "lao-dong-tien-tien"


def test_a_nomination_already_proposed_by_hand_is_skipped(office):
    campaign = make_campaign()
    evaluation = make_evaluation_round(campaign=campaign)
    evaluation.forms.set([commendation_form("giay-khen")])
    nomination = accepted(make_nomination(theme=campaign.themes.get(number=1)))
    make_proposal(
        evaluation=evaluation,
        unit=nomination.unit,
        honoree_name=nomination.honoree_name.upper(),  # the same person, typed in capitals
    )
    assert rounds.propose_from_nominations(evaluation, office) == rounds.Added(0, 1)


def test_a_nomination_without_a_form_it_may_receive_is_skipped(office):
    campaign = make_campaign()
    evaluation = make_evaluation_round(campaign=campaign)
    evaluation.forms.set([commendation_form("tap-the-lao-dong-tien-tien")])  # collectives only
    accepted(make_nomination(theme=campaign.themes.get(number=1)))
    assert rounds.propose_from_nominations(evaluation, office) == rounds.Added(0, 1)


def test_long_achievements_are_shortened():
    text = "Một câu rất dài " * 60 + "\n\nĐoạn hai."
    short = rounds.first_paragraph(text)
    assert len(short) <= rounds.ACHIEVEMENTS_LENGTH
    assert short.endswith("…")
    assert "Đoạn hai" not in short


# ---- proposals from the dashboard's candidates


def test_candidate_units_become_collective_proposals_with_their_pledges(office):
    campaign = make_campaign()
    evaluation = make_evaluation_round(campaign=campaign)
    evaluation.forms.set([commendation_form("lao-dong-tien-tien"), commendation_form("giay-khen")])
    unit_a, unit_b = make_unit(name="Phòng Quản lý Thương mại"), make_unit()
    pledges_a = [make_pledge(campaign=campaign, unit=unit_a, status="completed") for _ in "ab"]
    pledge_b = make_pledge(campaign=campaign, unit=unit_b, status="completed")

    result = rounds.propose_candidates(
        evaluation, [(unit_a, pledges_a), (unit_b, [pledge_b])], office
    )

    assert result == rounds.Added(added=2, skipped=0)
    proposal = evaluation.proposals.get(unit=unit_a)
    assert proposal.honoree_kind == "collective"
    assert proposal.honoree_name == "Phòng Quản lý Thương mại"
    assert proposal.source == Proposal.Source.CANDIDATE
    assert proposal.form.slug == "giay-khen"  # Lao động tiên tiến is for persons only
    assert set(proposal.pledges.all()) == set(pledges_a)
    assert pledges_a[0].title in proposal.achievements

    again = rounds.propose_candidates(evaluation, [(unit_a, pledges_a)], office)
    assert again == rounds.Added(added=0, skipped=1)
    assert evaluation.proposals.count() == 2


def test_candidates_need_a_form_for_collectives(office):
    evaluation = make_evaluation_round(campaign=make_campaign())
    evaluation.forms.set([commendation_form("lao-dong-tien-tien")])
    with pytest.raises(ValidationError) as refused:
        rounds.propose_candidates(evaluation, [(make_unit(), [])], office)
    assert refused.value.code == "no_form"
    assert not evaluation.proposals.exists()


# ---- the council's votes


def test_votes_are_recorded_audited_and_raise_the_version(office):
    evaluation = make_evaluation_round(members=5)
    passing, failing = make_proposal(evaluation=evaluation), make_proposal(evaluation=evaluation)
    changed = rounds.record_votes(
        evaluation, {passing.pk: 3, failing.pk: 2}, office, expected_version=evaluation.version
    )
    assert changed == 2
    assert (outcome(passing), outcome(failing)) == ("passed", "failed")
    assert EvaluationRound.objects.get(pk=evaluation.pk).version == evaluation.version + 1
    event = Event.objects.get(object_type="awards.evaluationround")
    assert event.actor == office
    assert "votes" in event.detail


@pytest.mark.parametrize("bad", [-1, 6, "3", True])
def test_votes_out_of_range_are_refused_and_nothing_is_saved(office, bad):
    evaluation = make_evaluation_round(members=5)
    good, wrong = make_proposal(evaluation=evaluation), make_proposal(evaluation=evaluation)
    with pytest.raises(rounds.VoteErrors) as refused:
        rounds.record_votes(
            evaluation, {good.pk: 4, wrong.pk: bad}, office, expected_version=evaluation.version
        )
    assert list(refused.value.by_proposal) == [wrong.pk]
    assert "từ 0 đến 5" in refused.value.by_proposal[wrong.pk]
    good.refresh_from_db()
    assert good.votes_for is None
    assert not Event.objects.filter(object_type="awards.evaluationround").exists()


def test_a_proposal_of_another_round_is_refused(office):
    evaluation = make_evaluation_round()
    stranger = make_proposal(evaluation=make_evaluation_round())
    with pytest.raises(rounds.VoteErrors):
        rounds.record_votes(evaluation, {stranger.pk: 1}, office, expected_version=1)
    stranger.refresh_from_db()
    assert stranger.votes_for is None


def test_stale_votes_are_refused(office):
    evaluation = make_evaluation_round(members=5)
    proposal = make_proposal(evaluation=evaluation)
    opened = evaluation.version
    rounds.record_votes(evaluation, {proposal.pk: 4}, office, expected_version=opened)
    with pytest.raises(ValidationError) as refused:
        rounds.record_votes(evaluation, {proposal.pk: 1}, office, expected_version=opened)
    assert refused.value.code == "conflict"
    proposal.refresh_from_db()
    assert proposal.votes_for == 4


def test_a_decided_round_takes_no_votes_nor_proposals(office):
    evaluation = make_evaluation_round(campaign=make_campaign(), status="decided")
    proposal = make_proposal(evaluation=evaluation)
    for action in (
        lambda: rounds.record_votes(
            evaluation, {proposal.pk: 3}, office, expected_version=evaluation.version
        ),
        lambda: rounds.propose_from_nominations(evaluation, office),
        lambda: rounds.propose_candidates(evaluation, [], office),
    ):
        with pytest.raises(ValidationError) as refused:
            action()
        assert refused.value.code == "decided"
    proposal.refresh_from_db()
    assert proposal.votes_for is None
