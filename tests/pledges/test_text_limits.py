"""The texts of a pledge have limits: the form shows them, one character more (sent past the
browser's maxlength) is a form error with nothing saved, exactly the limit is saved; the
services refuse an over-long text sent to them directly, all or nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import Event
from outbox.models import Message
from pledges import services
from pledges.models import Evidence, Pledge, ProgressReport
from tests.factories import make_pledge, text_of_length
from tests.images import jpeg_bytes, upload

pytestmark = pytest.mark.django_db

S = Pledge.Status
COMMITMENT = Pledge._meta.get_field("commitment").max_length
NARRATIVE = ProgressReport._meta.get_field("narrative").max_length
REASON = Pledge._meta.get_field("review_note").max_length
TOO_LONG = "Nội dung này chỉ được dài tối đa"


def pledge_data(two_units, **kw) -> dict:
    return {
        "theme": two_units.theme.pk,
        "title": "Hỗ trợ doanh nghiệp bán hàng trực tuyến",
        "commitment": "Tập huấn thương mại điện tử cho doanh nghiệp.",
        "target_value": "30",
        "target_unit": "doanh nghiệp bán hàng trực tuyến",
        "due_on": "30/09/2022",
        **kw,
    }


def create_url(two_units) -> str:
    return reverse(
        "pledges:create",
        kwargs={"unit": two_units.unit_a.slug, "campaign": two_units.campaign.slug},
    )


def nothing_recorded() -> bool:
    """No workflow step in the audit trail and no e-mail queued."""
    steps = Event.objects.filter(action=Event.Action.TRANSITION)
    return not steps.exists() and not Message.objects.exists()


def test_the_limits_are_what_a_person_needs():
    assert (COMMITMENT, NARRATIVE, REASON) == (3000, 4000, 2000)


def test_the_pledge_form_shows_the_limit(client, two_units):
    client.force_login(two_units.head_a)
    html = client.get(create_url(two_units)).content.decode()
    assert f'maxlength="{COMMITMENT}"' in html
    assert "Tối đa 3.000 ký tự." in html


def test_a_commitment_one_character_too_long_is_refused_and_nothing_saved(client, two_units):
    client.force_login(two_units.head_a)
    response = client.post(
        create_url(two_units), pledge_data(two_units, commitment=text_of_length(COMMITMENT + 1))
    )
    assert response.status_code == 200
    assert response.context["form"].errors["commitment"] == [
        "Nội dung này chỉ được dài tối đa 3.000 ký tự; hiện có 3.001 ký tự. Hãy rút gọn lại."
    ]
    assert "hiện có 3.001 ký tự" in response.content.decode()
    assert not Pledge.objects.exists() and nothing_recorded()


def test_a_title_one_character_too_long_reads_the_same_way(client, two_units):
    client.force_login(two_units.head_a)
    response = client.post(create_url(two_units), pledge_data(two_units, title=text_of_length(201)))
    assert response.status_code == 200
    assert response.context["form"].errors["title"] == [
        "Nội dung này chỉ được dài tối đa 200 ký tự; hiện có 201 ký tự. Hãy rút gọn lại."
    ]
    assert not Pledge.objects.exists()


def test_a_commitment_of_exactly_the_limit_is_saved(client, two_units):
    client.force_login(two_units.head_a)
    text = text_of_length(COMMITMENT)
    response = client.post(create_url(two_units), pledge_data(two_units, commitment=text))
    assert response.status_code == 302
    assert Pledge.objects.get().commitment == text


def test_an_edit_one_character_too_long_changes_nothing(client, two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, theme=two_units.theme)
    before = (pledge.commitment, pledge.version)
    client.force_login(two_units.head_a)
    url = reverse("pledges:update", args=[pledge.pk])
    over = pledge_data(two_units, commitment=text_of_length(COMMITMENT + 1), version=1)
    response = client.post(url, over)
    assert response.status_code == 200
    assert TOO_LONG in response.context["form"].errors["commitment"][0]
    pledge.refresh_from_db()
    assert (pledge.commitment, pledge.version) == before and nothing_recorded()

    response = client.post(url, {**over, "commitment": text_of_length(COMMITMENT)})
    assert response.status_code == 302
    assert Pledge.objects.get(pk=pledge.pk).commitment == text_of_length(COMMITMENT)


@pytest.fixture
def accepted(two_units):
    return make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)


def test_a_report_one_character_too_long_is_refused_with_its_photo(client, two_units, accepted):
    client.force_login(two_units.head_a)
    url = reverse("pledges:report", args=[accepted.pk])
    assert f'maxlength="{NARRATIVE}"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "percent": "40",
            "narrative": text_of_length(NARRATIVE + 1),
            "images": [upload("IMG_1.jpg", jpeg_bytes())],
        },
    )
    assert response.status_code == 200
    assert TOO_LONG in response.context["form"].errors["narrative"][0]
    assert not ProgressReport.objects.exists() and not Evidence.objects.exists()
    accepted.refresh_from_db()
    assert (accepted.latest_percent, accepted.version) == (0, 1) and nothing_recorded()

    text = text_of_length(NARRATIVE)
    response = client.post(url, {"percent": "40", "narrative": text})
    assert response.status_code == 302
    assert ProgressReport.objects.get().narrative == text


@pytest.fixture
def submitted(two_units):
    return make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.SUBMITTED)


@pytest.mark.parametrize("decision", ["return", "accept"])
def test_a_review_reason_one_character_too_long_changes_nothing(
    client, two_units, submitted, decision
):
    client.force_login(two_units.office)
    url = reverse("pledges:review", args=[submitted.pk])
    assert f'maxlength="{REASON}"' in client.get(url).content.decode()
    response = client.post(url, {"decision": decision, "reason": text_of_length(REASON + 1)})
    assert response.status_code == 200
    # The length is the only complaint: the reason was given.
    assert response.context["form"].errors["reason"] == [
        "Nội dung này chỉ được dài tối đa 2.000 ký tự; hiện có 2.001 ký tự. Hãy rút gọn lại."
    ]
    submitted.refresh_from_db()
    assert (submitted.status, submitted.review_note) == (S.SUBMITTED, "")
    assert nothing_recorded()


def test_a_return_reason_of_exactly_the_limit_reaches_the_unit(client, two_units, submitted):
    client.force_login(two_units.office)
    text = text_of_length(REASON)
    response = client.post(
        reverse("pledges:review", args=[submitted.pk]), {"decision": "return", "reason": text}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert (submitted.status, submitted.review_note) == (S.RETURNED, text)


def test_the_admins_return_action_holds_to_the_same_limit(client, two_units, submitted):
    client.force_login(two_units.office)
    url = reverse("admin:pledges_pledge_changelist")
    data = {"action": "return_with_reason", ACTION_CHECKBOX_NAME: [submitted.pk], "apply": "1"}
    response = client.post(url, {**data, "reason": text_of_length(REASON + 1)})
    assert response.status_code == 200
    assert TOO_LONG in response.context["form"].errors["reason"][0]
    assert f'maxlength="{REASON}"' in response.content.decode()
    assert Pledge.objects.get(pk=submitted.pk).status == S.SUBMITTED and nothing_recorded()

    response = client.post(url, {**data, "reason": text_of_length(REASON)})
    assert response.status_code == 302
    assert Pledge.objects.get(pk=submitted.pk).review_note == text_of_length(REASON)


# --- The services, called without a form --------------------------------------------------


def test_create_refuses_a_commitment_too_long(two_units):
    with pytest.raises(ValidationError) as refused:
        services.pledge_create(
            actor=two_units.head_a,
            campaign=two_units.campaign,
            unit=two_units.unit_a,
            theme=two_units.theme,
            title="Bình ổn thị trường",
            commitment=text_of_length(COMMITMENT + 1),
            target_value=Decimal("30"),
            target_unit="chợ được kiểm tra",
            due_on=dt.date(2022, 9, 30),
            legal_documents=[],
        )
    assert "commitment" in refused.value.error_dict
    assert not Pledge.objects.exists() and nothing_recorded()


def test_update_refuses_a_commitment_too_long(two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a)
    with pytest.raises(ValidationError) as refused:
        services.pledge_update(
            pledge=pledge,
            actor=two_units.head_a,
            version=1,
            commitment=text_of_length(COMMITMENT + 1),
        )
    assert "commitment" in refused.value.error_dict
    stored = Pledge.objects.get(pk=pledge.pk)
    assert (stored.commitment, stored.version) == (pledge.commitment, 1) and nothing_recorded()


@pytest.mark.parametrize(
    ("transition", "argument"),
    [(services.pledge_return, "reason"), (services.pledge_accept, "note")],
    ids=["return", "accept"],
)
def test_review_refuses_a_note_too_long(two_units, submitted, transition, argument):
    with pytest.raises(ValidationError) as refused:
        transition(
            pledge=submitted, actor=two_units.office, **{argument: text_of_length(REASON + 1)}
        )
    assert TOO_LONG in refused.value.error_dict["reason"][0].messages[0]
    stored = Pledge.objects.get(pk=submitted.pk)
    assert (stored.status, stored.review_note, stored.version) == (S.SUBMITTED, "", 1)
    assert nothing_recorded()


def test_progress_report_refuses_a_narrative_too_long(two_units, accepted, tmp_path):
    from kit.images import process_image
    from pledges.forms import ProgressReportForm

    renditions = ProgressReportForm.base_fields["images"].renditions
    photo = process_image(upload("IMG_1.jpg", jpeg_bytes()), renditions=renditions)
    with pytest.raises(ValidationError) as refused:
        services.progress_report_record(
            pledge=accepted,
            actor=two_units.head_a,
            percent=40,
            narrative=text_of_length(NARRATIVE + 1),
            images=[photo],
        )
    assert "narrative" in refused.value.error_dict
    assert not ProgressReport.objects.exists() and not Evidence.objects.exists()
    assert not any(p.is_file() for p in (tmp_path / "private").rglob("*"))
    assert Pledge.objects.get(pk=accepted.pk).latest_percent == 0 and nothing_recorded()
