"""Campaign phases: the timeline on the campaign page (current phase, countdown), the rules the
model keeps, the admin inline and the fixture's phases."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from campaign.models import Campaign, CampaignPhase, phase_timeline
from campaign.seed.loader import load_campaign
from tests.factories import make_campaign, make_user

pytestmark = pytest.mark.django_db

K = CampaignPhase.Kind
DAY = dt.date(2022, 4, 20)


def phases(campaign, *spans):
    """Phases of `campaign` from (kind, start, end) with dates as days from DAY."""
    return [
        CampaignPhase.objects.create(
            campaign=campaign,
            kind=kind,
            starts_on=DAY + dt.timedelta(days=start),
            ends_on=DAY + dt.timedelta(days=end),
        )
        for kind, start, end in spans
    ]


def test_timeline_states_and_next_deadline():
    campaign = make_campaign()
    launch, registration, implementation, review = phases(
        campaign,
        (K.LAUNCH, -30, -25),
        (K.REGISTRATION, -25, 10),
        (K.IMPLEMENTATION, -5, 200),
        (K.PRELIMINARY_REVIEW, 70, 85),
    )
    timeline = phase_timeline(campaign.phases.all(), DAY)
    assert [(s.phase, s.state) for s in timeline.steps] == [
        (launch, "done"),
        (registration, "current"),
        (implementation, "current"),
        (review, "upcoming"),
    ]
    assert timeline.next_deadline.phase == registration
    assert timeline.next_deadline.days_to_end == 10
    assert timeline.steps[3].days_to_start == 70
    # On the last day the deadline is today; after every phase there is none.
    assert (
        phase_timeline(campaign.phases.all(), DAY + dt.timedelta(days=10)).next_deadline.days_to_end
        == 0
    )
    assert phase_timeline(campaign.phases.all(), DAY + dt.timedelta(days=300)).next_deadline is None


def test_campaign_page_shows_the_timeline_with_the_current_phase_and_countdown(client):
    campaign = make_campaign()
    today = timezone.localdate()
    CampaignPhase.objects.create(
        campaign=campaign,
        kind=K.LAUNCH,
        starts_on=today - dt.timedelta(days=20),
        ends_on=today - dt.timedelta(days=15),
    )
    CampaignPhase.objects.create(
        campaign=campaign,
        kind=K.REGISTRATION,
        title_vi="Đăng ký giao ước thi đua",
        starts_on=today - dt.timedelta(days=15),
        ends_on=today + dt.timedelta(days=12),
    )
    CampaignPhase.objects.create(
        campaign=campaign,
        kind=K.FINAL_REVIEW,
        starts_on=today + dt.timedelta(days=100),
        ends_on=today + dt.timedelta(days=110),
    )
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert "Các giai đoạn của phong trào" in html
    assert '<li class="phase phase-current" aria-current="step">' in html
    assert "Đăng ký giao ước thi đua" in html  # the phase's own name
    assert "Phát động" in html  # the kind, when a phase has no name
    assert "còn 12 ngày" in html
    assert "Bắt đầu sau 100 ngày" in html
    assert html.count('class="phase phase-done"') == 1
    assert (today + dt.timedelta(days=12)).strftime("%d/%m/%Y") in html
    assert "csrfmiddlewaretoken" not in html


def test_a_campaign_without_phases_shows_no_timeline(client):
    campaign = make_campaign()
    assert (
        "Các giai đoạn của phong trào"
        not in client.get(campaign.get_absolute_url()).content.decode()
    )


def test_a_phase_cannot_end_before_it_starts():
    campaign = make_campaign()
    with pytest.raises(IntegrityError):
        CampaignPhase.objects.create(
            campaign=campaign, kind=K.LAUNCH, starts_on=DAY, ends_on=DAY - dt.timedelta(days=1)
        )


def test_registration_open_rules():
    campaign = make_campaign()
    assert campaign.registration_open(DAY)  # no phases at all
    phases(campaign, (K.IMPLEMENTATION, -10, 10))
    assert campaign.registration_open(DAY)  # no registration phase
    phases(campaign, (K.REGISTRATION, 1, 30))
    campaign = Campaign.objects.get(pk=campaign.pk)
    assert not campaign.registration_open(DAY)
    assert campaign.registration_open(DAY + dt.timedelta(days=1))
    assert campaign.registration_open(DAY + dt.timedelta(days=30))
    assert not campaign.registration_open(DAY + dt.timedelta(days=31))
    campaign.late_pledges_allowed = True
    assert campaign.registration_open(DAY + dt.timedelta(days=31))


def test_the_office_edits_phases_inline_in_the_campaign_admin(client):
    campaign = make_campaign()
    client.force_login(make_user(office=True))
    url = reverse("admin:campaign_campaign_change", args=[campaign.pk])
    html = client.get(url).content.decode()
    assert 'name="phases-0-kind"' in html or 'name="phases-__prefix__-kind"' in html
    assert 'name="late_pledges_allowed"' in html
    assert "Nhận cam kết ngoài thời gian đăng ký" in html


def test_the_fixture_campaign_gets_its_2022_phases_once():
    first = load_campaign()
    assert first["phases"] == 5
    campaign = Campaign.objects.get()
    assert campaign.issuing_place == "Bến Tre"
    assert [
        (p.kind, p.starts_on.isoformat(), p.ends_on.isoformat()) for p in campaign.phases.all()
    ] == [
        ("launch", "2022-03-25", "2022-03-31"),
        ("registration", "2022-03-25", "2022-04-30"),
        ("implementation", "2022-05-01", "2022-11-30"),
        ("preliminary_review", "2022-07-01", "2022-07-15"),
        ("final_review", "2022-12-01", "2022-12-31"),
    ]
    CampaignPhase.objects.filter(kind=K.LAUNCH).update(title_vi="Sửa bởi văn phòng")
    Campaign.objects.update(issuing_place="")
    again = load_campaign()
    assert again["phases"] == 0 and CampaignPhase.objects.count() == 5
    assert CampaignPhase.objects.get(kind=K.LAUNCH).title_vi == "Sửa bởi văn phòng"
    assert Campaign.objects.get().issuing_place == "Bến Tre"  # filled in where still empty


def test_the_demo_opens_late_pledges_once_and_respects_the_office_afterwards():
    from campaign.seed.demo import load_demo

    load_campaign()
    load_demo(password="demo password one")
    campaign = Campaign.objects.get()
    # The fixture's registration was in 2022: the demo accounts could not submit otherwise.
    assert campaign.late_pledges_allowed and campaign.registration_open(timezone.localdate())
    Campaign.objects.update(late_pledges_allowed=False)
    load_demo(password="demo password one")
    assert not Campaign.objects.get().late_pledges_allowed
    assert not Campaign.objects.get().registration_open(timezone.localdate())
