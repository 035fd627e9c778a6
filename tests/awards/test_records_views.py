"""The achievement records' pages: the office finds anyone (accents optional), a unit head reads
only their own units' records and outcomes; someone else's unit is a 404."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    make_award,
    make_decision,
    make_evaluation_round,
    make_proposal,
    make_role,
    make_unit,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def units(db):
    return make_unit(name="Phòng Quản lý Thương mại"), make_unit(name="Phòng Kế hoạch Tài chính")


@pytest.fixture
def head(units):
    return make_role(unit=units[0]).user


def record_url(unit, name_slug):
    return reverse("awards:record", args=[unit.slug, name_slug])


def test_the_office_search_folds_accents_and_d(client, units):
    a, b = units
    make_award(unit=a, honoree_name="Nguyễn Văn Đức", year=2021)
    make_award(unit=a, honoree_name="Nguyễn Văn Đức", year=2020, decision_number="3/QĐ-SCT")
    make_award(unit=b, honoree_name="Lê Thị Hoa")
    make_award(unit=b, honoree_name=b.name_vi, honoree_kind="collective")
    client.force_login(make_user(office=True))
    url = reverse("awards:records")
    for query in ("duc", "Đức", "đuc", "van duc"):
        lines = client.get(url, {"q": query}).context["lines"]
        assert [(line["name"], line["awards"]) for line in lines] == [("Nguyễn Văn Đức", 2)]
        assert lines[0]["url"] == record_url(a, "nguyen-van-duc")
    # A unit's name finds its people and the collective.
    lines = client.get(url, {"q": "ke hoach"}).context["lines"]
    assert {line["name"] for line in lines} == {"Lê Thị Hoa", b.name_vi}
    lines = client.get(url, {"q": "ke hoach", "kind": "collective"}).context["lines"]
    assert [line["url"] for line in lines] == [reverse("awards:unit-record", args=[b.slug])]
    assert client.get(url, {"q": "duck"}).context["lines"] == []  # whole syllables only


def test_the_office_list_is_paginated(client, units):
    for n in range(55):
        make_award(unit=units[0], honoree_name=f"Người {n:02d}")
    client.force_login(make_user(office=True))
    first = client.get(reverse("awards:records"))
    assert len(first.context["lines"]) == 50 and first.context["is_paginated"]
    assert len(client.get(reverse("awards:records"), {"page": 2}).context["lines"]) == 5


def test_a_person_record_newest_first_with_decision_issuer_and_campaign(client, units):
    a = units[0]
    decision = make_decision(date=dt.date(2022, 12, 28))
    make_award(unit=a, honoree_name="Nguyễn Văn Đức", year=2020, decision_number="3/QĐ-SCT",
               decision_date=dt.date(2020, 12, 1))  # fmt: skip
    make_award(unit=a, decision=decision, honoree_name="NGUYEN VAN DUC", issuer="Giám đốc Sở")
    make_award(unit=a, honoree_name="Người khác")
    client.force_login(make_user(office=True))
    response = client.get(record_url(a, "nguyen-van-duc"))
    awards = response.context["awards"]
    assert [award.decision_number for award in awards] == [decision.symbol, "3/QĐ-SCT"]
    page = response.content.decode()
    assert decision.symbol in page and "28/12/2022" in page and "Giám đốc Sở" in page
    assert "Người khác" not in page
    assert client.get(record_url(a, "khong-co-ai")).status_code == 404


def test_heads_read_their_own_units_records_and_get_404_for_another(client, units, head):
    a, b = units
    make_award(unit=a, honoree_name="Nguyễn Văn Đức")
    make_award(unit=b, honoree_name="Lê Thị Hoa")
    client.force_login(head)
    assert client.get(record_url(a, "nguyen-van-duc")).status_code == 200
    assert client.get(reverse("awards:unit-record", args=[a.slug])).status_code == 200
    assert client.get(record_url(b, "le-thi-hoa")).status_code == 404
    assert client.get(reverse("awards:unit-record", args=[b.slug])).status_code == 404
    assert client.get(reverse("awards:records")).status_code == 403  # the office's list


def test_a_record_is_never_public(client, units):
    make_award(unit=units[0], honoree_name="Nguyễn Văn Đức")
    response = client.get(record_url(units[0], "nguyen-van-duc"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_my_records_groups_the_units_people(client, units, head):
    a, b = units
    make_award(unit=a, honoree_name="Nguyễn Văn Đức", year=2020, decision_number="3/QĐ-SCT")
    make_award(unit=a, honoree_name="Nguyễn Văn Đức", year=2021)
    make_award(unit=a, honoree_name="Trần Văn Bảy")
    make_award(unit=a, honoree_name=a.name_vi, honoree_kind="collective")
    make_award(unit=b, honoree_name="Lê Thị Hoa")
    client.force_login(head)
    response = client.get(reverse("awards:my-records"))
    [entry] = response.context["units"]
    assert entry.unit == a and len(entry.collective) == 1
    people = {p.name: [award.year for award in p.awards] for p in entry.people.values()}
    assert people == {"Nguyễn Văn Đức": [2021, 2020], "Trần Văn Bảy": [2021]}
    assert "Lê Thị Hoa" not in response.content.decode()


def test_outcomes_are_computed_for_the_heads_units_only(client, units, head):
    a, b = units
    evaluation = make_evaluation_round(members=5)  # more than half: 3 votes pass
    passed = make_proposal(evaluation=evaluation, unit=a, votes_for=4)
    failed = make_proposal(evaluation=evaluation, unit=a, votes_for=2)
    pending = make_proposal(evaluation=evaluation, unit=a)
    make_proposal(evaluation=evaluation, unit=b, votes_for=5, honoree_name="Người đơn vị khác")
    decision = make_decision(evaluation=evaluation, status="issued", number=125)
    passed.decision = decision
    passed.save()
    client.force_login(head)
    response = client.get(reverse("awards:outcomes"))
    [entry] = response.context["rounds"]
    got = {p.pk: (p.outcome_code, p.issued_decision) for p in entry.proposals}
    assert got == {
        passed.pk: ("passed", decision),
        failed.pk: ("failed", None),
        pending.pk: ("pending", None),
    }
    page = response.content.decode()
    assert "125/QĐ-SCT" in page and "Người đơn vị khác" not in page


def test_a_draft_decisions_number_is_not_shown(client, units, head):
    evaluation = make_evaluation_round(members=3)
    proposal = make_proposal(evaluation=evaluation, unit=units[0], votes_for=3)
    proposal.decision = make_decision(evaluation=evaluation, number=77)
    proposal.save()
    client.force_login(head)
    response = client.get(reverse("awards:outcomes"))
    assert "77/QĐ-SCT" not in response.content.decode()


def test_the_workspace_links_heads_to_records_and_outcomes(client, head):
    client.force_login(head)
    page = client.get(reverse("pledges:workspace")).content.decode()
    assert reverse("awards:my-records") in page and reverse("awards:outcomes") in page
    nobody = make_user()
    client.force_login(nobody)
    page = client.get(reverse("pledges:workspace")).content.decode()
    assert reverse("awards:my-records") not in page


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_pages_render_in_both_languages(client, units, head, language):
    make_award(unit=units[0], honoree_name="Nguyễn Văn Đức")
    make_proposal(evaluation=make_evaluation_round(), unit=units[0])
    client.force_login(head)
    vi = language == "vi"
    with translation.override(language):
        pages = {
            reverse("awards:my-records"): "Records of my units",
            reverse("awards:outcomes"): "Outcome of proposals",
            record_url(units[0], "nguyen-van-duc"): "Titles and forms received",
            reverse("awards:unit-record", args=[units[0].slug]): "People of the unit on record",
        }
        words = {url: translation.gettext(text) for url, text in pages.items()}
        assert vi == (words[reverse("awards:outcomes")] == "Kết quả đề nghị khen thưởng")
    for url, text in words.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
