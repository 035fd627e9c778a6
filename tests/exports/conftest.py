from __future__ import annotations

import pytest

from tests.campaign_data import populate


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    private = {**settings.STORAGES["private"], "OPTIONS": {"location": tmp_path / "private"}}
    settings.STORAGES = {**settings.STORAGES, "private": private}


@pytest.fixture
def data(db):
    return populate()


@pytest.fixture
def office(client, data):
    client.force_login(data.office)
    return client
