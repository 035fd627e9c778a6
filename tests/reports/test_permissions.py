"""Every URL of the office dashboard for every kind of user: anonymous visitors are sent to
log in; users without the office role get 403 (a page for a role, as the review queue);
the office gets the page. A campaign or unit that does not exist is a 404, even for the office."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.urls import resolve, reverse

from campaign.models import Campaign
from office import urls as dashboard_urls
from tests.factories import make_campaign

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "nobody", "head_a", "deputy_a", "head_b", "office"]
OFFICE_ONLY = ["login", 403, 403, 403, 403, 200]


def url(name: str, world) -> str:
    slug = world.campaign.slug
    draft = Campaign.objects.get(status=Campaign.Status.DRAFT).slug
    return {
        "index": lambda: reverse("office:index"),
        "matrix": lambda: reverse("office:matrix", args=[slug]),
        "matrix-filtered": lambda: (
            reverse("office:matrix", args=[slug]) + "?unit=qlcn&status=accepted&flag=any&days=10"
        ),
        "matrix-bad-filter": lambda: (
            reverse("office:matrix", args=[slug]) + "?unit=nowhere&status=nonsense&flag=x&days=-4"
        ),
        "matrix-draft-campaign": lambda: reverse("office:matrix", args=[draft]),
        "matrix-unknown": lambda: reverse("office:matrix", args=["khong-co"]),
        "statistics": lambda: reverse("office:statistics", args=[slug]),
        "candidates": lambda: reverse("office:candidates", args=[slug]),
        "report": lambda: reverse("office:report", args=[slug]),
        "report-final": lambda: reverse("office:report", args=[slug]) + "?kind=final",
        "unit-report": lambda: reverse("office:unit-report", args=[slug, "qltm"]),
        "unit-report-unknown": lambda: reverse("office:unit-report", args=[slug, "khong-co"]),
        "matrix-en": lambda: "/en" + reverse("office:matrix", args=[slug]),
    }[name]()


MATRIX = {
    "index": OFFICE_ONLY,  # the office's inbox
    "matrix": OFFICE_ONLY,
    "matrix-filtered": OFFICE_ONLY,
    "matrix-bad-filter": OFFICE_ONLY,  # the form names the bad fields; no error page
    "matrix-draft-campaign": OFFICE_ONLY,  # the office prepares drafts
    "matrix-unknown": ["login", 403, 403, 403, 403, 404],
    "statistics": OFFICE_ONLY,
    "candidates": OFFICE_ONLY,
    "report": OFFICE_ONLY,
    "report-final": OFFICE_ONLY,
    "unit-report": OFFICE_ONLY,
    "unit-report-unknown": ["login", 403, 403, 403, 403, 404],
    "matrix-en": OFFICE_ONLY,
}
CASES = [(name, role) for name in MATRIX for role in ROLES]


@pytest.fixture
def draft(world):
    return make_campaign(status=Campaign.Status.DRAFT, title="Phong trào dự thảo")


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n} as {r}" for n, r in CASES])
def test_get(client, world, draft, name, role):
    if role != "anonymous":
        client.force_login(getattr(world, role))
    path = url(name, world)
    response = client.get(path)
    expected = MATRIX[name][ROLES.index(role)]
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"] == reverse("login") + "?" + urlencode({"next": path}, safe="/")
    else:
        assert response.status_code == expected
        if expected == 200:
            # The filters are sent by GET: the only form with a token is the header's logout.
            assert response.content.decode().count("csrfmiddlewaretoken") == 1


def test_every_office_url_is_in_the_matrix(world, draft):
    covered = {
        resolve(url(name, world).split("?")[0]).url_name
        for name in MATRIX
        if not name.endswith("-en")
    }
    assert covered == {pattern.name for pattern in dashboard_urls.urlpatterns}


def test_the_index_opens_the_campaign_asked_for(client, world, draft):
    client.force_login(world.office)
    response = client.get(reverse("office:index"), {"campaign": draft.slug})
    assert response.context["campaign"] == draft
    assert reverse("office:matrix", args=[draft.slug]) in response.content.decode()
    # An unknown one falls back to the current campaign.
    response = client.get(reverse("office:index"), {"campaign": "khong-co"})
    assert response.context["campaign"] == world.campaign


def test_the_index_without_any_campaign_says_so(client, db):
    from tests.factories import make_user

    client.force_login(make_user(office=True))
    response = client.get(reverse("office:index"))
    assert response.status_code == 200
    assert "Chưa có phong trào nào" in response.content.decode()


def test_the_header_links_the_dashboard_for_staff_only(client, world):
    client.force_login(world.head_a)
    assert reverse("office:index") not in client.get("/").content.decode()
    client.force_login(world.office)
    assert reverse("office:index") in client.get("/").content.decode()
