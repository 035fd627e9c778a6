"""A campaign's state as shown (upcoming, under way, ended) follows its dates and phases; the
office's draft status still hides it, and closing it ends it."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campaign.models import Campaign, CampaignPhase, CampaignState
from tests.factories import make_campaign, make_user

pytestmark = pytest.mark.django_db

D = dt.date
K = CampaignPhase.Kind


def campaign_with_a_late_final_review(**kw) -> Campaign:
    campaign = make_campaign(starts_on=D(2022, 3, 25), ends_on=D(2022, 12, 31), **kw)
    CampaignPhase.objects.create(
        campaign=campaign, kind=K.FINAL_REVIEW, starts_on=D(2022, 12, 20), ends_on=D(2023, 1, 15)
    )
    return campaign


@pytest.mark.parametrize(
    ("day", "state"),
    [
        (D(2022, 3, 24), CampaignState.UPCOMING),
        (D(2022, 3, 25), CampaignState.UNDER_WAY),
        (D(2022, 12, 31), CampaignState.UNDER_WAY),
        (D(2023, 1, 15), CampaignState.UNDER_WAY),  # the final review runs past the end date
        (D(2023, 1, 16), CampaignState.ENDED),
    ],
)
def test_a_launched_campaign_runs_from_its_first_to_its_last_day(day, state):
    campaign = campaign_with_a_late_final_review()
    assert campaign.state_on(day) == state
    # Read from the list annotation, the same answer without the phases fetched.
    assert Campaign.objects.with_span().get(pk=campaign.pk).state_on(day) == state


def test_a_draft_stays_a_draft_and_a_closed_campaign_has_ended():
    draft = campaign_with_a_late_final_review(status=Campaign.Status.DRAFT)
    closed = campaign_with_a_late_final_review(status=Campaign.Status.CLOSED)
    assert draft.state_on(D(2022, 6, 1)) == CampaignState.DRAFT
    assert closed.state_on(D(2022, 6, 1)) == CampaignState.ENDED


def test_the_2022_campaign_is_shown_as_ended_on_its_pages(client, fixture_campaign):
    assert fixture_campaign.status == Campaign.Status.ACTIVE
    for path in ["/campaigns/", fixture_campaign.get_absolute_url()]:
        html = client.get(path).content.decode()
        assert "Đã kết thúc" in html
        assert "Đang triển khai" not in html
    html = client.get("/en/campaigns/").content.decode()
    assert "Ended" in html and "Under way" not in html


def test_a_running_and_a_coming_campaign_are_shown_as_such(client):
    today = timezone.localdate()
    make_campaign(
        title="Phong trào đang chạy",
        starts_on=today - dt.timedelta(days=10),
        ends_on=today + dt.timedelta(days=10),
    )
    make_campaign(
        title="Phong trào sắp tới",
        starts_on=today + dt.timedelta(days=5),
        ends_on=today + dt.timedelta(days=50),
    )
    html = client.get("/campaigns/").content.decode()
    assert html.count("Đang triển khai") == 1 and html.count("Sắp triển khai") == 1


def test_the_open_data_gives_the_state_beside_the_status(client, fixture_campaign):
    [campaign] = client.get("/api/v1/campaigns/").json()["results"]
    assert (campaign["status"], campaign["state"]) == ("active", "ended")


def test_the_admin_list_shows_the_state_in_a_fixed_number_of_queries(client):
    client.force_login(make_user(office=True))
    url = reverse("admin:campaign_campaign_changelist")
    campaign_with_a_late_final_review()
    with CaptureQueriesContext(connection) as one:
        html = client.get(url).content.decode()
    assert '<td class="field-state">Đã kết thúc</td>' in html
    for _ in range(5):
        campaign_with_a_late_final_review()
    with CaptureQueriesContext(connection) as six:
        assert client.get(url).status_code == 200
    assert len(six) == len(one)


def test_the_office_dashboard_names_the_state(client, fixture_campaign):
    client.force_login(make_user(office=True))
    html = client.get(reverse("office:matrix", args=[fixture_campaign.slug])).content.decode()
    assert "Bảng điều hành · Đã kết thúc" in html
