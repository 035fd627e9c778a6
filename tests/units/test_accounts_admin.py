"""Accounts and groups in the admin: the office group goes by the glossary's name for it."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from kit.roles import OFFICE_GROUP, group_label, is_office
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def root_client(client):
    client.force_login(make_user(username="root", is_superuser=True, is_staff=True))
    return client


def office_group() -> Group:
    return Group.objects.get(name=OFFICE_GROUP)


def test_the_office_group_is_shown_as_van_phong_so(root_client):
    member = make_user(office=True)
    pages = [
        reverse("admin:index"),  # the heading
        reverse("admin:auth_group_changelist"),
        reverse("admin:auth_user_change", args=[member.pk]),  # the groups to choose from
        reverse("admin:auth_user_changelist"),  # the filter by group
    ]
    for url in pages:
        html = root_client.get(url).content.decode()
        assert re.search(r">\s*Văn phòng Sở\s*<", html), url
        assert OFFICE_GROUP not in html, url
    change = reverse("admin:auth_group_change", args=[office_group().pk])
    assert re.search(r">\s*Văn phòng Sở\s*<", root_client.get(change).content.decode())


def test_the_office_groups_label_follows_the_language():
    with translation.override("en"):
        assert group_label(office_group()) == "Office of the Department"
    with translation.override("vi"):
        assert group_label(office_group()) == "Văn phòng Sở"
    assert group_label(Group(name="Hội đồng TĐKT")) == "Hội đồng TĐKT"


def test_the_office_groups_stored_name_cannot_be_changed(root_client):
    member = make_user(office=True)
    group = office_group()
    url = reverse("admin:auth_group_change", args=[group.pk])
    response = root_client.post(url, {"name": "Văn phòng Sở", "permissions": []})
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.name == OFFICE_GROUP  # the identifier every install finds it by
    member = type(member).objects.get(pk=member.pk)
    assert is_office(member)


def test_other_groups_keep_their_own_editable_name(root_client):
    other = Group.objects.create(name="Hội đồng Thi đua – Khen thưởng")
    url = reverse("admin:auth_group_change", args=[other.pk])
    root_client.post(url, {"name": "Hội đồng TĐKT", "permissions": []})
    other.refresh_from_db()
    assert other.name == "Hội đồng TĐKT"
