"""Every scoring URL for every kind of user: the leaderboard is public (published rounds only,
for everyone alike); the office's score entry is in the admin, which sends users without staff
status to its login page and refuses staff without the scoring permissions (403)."""

from __future__ import annotations

import pytest
from django.urls import resolve, reverse

from scoring import urls
from tests.factories import make_round, make_score, make_user

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "nobody", "head", "staff", "office"]


@pytest.fixture
def objs(world):
    published = make_round(campaign=world.campaign)
    make_score(scoring_round=published, unit=world.unit_a, criterion=world.c11, points=3)
    return {"published": published, "draft": make_round(campaign=world.campaign, status="draft")}


def login(client, world, role):
    if role == "staff":
        client.force_login(make_user(username="staff", is_staff=True))
    elif role != "anonymous":
        client.force_login(getattr(world, role))


def public_paths(world, objs) -> dict[str, str]:
    slug = world.campaign.slug
    return {
        "current": reverse("scoring:leaderboard-current"),
        "campaign": reverse("scoring:leaderboard", args=[slug]),
        "published-round": reverse("scoring:leaderboard-round", args=[slug, objs["published"].pk]),
        "draft-round": reverse("scoring:leaderboard-round", args=[slug, objs["draft"].pk]),
    }


PUBLIC = {"current": 302, "campaign": 200, "published-round": 200, "draft-round": 404}
PUBLIC_CASES = [(name, role) for name in PUBLIC for role in ROLES]


@pytest.mark.parametrize(
    ("name", "role"), PUBLIC_CASES, ids=[f"{n} as {r}" for n, r in PUBLIC_CASES]
)
def test_leaderboard(client, world, objs, name, role):
    login(client, world, role)
    assert client.get(public_paths(world, objs)[name]).status_code == PUBLIC[name]


ADMIN = {
    "anonymous": "login",
    "nobody": "login",
    "head": "login",
    "staff": 403,
    "office": 200,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_score_entry(client, world, objs, role, method):
    login(client, world, role)
    path = reverse(
        "admin:scoring_scoringround_unit_scores", args=[objs["draft"].pk, world.unit_b.pk]
    )
    data = {"token": "", f"criterion_{world.c11.pk}": "1"}
    response = client.get(path) if method == "get" else client.post(path, data)
    expected = ADMIN[role]
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('admin:login')}?next={path}"
    elif expected == 200 and method == "post":
        assert response.status_code == 302  # saved, back to the round
    else:
        assert response.status_code == expected
    saved = objs["draft"].scores.filter(unit=world.unit_b).exists()
    assert saved == (role == "office" and method == "post")


def test_every_scoring_url_is_in_the_matrix(world, objs):
    covered = {resolve(path).url_name for path in public_paths(world, objs).values()}
    assert covered == {pattern.name for pattern in urls.urlpatterns}
