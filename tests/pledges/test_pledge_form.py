"""The pledge form as a unit head meets it: a date picker bounded by the campaign, "save and
submit" in one step, and what the campaign's dates make impossible said before any typing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from campaign.models import CampaignPhase
from outbox.models import Message
from pledges.models import Pledge
from tests.factories import make_campaign, make_pledge
from tests.pledges.test_views import create_url, form_data

pytestmark = pytest.mark.django_db

S = Pledge.Status
ENDED = "Phong trào này đã kết thúc ngày 31/12/2022."
SUBMIT_BUTTON = 'name="then" value="submit"'


def registration(world, start: int, end: int) -> CampaignPhase:
    """A registration phase from `start` to `end` days from today."""
    today = timezone.localdate()
    return CampaignPhase.objects.create(
        campaign=world.campaign,
        kind=CampaignPhase.Kind.REGISTRATION,
        starts_on=today + dt.timedelta(days=start),
        ends_on=today + dt.timedelta(days=end),
    )


def running_campaign(world):
    """A campaign of this year, so that the form has nothing to warn about."""
    today = timezone.localdate()
    campaign = make_campaign(
        starts_on=today - dt.timedelta(days=30), ends_on=today + dt.timedelta(days=300)
    )
    return campaign


def test_the_due_date_is_a_date_picker_bounded_by_the_campaign(client, world):
    client.force_login(world.head_a)
    html = client.get(create_url(world)).content.decode()
    assert 'type="date"' in html
    assert 'min="2022-03-25"' in html and 'max="2022-12-31"' in html
    assert "Trong thời gian phong trào: từ 25/03/2022 đến 31/12/2022" in html
    pledge = make_pledge(campaign=world.campaign, unit=world.unit_a, due_on=dt.date(2022, 9, 30))
    html = client.get(reverse("pledges:update", args=[pledge.pk])).content.decode()
    assert 'value="2022-09-30"' in html  # ISO, as the picker reads it
    # What the picker sends, and what is typed where a browser has no picker.
    for sent in ("2022-09-30", "30/09/2022"):
        client.post(create_url(world), form_data(world, due_on=sent, title=sent))
        assert Pledge.objects.get(title=sent).due_on == dt.date(2022, 9, 30)


def test_a_typed_date_sent_back_with_another_error_stays_in_the_picker(client, world):
    client.force_login(world.head_a)
    response = client.post(create_url(world), form_data(world, due_on="30/09/2022", title=""))
    assert response.status_code == 200
    assert 'value="2022-09-30"' in response.content.decode()


def test_save_and_submit_sends_a_new_pledge_to_the_office(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.head_a)
    html = client.get(create_url(world)).content.decode()
    assert "Lưu và gửi duyệt" in html and "Lưu bản nháp" in html
    client.post(create_url(world), form_data(world, title="Chỉ lưu"))  # "Save draft" only saves
    assert Pledge.objects.get(title="Chỉ lưu").status == S.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(create_url(world), {**form_data(world), "then": "submit"})
    assert response["Location"] == reverse("pledges:workspace")
    pledge = Pledge.objects.exclude(title="Chỉ lưu").get()
    assert (pledge.status, pledge.submitted_by) == (S.SUBMITTED, world.head_a)
    history = list(pledge.history.order_by("history_date").values_list("status", flat=True))
    assert history == [S.DRAFT, S.SUBMITTED]
    [message] = mail.outbox
    assert message.to == [world.office.email]
    assert message.subject == f"Cam kết chờ duyệt: {world.unit_a.name} – {pledge.title}"
    page = client.get(response["Location"]).content.decode()
    assert "Cam kết đã được lưu và gửi duyệt" in page


def test_save_and_submit_sends_back_a_returned_pledge_with_its_changes(client, world):
    pledge = make_pledge(campaign=world.campaign, unit=world.unit_a, status=S.RETURNED)
    client.force_login(world.head_a)
    data = {**form_data(world, title="Chỉ tiêu đã sửa"), "version": pledge.version}
    client.post(reverse("pledges:update", args=[pledge.pk]), {**data, "then": "submit"})
    pledge.refresh_from_db()
    assert (pledge.status, pledge.title) == (S.SUBMITTED, "Chỉ tiêu đã sửa")
    [message] = Message.objects.all()
    assert message.to == [world.office.email]
    assert message.subject.startswith("Cam kết chờ duyệt")


def test_a_refused_submission_keeps_the_saved_draft_and_says_why(client, world):
    closed = registration(world, -40, -1)
    pledge = make_pledge(campaign=world.campaign, unit=world.unit_a)
    client.force_login(world.head_a)
    data = {**form_data(world, title="Bản nháp đã sửa"), "version": pledge.version}
    response = client.post(reverse("pledges:update", args=[pledge.pk]), {**data, "then": "submit"})
    assert response["Location"] == pledge.get_absolute_url()
    pledge.refresh_from_db()
    assert (pledge.status, pledge.title) == (S.DRAFT, "Bản nháp đã sửa")
    assert not Message.objects.exists()
    page = client.get(response["Location"]).content.decode()
    end = closed.ends_on.strftime("%d/%m/%Y")
    assert "Cam kết đã được lưu nhưng chưa được gửi duyệt." in page
    assert f"Thời hạn đăng ký cam kết đã kết thúc ngày {end}" in page


def test_a_closed_registration_is_said_before_typing_and_offers_no_submit(client, world):
    closed = registration(world, -40, -1)
    client.force_login(world.head_a)
    html = client.get(create_url(world)).content.decode()
    assert "Lưu ý trước khi viết cam kết" in html
    assert f"đã kết thúc ngày {closed.ends_on.strftime('%d/%m/%Y')}" in html
    assert "Văn phòng Sở" in html
    assert SUBMIT_BUTTON not in html
    assert "Lưu bản nháp" in html  # a draft can still be written


def test_a_coming_registration_names_its_dates(client, world):
    coming = registration(world, 3, 20)
    client.force_login(world.head_a)
    html = client.get(create_url(world)).content.decode()
    assert coming.starts_on.strftime("%d/%m/%Y") in html
    assert coming.ends_on.strftime("%d/%m/%Y") in html
    assert SUBMIT_BUTTON not in html


def test_a_campaign_whose_dates_are_all_past_says_so_and_whom_to_ask(client, world):
    world.campaign.late_pledges_allowed = True
    world.campaign.save()
    registration(world, -4000, -3000)
    client.force_login(world.head_a)
    html = client.get(create_url(world)).content.decode()
    assert ENDED in html
    assert "hãy liên hệ Văn phòng Sở" in html
    assert "Thời hạn đăng ký" not in html  # late pledges are accepted: submitting works
    assert SUBMIT_BUTTON in html
    english = client.get("/en" + create_url(world)).content.decode()
    assert "This campaign ended on 31/12/2022." in english


def test_a_running_campaign_shows_no_warning(client, world):
    campaign = running_campaign(world)
    client.force_login(world.head_a)
    url = reverse("pledges:create", kwargs={"unit": world.unit_a.slug, "campaign": campaign.slug})
    html = client.get(url).content.decode()
    assert "Lưu ý trước khi viết cam kết" not in html
    assert SUBMIT_BUTTON in html
