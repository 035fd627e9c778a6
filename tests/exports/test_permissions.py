"""Every export URL for every kind of user: office admins only; anyone else signed in gets
403 (a role-only page, like the review queue), anonymous visitors the login page."""

from __future__ import annotations

import pytest
from django.urls import resolve, reverse

from office.exports import urls
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "nobody", "head", "staff", "office", "superuser"]
OFFICE_ONLY = ["login", 403, 403, 403, 200, 200]


def user(role, data):
    return {
        "nobody": lambda: data.nobody,
        "head": lambda: data.head,
        "staff": lambda: make_user(username="staff", is_staff=True),  # not in the office group
        "office": lambda: data.office,
        "superuser": lambda: make_user(username="root", is_staff=True, is_superuser=True),
    }[role]()


def paths(data) -> dict[str, str]:
    slug = data.campaign.slug
    return {
        "list": reverse("exports:list"),
        "workbook": reverse("exports:workbook", args=[slug]),
        "table": reverse("exports:table", args=[slug, "pledges"]),
        "draft-campaign": reverse("exports:workbook", args=[data.hidden_campaign.slug]),
    }


CASES = [(name, role) for name in ["list", "workbook", "table", "draft-campaign"] for role in ROLES]


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n} as {r}" for n, r in CASES])
def test_get(client, data, name, role):
    if role != "anonymous":
        client.force_login(user(role, data))
    path = paths(data)[name]
    response = client.get(path)
    expected = OFFICE_ONLY[ROLES.index(role)]
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={path}"
    else:
        assert response.status_code == expected
    if expected == 200 and name != "list":
        assert response["Content-Disposition"].startswith("attachment;")


def test_unknown_campaign_is_404_for_the_office_and_403_for_others(client, data):
    path = reverse("exports:workbook", args=["khong-co"])
    client.force_login(data.head)
    assert client.get(path).status_code == 403
    client.force_login(data.office)
    assert client.get(path).status_code == 404


def test_the_list_links_every_download(client, data):
    client.force_login(data.office)
    html = client.get(reverse("exports:list")).content.decode()
    assert reverse("exports:workbook", args=[data.campaign.slug]) in html
    assert reverse("exports:table", args=[data.campaign.slug, "scores"]) in html
    assert "Tải bảng tính Excel (XLSX)" in html


def test_every_exports_url_is_in_the_matrix(data):
    covered = {resolve(path).url_name for path in paths(data).values()}
    assert covered == {pattern.name for pattern in urls.urlpatterns}


def test_the_campaign_admin_links_the_workbook(client, data):
    client.force_login(data.office)
    html = client.get(reverse("admin:campaign_campaign_change", args=[data.campaign.pk]))
    assert reverse("exports:workbook", args=[data.campaign.slug]) in html.content.decode()
