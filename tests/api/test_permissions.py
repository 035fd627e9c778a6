"""Every open-data URL answers every kind of user alike: 200, with the same public content."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.api import urls

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "nobody", "head", "office"]
NAMES = [pattern.name for pattern in urls.urlpatterns]
CASES = [(name, role) for name in NAMES for role in ROLES]


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n} as {r}" for n, r in CASES])
def test_get(client, data, name, role):
    anonymous = client.get(reverse(f"api:{name}")).content
    if role != "anonymous":
        client.force_login(getattr(data, role))
    response = client.get(reverse(f"api:{name}"))
    assert response.status_code == 200
    assert response.content == anonymous  # nothing more for the office, nothing less
