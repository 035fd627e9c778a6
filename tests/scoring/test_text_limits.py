"""A review round's note has a limit in the office's form, in each language."""

from __future__ import annotations

import pytest
from django.urls import reverse

from scoring.models import ScoringRound
from tests.factories import make_round, text_of_length
from tests.scoring.conftest import round_admin_data

pytestmark = pytest.mark.django_db

NOTE = ScoringRound._meta.get_field("note").max_length


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_note_one_character_too_long_changes_nothing(client, criteria_and_units, language):
    client.force_login(criteria_and_units.office)
    scoring_round = make_round(campaign=criteria_and_units.campaign, status="draft", title="Sơ kết")
    url = reverse("admin:scoring_scoringround_change", args=[scoring_round.pk])
    assert f'maxlength="{NOTE}"' in client.get(url).content.decode()
    data = round_admin_data(criteria_and_units.campaign, scoring_round)
    response = client.post(url, {**data, f"note_{language}": text_of_length(NOTE + 1)})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors[f"note_{language}"]
    assert errors == [
        "Nội dung này chỉ được dài tối đa 1.000 ký tự; hiện có 1.001 ký tự. Hãy rút gọn lại."
    ]
    stored = ScoringRound.objects.get(pk=scoring_round.pk)
    assert (stored.title, stored.note_vi or "", stored.version) == ("Sơ kết", "", 1)

    response = client.post(url, {**data, f"note_{language}": text_of_length(NOTE)})
    assert response.status_code == 302
    stored = ScoringRound.objects.get(pk=scoring_round.pk)
    assert getattr(stored, f"note_{language}") == text_of_length(NOTE)
