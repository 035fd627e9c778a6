"""Every URL of the pledges app and of the accounts pages, for every kind of user.

Codes: 200 page, "login" a redirect to the login page, "→name" a redirect elsewhere, 403 a
role-only page, 404 someone else's (or a not-now) object.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from campaign.models import Campaign
from pledges.models import Pledge, ProgressReport
from tests.factories import make_campaign, make_evidence, make_pledge, make_report

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "nobody", "head_a", "deputy_a", "head_b", "office"]
S = Pledge.Status


@pytest.fixture
def objs(world):
    a = {"campaign": world.campaign, "unit": world.unit_a, "theme": world.theme}
    accepted = make_pledge(status=S.ACCEPTED, **a)
    hidden = make_pledge(
        campaign=make_campaign(status=Campaign.Status.DRAFT), unit=world.unit_a, status=S.ACCEPTED
    )
    return {
        "draft": make_pledge(status=S.DRAFT, **a),
        "submitted": make_pledge(status=S.SUBMITTED, **a),
        "accepted": accepted,
        "hidden": hidden,
        "photo": make_evidence(report=make_report(pledge=accepted, by=world.head_a)),
        "hidden_photo": make_evidence(report=make_report(pledge=hidden, by=world.head_a)),
    }


def url(name: str, objs, world) -> str:
    pledge = lambda key: {"pk": objs[key].pk}  # noqa: E731
    return {
        "workspace": lambda: reverse("pledges:workspace"),
        "start": lambda: reverse("pledges:start"),
        "create": lambda: reverse(
            "pledges:create", kwargs={"unit": world.unit_a.slug, "campaign": world.campaign.slug}
        ),
        "update-draft": lambda: reverse("pledges:update", kwargs=pledge("draft")),
        "update-accepted": lambda: reverse("pledges:update", kwargs=pledge("accepted")),
        "delete-draft": lambda: reverse("pledges:delete", kwargs=pledge("draft")),
        "delete-submitted": lambda: reverse("pledges:delete", kwargs=pledge("submitted")),
        "submit-draft": lambda: reverse("pledges:submit", kwargs=pledge("draft")),
        "submit-accepted": lambda: reverse("pledges:submit", kwargs=pledge("accepted")),
        "report-accepted": lambda: reverse("pledges:report", kwargs=pledge("accepted")),
        "report-draft": lambda: reverse("pledges:report", kwargs=pledge("draft")),
        "review-queue": lambda: reverse("pledges:review-queue"),
        "review-submitted": lambda: reverse("pledges:review", kwargs=pledge("submitted")),
        "review-draft": lambda: reverse("pledges:review", kwargs=pledge("draft")),
        "detail-draft": lambda: reverse("pledges:detail", kwargs=pledge("draft")),
        "detail-submitted": lambda: reverse("pledges:detail", kwargs=pledge("submitted")),
        "detail-accepted": lambda: reverse("pledges:detail", kwargs=pledge("accepted")),
        "detail-hidden": lambda: reverse("pledges:detail", kwargs=pledge("hidden")),
        "evidence": lambda: reverse("pledges:evidence", kwargs=pledge("photo")),
        "evidence-thumb": lambda: reverse("pledges:evidence-thumb", kwargs=pledge("photo")),
        "evidence-hidden": lambda: reverse("pledges:evidence", kwargs=pledge("hidden_photo")),
        "evidence-hidden-thumb": lambda: reverse(
            "pledges:evidence-thumb", kwargs=pledge("hidden_photo")
        ),
        "login": lambda: reverse("login"),
        "password-change": lambda: reverse("password_change"),
        "password-change-done": lambda: reverse("password_change_done"),
        "password-reset": lambda: reverse("password_reset"),
        "password-reset-done": lambda: reverse("password_reset_done"),
        "password-reset-confirm": lambda: reverse(
            "password_reset_confirm", kwargs={"uidb64": "MQ", "token": "bad-token"}
        ),
        "password-reset-complete": lambda: reverse("password_reset_complete"),
        "logout": lambda: reverse("logout"),
    }[name]()


OWN = ["login", 404, 200, 200, 404, 404]  # what only unit A's heads may open
NONE = ["login", 404, 404, 404, 404, 404]  # nobody now: the state does not allow it
UNIT_OR_OFFICE = [404, 404, 200, 200, 404, 200]
EVERYONE = [200] * 6
LOGGED_IN = ["login", 200, 200, 200, 200, 200]

GET_MATRIX = {
    "workspace": LOGGED_IN,
    "start": ["login", "→home", "→workspace", "→workspace", "→workspace", "→review-queue"],
    "create": OWN,
    "update-draft": OWN,
    "update-accepted": NONE,
    "delete-draft": OWN,
    "delete-submitted": NONE,
    "submit-draft": OWN,
    "submit-accepted": NONE,
    "report-accepted": OWN,
    "report-draft": NONE,
    "review-queue": ["login", 403, 403, 403, 403, 200],
    "review-submitted": ["login", 404, 404, 404, 404, 200],
    "review-draft": NONE,
    "detail-draft": UNIT_OR_OFFICE,
    "detail-submitted": UNIT_OR_OFFICE,
    "detail-accepted": EVERYONE,
    "detail-hidden": UNIT_OR_OFFICE,
    "evidence": EVERYONE,
    "evidence-thumb": EVERYONE,
    "evidence-hidden": UNIT_OR_OFFICE,
    "evidence-hidden-thumb": UNIT_OR_OFFICE,
    "login": EVERYONE,
    "password-change": LOGGED_IN,
    "password-change-done": LOGGED_IN,
    "password-reset": EVERYONE,
    "password-reset-done": EVERYONE,
    "password-reset-confirm": EVERYONE,
    "password-reset-complete": EVERYONE,
    "logout": [405] * 6,  # logging out is a POST (below)
}

CASES = [(name, role) for name in GET_MATRIX for role in ROLES]


def login_as(client, world, role):
    if role != "anonymous":
        client.force_login(getattr(world, role))


def check(response, expected, path):
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={path}"
    elif isinstance(expected, str) and expected.startswith("→"):
        target = "home" if expected == "→home" else f"pledges:{expected[1:]}"
        assert response.status_code == 302
        assert response["Location"] == reverse(target)
    else:
        assert response.status_code == expected


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"GET {n} as {r}" for n, r in CASES])
def test_get(client, world, objs, name, role):
    login_as(client, world, role)
    path = url(name, objs, world)
    check(client.get(path), GET_MATRIX[name][ROLES.index(role)], path)


def valid_pledge_data(world, version=1):
    return {
        "theme": world.theme.pk,
        "title": "Tiêu đề mới",
        "commitment": "Nội dung mới",
        "target_value": "50",
        "target_unit": "doanh nghiệp",
        "due_on": "30/09/2022",
        "version": version,
    }


def post_data(name, objs, world):
    return {
        "create": lambda: valid_pledge_data(world),
        "update-draft": lambda: valid_pledge_data(world),
        "delete-draft": dict,
        "submit-draft": lambda: {"version": objs["draft"].version},
        "report-accepted": lambda: {"percent": "50", "narrative": "Đã làm một nửa."},
        "review-submitted": lambda: {"decision": "accept", "reason": ""},
        "logout": dict,
    }[name]()


DONE = ["login", 404, 302, 302, 404, 404]
POST_MATRIX = {
    "create": DONE,
    "update-draft": DONE,
    "delete-draft": DONE,
    "submit-draft": DONE,
    "report-accepted": DONE,
    "review-submitted": ["login", 404, 404, 404, 404, 302],
    "logout": [302] * 6,
}
POST_CASES = [(name, role) for name in POST_MATRIX for role in ROLES]


@pytest.mark.parametrize(
    ("name", "role"), POST_CASES, ids=[f"POST {n} as {r}" for n, r in POST_CASES]
)
def test_post(client, world, objs, name, role):
    login_as(client, world, role)
    path = url(name, objs, world)
    before = {p.pk: (p.status, p.version) for p in Pledge.objects.all()}
    reports = ProgressReport.objects.count()
    expected = POST_MATRIX[name][ROLES.index(role)]
    response = client.post(path, post_data(name, objs, world))
    if expected == 302 and name != "logout":
        assert response.status_code == 302, response.content.decode()[:2000]
        assert "login" not in response["Location"]
    else:
        check(response, expected, path)
    if expected != 302:  # a refused write changed nothing
        after = {p.pk: (p.status, p.version) for p in Pledge.objects.all()}
        assert after == before
        assert ProgressReport.objects.count() == reports


def test_every_pledges_url_is_in_the_matrix(world, objs):
    from django.urls import resolve

    from pledges import urls

    covered = {
        resolve(url(name, objs, world)).url_name
        for name in GET_MATRIX
        if resolve(url(name, objs, world)).namespace == "pledges"
    }
    assert covered == {pattern.name for pattern in urls.urlpatterns}
