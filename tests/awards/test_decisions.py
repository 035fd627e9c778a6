"""The commendation decision: made from a round's passed proposals, numbered once per issuer and
year, issued (awards on record, news drafted, locked), amended, and its money."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import Event
from awards import decisions as service
from awards.models import Award, AwardRate, BaseSalary, Decision, EvaluationRound, award_money
from campaign.models import CampaignDocument, LegalDocument
from news.models import Commendation
from tests.factories import (
    commendation_form,
    make_campaign,
    make_decision,
    make_evaluation_round,
    make_proposal,
    make_unit,
    make_user,
)

pytestmark = pytest.mark.django_db

SIGNER = {
    "signer_position": "Phó Giám đốc",
    "signer_on_behalf_of": "Giám đốc",
    "signer_name": "Lê Văn Ký",
}


def department_campaign(**kw):
    kw.setdefault("governing_body", "UBND tỉnh Bến Tre")
    kw.setdefault("letterhead_name", "Sở Công Thương")
    kw.setdefault("issuer_code", "SCT")
    kw.setdefault("issuing_place", "Bến Tre")
    kw.setdefault("movement", "phong trào thi đua phòng, chống dịch COVID-19")
    kw.setdefault("themes", 1)
    return make_campaign(**kw)


def round_with(passed: int = 2, failed: int = 1, collectives: int = 1, **kw):
    """A round of 5 members: `passed` persons with 5 votes, `failed` with 1, and `collectives`
    collectives passed for a Giấy khen."""
    campaign = kw.pop("campaign", None) or department_campaign()
    evaluation = make_evaluation_round(campaign=campaign, **kw)
    for _ in range(passed):
        make_proposal(evaluation=evaluation, votes_for=5)
    for _ in range(failed):
        make_proposal(evaluation=evaluation, votes_for=1)
    for _ in range(collectives):
        unit = make_unit()
        make_proposal(
            evaluation=evaluation,
            unit=unit,
            honoree_kind="collective",
            honoree_name=unit.name,
            position="",
            votes_for=4,
        )
    return evaluation


def decide(evaluation, number=125, date=dt.date(2022, 12, 28), user=None, **kw):
    return service.decision_from_round(
        evaluation,
        number=number,
        date=date,
        user=user or make_user(office=True),
        **{**SIGNER, **kw},
    )


# ---- making it ------------------------------------------------------------------------------


def test_a_decision_names_the_passed_proposals_with_texts_from_the_campaign():
    campaign = department_campaign()
    plan = LegalDocument.objects.create(
        number="45/KH-SCT",
        kind=LegalDocument.Kind.PLAN,
        issued_on=dt.date(2022, 3, 5),
        issuer="Sở Công Thương",
        title="phát động phong trào thi đua",
    )
    CampaignDocument.objects.create(campaign=campaign, document=plan)
    evaluation = round_with(
        campaign=campaign,
        minutes_number="12/BB-HĐTĐKT",
        submission_number="15/TTr-VP",
        submission_date=dt.date(2022, 12, 22),
    )
    decision = decide(evaluation)

    assert decision.symbol == "125/QĐ-SCT"
    assert decision.status == Decision.Status.DRAFT
    assert decision.proposals.count() == 3  # the failed one is left out
    assert decision.governing_body == "UBND tỉnh Bến Tre"
    assert decision.issuing_body == "Sở Công Thương"
    assert decision.place == "Bến Tre"
    assert decision.abstract == (
        "Về việc khen thưởng tổng kết phong trào thi đua phòng, chống dịch COVID-19"
    )
    grounds = decision.grounds.splitlines()
    assert grounds[0] == "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
    assert grounds[1].startswith("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023")
    assert "Kế hoạch số 45/KH-SCT ngày 05 tháng 3 năm 2022" in grounds[2]
    assert "Biên bản số 12/BB-HĐTĐKT ngày 20 tháng 12 năm 2022" in grounds[3]
    assert "Tờ trình số 15/TTr-VP ngày 22 tháng 12 năm 2022" in grounds[4]
    assert decision.signer_on_behalf_of == "Giám đốc"
    assert Event.objects.filter(action="decision.create", object_id=str(decision.pk)).exists()


def test_a_number_is_used_once_per_issuer_and_year():
    decide(round_with(), number=125)
    with pytest.raises(ValidationError) as refused:
        decide(round_with(), number=125)
    assert "125/QĐ-SCT" in refused.value.message_dict["number"][0]
    assert "126" in refused.value.message_dict["number"][0]  # the next free one
    # Another year, or another issuer, may use it.
    decide(round_with(), number=125, date=dt.date(2023, 1, 5))
    decide(round_with(campaign=department_campaign(issuer_code="UBND")), number=125)
    assert Decision.objects.filter(number=125).count() == 3


def test_the_next_free_number_follows_the_register():
    assert Decision.next_free_number("SCT", 2022) == 1
    decide(round_with(), number=7)
    assert Decision.next_free_number("SCT", 2022) == 8
    assert Decision.next_free_number("SCT", 2023) == 1


def test_nothing_to_decide_is_refused():
    evaluation = round_with(passed=0, failed=2, collectives=0)
    with pytest.raises(service.DecisionError):
        decide(evaluation)
    assert not Decision.objects.exists()


# ---- the form -------------------------------------------------------------------------------


def form_data(**kw):
    data = {
        "number": "125",
        "date_0": "28",
        "date_1": "12",
        "date_2": "2022",
        "signer_position": "Phó Giám đốc",
        "signer_on_behalf_of": "Giám đốc",
        "signer_name": "Lê Văn Ký",
        "news_items": "each",
    }
    data.update(kw)
    return data


def test_the_form_suggests_the_next_number_and_refuses_a_taken_one_without_a_500(client):
    make_decision(number=125, date=dt.date(2022, 12, 1))  # issuer SCT, 2022
    evaluation = round_with()
    client.force_login(make_user(office=True))
    url = reverse("awards:decision-create", args=[evaluation.pk])

    page = client.get(url)
    assert page.status_code == 200
    year = page.context["form"].initial["date"].year
    assert page.context["form"].initial["number"] == Decision.next_free_number("SCT", year)

    refused = client.post(url, form_data(number="125"))
    assert refused.status_code == 200
    assert "125/QĐ-SCT" in refused.context["form"].errors["number"][0]
    assert client.post(url, form_data(number="0")).status_code == 200
    assert Decision.objects.count() == 1

    made = client.post(url, form_data(number="126"))
    decision = Decision.objects.get(number=126)
    assert made.status_code == 302
    assert made["Location"] == reverse("awards:decision", args=[decision.pk])


def test_a_number_taken_meanwhile_is_a_form_error(client, monkeypatch):
    evaluation = round_with()
    client.force_login(make_user(office=True))
    # The form's own check passes; another office member takes the number before the save.
    monkeypatch.setattr(service, "number_taken", lambda *a, **k: False)
    make_decision(number=125, date=dt.date(2022, 12, 1))
    url = reverse("awards:decision-create", args=[evaluation.pk])
    refused = client.post(url, form_data(number="125"))
    assert refused.status_code == 200
    assert refused.context["form"].errors["number"]


# ---- money ----------------------------------------------------------------------------------


def test_award_money_is_rounded_up_to_ten_thousand():
    assert award_money(Decimal("0.15"), 1_490_000) == 230_000  # 223.500 → 230.000
    assert award_money(Decimal("0.3"), 1_490_000) == 450_000  # 447.000 → 450.000
    assert award_money(Decimal("1.0"), 1_800_000) == 1_800_000


def test_article_2_pays_by_the_rate_and_salary_valid_on_the_date():
    decision = decide(round_with(passed=2, failed=0, collectives=1))
    annex = service.annex(decision)
    # Giấy khen in 2022: 0.15 (person) and 0.3 (collective) × 1.490.000.
    assert [line.amount for line in annex.persons] == [230_000, 230_000]
    assert [line.amount for line in annex.collectives] == [450_000]
    assert annex.total == 910_000
    assert annex.warnings == []


def test_a_missing_rate_is_a_warning_not_a_crash():
    AwardRate.objects.filter(form=commendation_form()).delete()
    decision = decide(round_with(passed=1, failed=0, collectives=0))
    annex = service.annex(decision)
    assert annex.total == 0
    assert len(annex.warnings) == 1
    BaseSalary.objects.all().delete()
    assert len(service.annex(decision).warnings) == 2


# ---- issuing --------------------------------------------------------------------------------


def test_issuing_records_every_award_and_drafts_news_for_each():
    evaluation = round_with(passed=2, failed=1, collectives=1)
    decision = decide(evaluation)
    user = make_user(office=True)
    issued = service.issue(decision, user, decision.version)

    assert issued.status == Decision.Status.ISSUED
    assert issued.issued_by == user and issued.issued_at
    awards = Award.objects.filter(decision=issued).order_by("pk")
    assert awards.count() == 3
    award = awards.filter(honoree_kind="person").first()
    assert award.decision_number == "125/QĐ-SCT"
    assert award.decision_date == dt.date(2022, 12, 28)
    assert award.year == 2022
    assert award.form_name == str(commendation_form())
    assert award.issuer == "Giám đốc Sở Công Thương"
    assert award.amount == 230_000
    assert award.proposal.decision_id == issued.pk
    assert award.name_key  # found in the honouree's record
    assert Award.objects.of_person(award.unit, award.honoree_name).count() == 1
    news = Commendation.objects.filter(decision_number="125/QĐ-SCT")
    assert news.count() == 3
    assert set(news.values_list("status", flat=True)) == {"draft"}
    assert {a.commendation_id for a in awards} == set(news.values_list("pk", flat=True))
    # The round's passed proposals are all decided.
    assert EvaluationRound.objects.get(pk=evaluation.pk).status == EvaluationRound.Status.DECIDED
    assert Event.objects.filter(action="decision.issue", object_id=str(issued.pk)).exists()


def test_one_news_item_for_the_decision():
    decision = decide(round_with(passed=2, failed=0, collectives=1), news_items="one")
    service.issue(decision, make_user(office=True), decision.version)
    news = Commendation.objects.get()
    assert news.decision_number == "125/QĐ-SCT" and news.status == "draft"
    assert Award.objects.filter(commendation=news).count() == 3


def test_no_news_when_the_office_says_so():
    decision = decide(round_with(), news_items="none")
    service.issue(decision, make_user(office=True), decision.version)
    assert not Commendation.objects.exists()
    assert Award.objects.filter(decision=decision).count() == 3


def test_issuing_twice_stale_or_empty_is_refused():
    decision = decide(round_with())
    user = make_user(office=True)
    with pytest.raises(service.StaleDecision):
        service.issue(decision, user, decision.version - 1)
    with pytest.raises(service.StaleDecision):
        service.issue(decision, user, None)
    service.issue(decision, user, decision.version)
    decision.refresh_from_db()
    with pytest.raises(service.DecisionError):
        service.issue(decision, user, decision.version)
    assert Award.objects.count() == 3

    empty = make_decision(date=dt.date(2022, 12, 30))
    with pytest.raises(service.DecisionError):
        service.issue(empty, user, empty.version)
    empty.refresh_from_db()
    assert empty.status == Decision.Status.DRAFT


def test_the_round_stays_open_while_a_passed_proposal_waits():
    evaluation = round_with(passed=1, failed=0, collectives=0)
    decision = decide(evaluation)
    make_proposal(evaluation=evaluation, votes_for=5)  # passed after the decision was made
    service.issue(decision, make_user(office=True), decision.version)
    assert EvaluationRound.objects.get(pk=evaluation.pk).status == EvaluationRound.Status.OPEN


def test_an_issued_decision_is_locked_in_the_admin(client):
    decision = decide(round_with())
    office = make_user(office=True)
    client.force_login(office)
    url = reverse("admin:awards_decision_change", args=[decision.pk])
    assert '<input type="text" name="abstract"' in client.get(url).content.decode()
    service.issue(decision, office, decision.version)

    page = client.get(url).content.decode()
    assert 'name="abstract"' not in page
    assert client.post(url, {"abstract": "Đổi"}).status_code == 403
    decision.refresh_from_db()
    assert decision.abstract.startswith("Về việc khen thưởng")
    delete = reverse("admin:awards_decision_delete", args=[decision.pk])
    assert client.get(delete).status_code == 403


# ---- amending -------------------------------------------------------------------------------


def test_an_amendment_copies_the_texts_and_list_and_corrects_the_record():
    decision = decide(round_with(), news_items="none")
    office = make_user(office=True)
    service.issue(decision, office, decision.version)
    decision.refresh_from_db()

    amendment = service.amend(
        decision, number=130, date=dt.date(2023, 1, 10), user=office, **SIGNER
    )
    assert amendment.amends == decision
    assert amendment.status == Decision.Status.DRAFT
    assert amendment.abstract.startswith("Về việc sửa đổi Quyết định số 125/QĐ-SCT")
    assert "Căn cứ Quyết định số 125/QĐ-SCT ngày 28 tháng 12 năm 2022;" in amendment.grounds
    assert len(service.annex(amendment).lines) == 3
    with pytest.raises(service.DecisionError):  # a draft is changed, never amended
        service.amend(amendment, number=131, date=dt.date(2023, 1, 10), user=office, **SIGNER)

    service.issue(amendment, office, amendment.version)
    awards = Award.objects.all()
    assert awards.count() == 3  # corrected, not doubled
    assert set(awards.values_list("decision_number", flat=True)) == {"130/QĐ-SCT"}
    assert set(awards.values_list("year", flat=True)) == {2023}
    # The amended decision itself never changed.
    decision.refresh_from_db()
    assert decision.is_issued() and decision.proposals.count() == 3


def test_amending_a_draft_is_not_found(client):
    decision = decide(round_with())
    client.force_login(make_user(office=True))
    assert client.get(reverse("awards:decision-amend", args=[decision.pk])).status_code == 404


def test_the_issue_page_confirms_then_issues(client):
    decision = decide(round_with())
    client.force_login(make_user(office=True))
    url = reverse("awards:decision-issue", args=[decision.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'name="version"' in page.content.decode()
    stale = client.post(url, {"version": decision.version + 5})
    assert stale.status_code == 200 and "người khác thay đổi" in stale.content.decode()
    assert client.post(url, {"version": "x"}).status_code == 200
    done = client.post(url, {"version": decision.version})
    assert done.status_code == 302
    decision.refresh_from_db()
    assert decision.is_issued()


def test_the_admin_refuses_a_taken_number_as_a_form_error(client):
    make_decision(number=125, date=dt.date(2022, 12, 1))
    draft = decide(round_with(), number=126)
    client.force_login(make_user(office=True))
    url = reverse("admin:awards_decision_change", args=[draft.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    data.update(number="125", date="28/12/2022", news_items="each")
    data = {k: v for k, v in data.items() if v is not None}
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors["number"]
    draft.refresh_from_db()
    assert draft.number == 126


def test_the_amend_page_makes_an_amending_draft(client):
    decision = decide(round_with(), news_items="none")
    office = make_user(office=True)
    service.issue(decision, office, decision.version)
    client.force_login(office)
    url = reverse("awards:decision-amend", args=[decision.pk])
    assert client.get(url).context["form"].initial["news_items"] == "none"
    refused = client.post(url, form_data(number="125", news_items="none"))
    assert refused.status_code == 200 and refused.context["form"].errors["number"]
    made = client.post(url, form_data(number="140", news_items="none"))
    amendment = Decision.objects.get(number=140)
    assert made["Location"] == reverse("awards:decision", args=[amendment.pk])
    assert amendment.amends_id == decision.pk
