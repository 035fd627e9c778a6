from __future__ import annotations

import pytest

from tests.campaign_data import populate


@pytest.fixture
def data(db):
    return populate()


@pytest.fixture
def office_client(client, data):
    client.force_login(data.office)
    return client
