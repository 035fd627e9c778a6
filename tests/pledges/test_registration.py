"""Submission follows the campaign's registration phase: outside it a pledge is kept but not
sent, with a message saying why, unless the office accepts late pledges; a campaign without a
registration phase takes submissions at any time (as every other pledge test relies on)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from campaign.models import CampaignPhase
from outbox.models import Message
from pledges import services
from pledges.models import Pledge
from tests.factories import make_pledge

pytestmark = pytest.mark.django_db

S = Pledge.Status


def phase(two_units, kind, start: int, end: int) -> CampaignPhase:
    """A phase from `start` to `end` days from today."""
    today = timezone.localdate()
    return CampaignPhase.objects.create(
        campaign=two_units.campaign,
        kind=kind,
        starts_on=today + dt.timedelta(days=start),
        ends_on=today + dt.timedelta(days=end),
    )


def draft(two_units) -> Pledge:
    return make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.DRAFT)


def test_without_phases_submission_is_open(two_units):
    pledge = services.pledge_submit(pledge=draft(two_units), actor=two_units.head_a)
    assert pledge.status == S.SUBMITTED


def test_phases_without_a_registration_phase_leave_submission_open(two_units):
    phase(two_units, CampaignPhase.Kind.IMPLEMENTATION, -100, -50)
    assert (
        services.pledge_submit(pledge=draft(two_units), actor=two_units.head_a).status
        == S.SUBMITTED
    )


@pytest.mark.parametrize(("start", "end"), [(-10, 0), (0, 10), (-5, 5)])
def test_during_registration_submission_is_open(two_units, start, end):
    phase(two_units, CampaignPhase.Kind.REGISTRATION, start, end)
    assert (
        services.pledge_submit(pledge=draft(two_units), actor=two_units.head_a).status
        == S.SUBMITTED
    )


def test_after_registration_the_pledge_is_kept_and_the_head_told_why(two_units):
    registration = phase(two_units, CampaignPhase.Kind.REGISTRATION, -40, -1)
    pledge = draft(two_units)
    with pytest.raises(services.PledgeStateError) as refused:
        services.pledge_submit(pledge=pledge, actor=two_units.head_a)
    end = registration.ends_on.strftime("%d/%m/%Y")
    assert refused.value.message == (
        f"Thời hạn đăng ký cam kết đã kết thúc ngày {end} nên chưa thể gửi duyệt cam kết. "
        "Cam kết vẫn được giữ nguyên; đề nghị Văn phòng Sở cho phép nhận cam kết muộn."
    )
    after = Pledge.objects.get(pk=pledge.pk)
    assert (after.status, after.version) == (S.DRAFT, pledge.version)
    assert not Message.objects.exists()  # nobody was told of a submission that did not happen


def test_before_registration_the_message_names_the_coming_dates(two_units):
    phase(two_units, CampaignPhase.Kind.REGISTRATION, -400, -300)  # last year's
    coming = phase(two_units, CampaignPhase.Kind.REGISTRATION, 3, 20)
    with pytest.raises(services.PledgeStateError) as refused:
        services.pledge_submit(pledge=draft(two_units), actor=two_units.head_a)
    assert coming.starts_on.strftime("%d/%m/%Y") in refused.value.message
    assert coming.ends_on.strftime("%d/%m/%Y") in refused.value.message


def test_the_office_override_accepts_late_pledges(two_units):
    phase(two_units, CampaignPhase.Kind.REGISTRATION, -40, -1)
    two_units.campaign.late_pledges_allowed = True
    two_units.campaign.save()
    assert (
        services.pledge_submit(pledge=draft(two_units), actor=two_units.head_a).status
        == S.SUBMITTED
    )


def test_a_returned_pledge_is_also_held_to_the_registration_phase(two_units):
    phase(two_units, CampaignPhase.Kind.REGISTRATION, -40, -1)
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.RETURNED)
    with pytest.raises(services.PledgeStateError):
        services.pledge_submit(pledge=pledge, actor=two_units.head_a)


def test_someone_else_still_gets_permission_denied_first(two_units):
    from django.core.exceptions import PermissionDenied

    phase(two_units, CampaignPhase.Kind.REGISTRATION, -40, -1)
    with pytest.raises(PermissionDenied):
        services.pledge_submit(pledge=draft(two_units), actor=two_units.head_b)


def test_the_submit_page_says_so_and_offers_no_button(client, two_units):
    phase(two_units, CampaignPhase.Kind.REGISTRATION, -40, -1)
    pledge = draft(two_units)
    client.force_login(two_units.head_a)
    url = reverse("pledges:submit", args=[pledge.pk])
    html = client.get(url).content.decode()
    assert "Thời hạn đăng ký cam kết đã kết thúc" in html
    assert "Gửi duyệt</button>" not in html
    response = client.post(url, {"version": pledge.version}, follow=True)
    assert "Thời hạn đăng ký cam kết đã kết thúc" in response.content.decode()
    assert Pledge.objects.get(pk=pledge.pk).status == S.DRAFT
