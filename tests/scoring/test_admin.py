"""The office's scoring screens: criteria, rounds with their score sheet, the per-unit score
entry (with the maximum rule and no silent overwrite), publishing, and the history."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from kit.roles import OFFICE_GROUP
from scoring import services
from scoring.models import Criterion, Score, ScoringRound
from tests.factories import make_round, make_score
from tests.scoring.conftest import round_admin_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_client(client, criteria_and_units):
    client.force_login(criteria_and_units.office)
    return client


def entry_url(scoring_round, unit) -> str:
    return reverse("admin:scoring_scoringround_unit_scores", args=[scoring_round.pk, unit.pk])


def test_the_office_group_may_manage_scoring():
    codenames = set(
        Group.objects.get(name=OFFICE_GROUP)
        .permissions.filter(content_type__app_label="scoring")
        .values_list("codename", flat=True)
    )
    assert codenames == {
        f"{action}_{model}"
        for model in ("criterion", "scoringround", "score")
        for action in ("add", "change", "delete", "view")
    }


def test_the_score_sheet_lists_every_active_unit_with_its_points(office_client, criteria_and_units):
    scoring_round = make_round(campaign=criteria_and_units.campaign, status="draft")
    make_score(
        scoring_round=scoring_round,
        unit=criteria_and_units.unit_a,
        criterion=criteria_and_units.c11,
        points="7.5",
    )
    make_score(
        scoring_round=scoring_round,
        unit=criteria_and_units.unit_a,
        criterion=criteria_and_units.c21,
        points=2,
    )
    html = office_client.get(reverse("admin:scoring_scoringround_change", args=[scoring_round.pk]))
    html = html.content.decode()
    assert html.count("Nhập điểm") == 3  # one link per unit
    assert entry_url(scoring_round, criteria_and_units.unit_b) in html
    assert "<strong>9,5</strong>" in html and "2 / 3" in html


def test_entering_a_units_scores(office_client, criteria_and_units):
    scoring_round = make_round(campaign=criteria_and_units.campaign, status="draft")
    page = office_client.get(entry_url(scoring_round, criteria_and_units.unit_a)).content.decode()
    assert (
        f'<label for="id_criterion_{criteria_and_units.c11.pk}">1.1. Tiêu chí 1.1</label>' in page
    )
    assert "Từ 0 đến 10 điểm." in page
    response = office_client.post(
        entry_url(scoring_round, criteria_and_units.unit_a),
        {
            "token": "",
            f"criterion_{criteria_and_units.c11.pk}": "7,5",
            f"criterion_{criteria_and_units.c21.pk}": "20",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admin:scoring_scoringround_change", args=[scoring_round.pk]
    )
    scores = dict(Score.objects.filter(round=scoring_round).values_list("criterion_id", "points"))
    assert scores == {
        criteria_and_units.c11.pk: Decimal("7.5"),
        criteria_and_units.c21.pk: Decimal(20),
    }
    assert (
        Score.objects.get(criterion=criteria_and_units.c11).history.latest().history_user
        == criteria_and_units.office
    )


def test_points_are_read_as_vietnamese_write_them_never_guessed(office_client, criteria_and_units):
    """The admin speaks Vietnamese: 7,5 is seven and a half; 7.5 is refused with the notation
    rather than taken as 75 (thousands) or silently as 7.5."""
    scoring_round = make_round(campaign=criteria_and_units.campaign, status="draft")
    url = entry_url(scoring_round, criteria_and_units.unit_a)
    page = office_client.get(url).content.decode()
    assert f'name="criterion_{criteria_and_units.c11.pk}"' in page and 'type="number"' not in page
    response = office_client.post(
        url, {"token": "", f"criterion_{criteria_and_units.c11.pk}": "7.5"}
    )
    assert response.status_code == 200
    assert "Hãy nhập số theo cách viết 1.234,5 hoặc 2.500" in response.content.decode()
    assert not Score.objects.exists()
    office_client.post(url, {"token": "", f"criterion_{criteria_and_units.c11.pk}": "7,5"})
    assert Score.objects.get().points == Decimal("7.5")


def test_the_criterion_form_reads_its_maximum_as_vietnamese_write_it(
    office_client, criteria_and_units
):
    url = reverse("admin:scoring_criterion_change", args=[criteria_and_units.c12.pk])
    page = office_client.get(url).content.decode()
    assert re.search(
        r'<input type="text" name="max_points" value="5"[^>]*inputmode="decimal"', page
    )
    data = {
        "theme": criteria_and_units.theme1.pk,
        "number": 2,
        "title_vi": "Tiêu chí 1.2",
        "title_en": "",
        "description_vi": "",
        "description_en": "",
        "max_points": "2,5",
    }
    assert office_client.post(url, data).status_code == 302
    assert Criterion.objects.get(pk=criteria_and_units.c12.pk).max_points == Decimal("2.5")


def test_save_and_next_opens_the_next_unit(office_client, criteria_and_units):
    scoring_round = make_round(campaign=criteria_and_units.campaign, status="draft")
    response = office_client.post(
        entry_url(scoring_round, criteria_and_units.unit_a),
        {"token": "", f"criterion_{criteria_and_units.c12.pk}": "1", "_next": "1"},
    )
    assert response["Location"] == entry_url(scoring_round, criteria_and_units.unit_b)


def test_points_above_the_maximum_get_a_clear_message_and_save_nothing(
    office_client, criteria_and_units
):
    scoring_round = make_round(campaign=criteria_and_units.campaign, status="draft")
    response = office_client.post(
        entry_url(scoring_round, criteria_and_units.unit_a),
        {
            "token": "",
            f"criterion_{criteria_and_units.c11.pk}": "8",
            f"criterion_{criteria_and_units.c12.pk}": "5,5",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "“Tiêu chí 1.2” chỉ được tối đa 5 điểm; hãy nhập 5 hoặc ít hơn." in html
    assert not Score.objects.exists()


def test_a_colleagues_newer_save_is_not_overwritten(office_client, criteria_and_units):
    scoring_round = make_round(campaign=criteria_and_units.campaign, status="draft")
    opened = services.scores_token([])
    make_score(
        scoring_round=scoring_round,
        unit=criteria_and_units.unit_a,
        criterion=criteria_and_units.c11,
        points=4,
    )
    data = {"token": opened, f"criterion_{criteria_and_units.c11.pk}": "9"}
    response = office_client.post(entry_url(scoring_round, criteria_and_units.unit_a), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "nên chưa có gì được lưu" in html
    assert "Hiện đã lưu: 4." in html
    assert Score.objects.get().points == Decimal(4)
    # The form now carries the current token: saving again is a deliberate replacement.
    token = services.scores_token(Score.objects.all())
    assert f'value="{token}"' in html
    office_client.post(
        entry_url(scoring_round, criteria_and_units.unit_a), {**data, "token": token}
    )
    assert Score.objects.get().points == Decimal(9)


def test_a_published_round_is_read_only(office_client, criteria_and_units):
    scoring_round = make_round(campaign=criteria_and_units.campaign)
    make_score(
        scoring_round=scoring_round,
        unit=criteria_and_units.unit_a,
        criterion=criteria_and_units.c11,
        points=4,
    )
    page = office_client.get(entry_url(scoring_round, criteria_and_units.unit_a)).content.decode()
    assert "disabled" in page and 'name="_save"' not in page
    response = office_client.post(
        entry_url(scoring_round, criteria_and_units.unit_a),
        {"token": "", f"criterion_{criteria_and_units.c11.pk}": "1"},
    )
    assert response.status_code == 302
    assert Score.objects.get().points == Decimal(4)
    change = office_client.get(
        reverse("admin:scoring_scoringround_change", args=[scoring_round.pk])
    )
    assert 'name="title_vi"' not in change.content.decode()  # the round's details too


def test_publish_and_unpublish_actions(office_client, criteria_and_units):
    empty = make_round(campaign=criteria_and_units.campaign, status="draft", title="Chưa chấm")
    scored = make_round(campaign=criteria_and_units.campaign, status="draft", title="Đã chấm")
    make_score(
        scoring_round=scored,
        unit=criteria_and_units.unit_a,
        criterion=criteria_and_units.c11,
        points=4,
    )
    changelist = reverse("admin:scoring_scoringround_changelist")
    response = office_client.post(
        changelist, {"action": "publish", "_selected_action": [empty.pk, scored.pk]}, follow=True
    )
    html = response.content.decode()
    assert "“Chưa chấm” chưa có điểm nào" in html
    assert ScoringRound.objects.get(pk=scored.pk).is_published()
    assert not ScoringRound.objects.get(pk=empty.pk).is_published()
    office_client.post(changelist, {"action": "unpublish", "_selected_action": [scored.pk]})
    assert not ScoringRound.objects.get(pk=scored.pk).is_published()


def test_a_round_edited_meanwhile_is_not_overwritten(office_client, criteria_and_units):
    scoring_round = make_round(campaign=criteria_and_units.campaign, status="draft", title="Sơ kết")
    url = reverse("admin:scoring_scoringround_change", args=[scoring_round.pk])
    data = round_admin_data(criteria_and_units.campaign, scoring_round)
    ScoringRound.objects.filter(pk=scoring_round.pk).update(version=5)  # a colleague's save
    response = office_client.post(url, data)
    assert response.status_code == 200
    assert "Một cán bộ Văn phòng Sở khác đã sửa đợt đánh giá này" in response.content.decode()
    assert ScoringRound.objects.get(pk=scoring_round.pk).title == "Sơ kết"
    response = office_client.post(url, {**data, "expected_version": 5})
    assert response.status_code == 302
    assert ScoringRound.objects.get(pk=scoring_round.pk).title == "Sơ kết quý I"


def test_criterion_maximum_below_a_recorded_score_is_refused_in_the_admin(
    office_client, criteria_and_units
):
    scoring_round = make_round(campaign=criteria_and_units.campaign, status="draft")
    make_score(
        scoring_round=scoring_round,
        unit=criteria_and_units.unit_a,
        criterion=criteria_and_units.c11,
        points=8,
    )
    response = office_client.post(
        reverse("admin:scoring_criterion_change", args=[criteria_and_units.c11.pk]),
        {
            "theme": criteria_and_units.theme1.pk,
            "number": 1,
            "title_vi": "Tiêu chí 1.1",
            "title_en": "",
            "description_vi": "",
            "description_en": "",
            "max_points": "6",
        },
    )
    assert response.status_code == 200
    assert "đã có 8 điểm" in response.content.decode()
    assert Criterion.objects.get(pk=criteria_and_units.c11.pk).max_points == Decimal(10)


def test_a_published_round_cannot_be_deleted(office_client, criteria_and_units):
    published = make_round(campaign=criteria_and_units.campaign)
    draft = make_round(campaign=criteria_and_units.campaign, status="draft")
    assert (
        office_client.get(
            reverse("admin:scoring_scoringround_delete", args=[published.pk])
        ).status_code
        == 403
    )
    assert (
        office_client.get(reverse("admin:scoring_scoringround_delete", args=[draft.pk])).status_code
        == 200
    )
    changelist = office_client.get(
        reverse("admin:scoring_scoringround_changelist")
    ).content.decode()
    assert 'value="delete_selected"' not in changelist
