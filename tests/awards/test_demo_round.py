import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from awards.models import Award, EvaluationRound, Proposal
from awards.records import recent_awards

pytestmark = pytest.mark.django_db


def test_the_demo_loads_a_round_waiting_for_the_council_once(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo password for the round")
    call_command("setup_portal", demo=True)
    call_command("setup_portal", demo=True)

    evaluation = EvaluationRound.objects.get()
    assert evaluation.campaign.slug
    assert evaluation.members.count() == 5
    # The council meets before the decision the tour makes (28/12/2022).
    assert evaluation.meeting_date == dt.date(2022, 12, 20)
    proposals = list(Proposal.objects.filter(round=evaluation).with_outcome_inputs())
    assert len(proposals) == 4
    assert {p.honoree_kind for p in proposals} == {"person", "collective"}
    assert {p.computed_outcome for p in proposals} == {Proposal.Outcome.PENDING}
    assert Award.objects.filter(imported=True).count() == 3


def test_the_summary_reads_right_for_one_round(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo password for the round")
    out = StringIO()
    call_command("setup_portal", demo=True, stdout=out)
    assert "rounds: 1," in out.getvalue()
    assert "1 rounds" not in out.getvalue()


def test_the_demo_round_shows_earlier_years_for_its_proposals(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo password for the round")
    call_command("setup_portal", demo=True)

    proposals = list(Proposal.objects.order_by("order"))
    found = recent_awards(proposals, until_year=2022)
    an = next(p for p in proposals if p.honoree_name == "Nguyễn Văn An")
    assert [a.year for a in found[(an.unit_id, "person", "nguyen van an")]] == [2021, 2020]
    collective = next(p for p in proposals if p.honoree_kind == "collective")
    assert (collective.unit_id, "collective", "") not in found


def test_the_demo_round_is_not_loaded_without_the_demo():
    call_command("setup_portal")
    assert not EvaluationRound.objects.exists()


def test_the_office_finishes_the_demo_round_in_a_few_steps(monkeypatch, client):
    """The README's tour: vote, make the decision, issue it, print the certificates."""
    from django.contrib.auth import get_user_model

    from awards.models import Decision

    monkeypatch.setenv("DEMO_PASSWORD", "demo password for the round")
    call_command("setup_portal", demo=True)
    client.force_login(get_user_model().objects.get(username="office"))
    evaluation = EvaluationRound.objects.get()
    votes = {f"votes_{p.pk}": "4" for p in evaluation.proposals.all()}
    failing = evaluation.proposals.get(honoree_kind="collective")
    votes[f"votes_{failing.pk}"] = "2"
    round_url = f"/office/awards/rounds/{evaluation.pk}/"
    response = client.post(round_url, {"version": evaluation.version, **votes})
    assert response.status_code == 302

    response = client.post(
        f"{round_url}decision/",
        {
            "number": "125",
            "date_0": "28",
            "date_1": "12",
            "date_2": "2022",
            "signer_position": "GIÁM ĐỐC",
            "signer_name": "Nguyễn Thanh Hải",
            "news_items": "each",
        },
    )
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.symbol == "125/QĐ-SCT"
    response = client.post(
        f"/office/awards/decisions/{decision.pk}/issue/", {"version": decision.version}
    )
    assert response.status_code == 302
    assert Award.objects.filter(decision=decision).count() == 3
    page = client.get(f"/office/awards/decisions/{decision.pk}/certificates/")
    assert page.content.decode().count('<article class="certificate"') == 3
