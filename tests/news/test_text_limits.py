"""The texts of nominations and commendations have limits: one character more (sent past the
browser's maxlength) is a form error with nothing saved, exactly the limit is saved, and the
services refuse an over-long text sent to them directly."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import Event
from news.models import Commendation, Nomination, NominationImage
from news.services import nomination_accept, nomination_decline, nomination_submit
from outbox.models import Message
from tests.factories import (
    commendation_form,
    make_nomination,
    make_role,
    make_unit,
    text_of_length,
)
from tests.images import jpeg_bytes, upload

pytestmark = pytest.mark.django_db

ACHIEVEMENTS = Nomination._meta.get_field("achievements").max_length
DECLINE = Nomination._meta.get_field("decline_reason").max_length
BODY = Commendation._meta.get_field("body").max_length
SUMMARY = Commendation._meta.get_field("summary").max_length
TOO_LONG = "Nội dung này chỉ được dài tối đa"


def nomination_data(unit, theme, **overrides) -> dict:
    return {
        "unit": unit.pk,
        "honoree_name": "Phạm Thị Đông",
        "honoree_kind": "person",
        "position": "Chuyên viên",
        "theme": theme.pk,
        "proposed_form": commendation_form("giay-khen").pk,
        "achievements": "Trực chốt kiểm dịch 60 ngày.",
        **overrides,
    }


def nothing_recorded() -> bool:
    """No workflow step in the audit trail and no e-mail queued."""
    steps = Event.objects.filter(action=Event.Action.TRANSITION)
    return not steps.exists() and not Message.objects.exists()


def test_the_limits_are_what_a_person_needs():
    assert (ACHIEVEMENTS, DECLINE, BODY, SUMMARY) == (5000, 2000, 50_000, 600)


def test_nominating_with_achievements_one_character_too_long_saves_nothing(
    client, head, unit, theme
):
    client.force_login(head)
    url = reverse("news:nomination-create")
    page = client.get(url).content.decode()
    assert f'maxlength="{ACHIEVEMENTS}"' in page and "Tối đa 5.000 ký tự." in page
    response = client.post(
        url,
        nomination_data(
            unit,
            theme,
            achievements=text_of_length(ACHIEVEMENTS + 1),
            evidence=[upload("IMG_1.jpg", jpeg_bytes())],
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["achievements"] == [
        "Nội dung này chỉ được dài tối đa 5.000 ký tự; hiện có 5.001 ký tự. Hãy rút gọn lại."
    ]
    assert not Nomination.objects.exists() and not NominationImage.objects.exists()
    assert nothing_recorded()

    text = text_of_length(ACHIEVEMENTS)
    response = client.post(url, nomination_data(unit, theme, achievements=text))
    assert response.status_code == 302
    assert Nomination.objects.get().achievements == text


def test_an_edit_one_character_too_long_changes_nothing(client, head, unit, theme):
    nomination = make_nomination(unit=unit, by=head, theme=theme)
    before = (nomination.achievements, nomination.version)
    client.force_login(head)
    url = reverse("news:nomination-update", args=[nomination.pk])
    data = nomination_data(unit, theme, version=nomination.version)
    response = client.post(url, {**data, "achievements": text_of_length(ACHIEVEMENTS + 1)})
    assert response.status_code == 200
    assert TOO_LONG in response.context["form"].errors["achievements"][0]
    nomination.refresh_from_db()
    assert (nomination.achievements, nomination.version) == before

    response = client.post(url, {**data, "achievements": text_of_length(ACHIEVEMENTS)})
    assert response.status_code == 302
    assert Nomination.objects.get().achievements == text_of_length(ACHIEVEMENTS)


def test_declining_with_a_reason_one_character_too_long_changes_nothing(
    office_client, head, unit, theme
):
    nomination = make_nomination(unit=unit, by=head, theme=theme)
    url = reverse("admin:news_nomination_decline", args=[nomination.pk])
    assert f'maxlength="{DECLINE}"' in office_client.get(url).content.decode()
    response = office_client.post(url, {"reason": text_of_length(DECLINE + 1)})
    assert response.status_code == 200
    assert TOO_LONG in response.context["form"].errors["reason"][0]
    nomination.refresh_from_db()
    assert (nomination.status, nomination.decline_reason) == ("submitted", "")
    assert not Message.objects.exists()

    response = office_client.post(url, {"reason": text_of_length(DECLINE)})
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert (nomination.status, nomination.decline_reason) == ("declined", text_of_length(DECLINE))


def test_the_admin_refuses_an_article_one_character_too_long(office_client, campaign, unit):
    data = {
        "title": "Tấm gương Đặng Thị Đào",
        "slug": "",
        "summary": text_of_length(SUMMARY),
        "body": text_of_length(BODY + 1),
        "honoree_name": "Đặng Thị Đào",
        "honoree_kind": "person",
        "position": "",
        "unit": unit.pk,
        "campaign": campaign.pk,
        "theme": "",
        "form": commendation_form("giay-khen").pk,
        "decision_number": "",
        "decision_date": "",
        "photo_caption": "",
        "status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
        "expected_version": "",
    }
    url = reverse("admin:news_commendation_add")
    response = office_client.post(url, data)
    assert response.status_code == 200
    assert TOO_LONG in response.context["adminform"].form.errors["body"][0]
    assert not Commendation.objects.exists()

    response = office_client.post(url, {**data, "body": text_of_length(BODY)})
    assert response.status_code == 302
    # Plain text stays as it is through the sanitiser: exactly the limit is stored.
    assert len(Commendation.objects.get().body) == BODY


# --- The services, called without a form --------------------------------------------------


def test_submit_refuses_achievements_too_long(head, unit, theme):
    nomination = Nomination(
        unit=unit,
        theme=theme,
        honoree_name="Phạm Thị Đông",
        achievements=text_of_length(ACHIEVEMENTS + 1),
    )
    with pytest.raises(ValidationError) as refused:
        nomination_submit(nomination=nomination, by=head)
    assert "achievements" in refused.value.error_dict
    assert not Nomination.objects.exists() and nothing_recorded()


def test_decline_refuses_a_reason_too_long(head, unit, theme, office):
    nomination = make_nomination(unit=unit, by=head, theme=theme)
    Event.objects.all().delete()
    with pytest.raises(ValidationError) as refused:
        nomination_decline(nomination=nomination, by=office, reason=text_of_length(DECLINE + 1))
    assert "decline_reason" in refused.value.error_dict
    nomination.refresh_from_db()
    assert (nomination.status, nomination.decline_reason) == ("submitted", "")
    assert nothing_recorded()


def test_accepting_the_longest_nomination_makes_a_commendation_that_fits(head, theme, office):
    # Longest names, and achievements that grow most when escaped into the article's HTML.
    unit = make_unit(name=text_of_length(200))
    make_role(unit=unit, user=head)
    nomination = make_nomination(
        unit=unit,
        by=head,
        theme=theme,
        honoree_name=text_of_length(200),
        position=text_of_length(200),
        achievements='"' * ACHIEVEMENTS,
    )
    commendation = nomination_accept(nomination=nomination, by=office)
    commendation.full_clean()
    assert len(commendation.title) == Commendation._meta.get_field("title").max_length
    assert commendation.title.startswith(text_of_length(200))
    assert Nomination.objects.get(pk=nomination.pk).status == "accepted"
