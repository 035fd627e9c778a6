import pytest

from tests.factories import make_campaign, make_role, make_unit, make_user


@pytest.fixture
def campaign(db):
    return make_campaign(title="Phong trào thi đua phòng, chống dịch COVID-19")


@pytest.fixture
def theme(campaign):
    return campaign.themes.get(number=1)


@pytest.fixture
def unit(db):
    return make_unit(name="Phòng Quản lý Thương mại")


@pytest.fixture
def other_unit(db):
    return make_unit(name="Phòng Quản lý Công nghiệp")


@pytest.fixture
def head(unit):
    return make_role(unit=unit, user=make_user(first_name="Nguyễn Văn", last_name="An")).user


@pytest.fixture
def office(db):
    return make_user(office=True, username="office-admin")


@pytest.fixture
def office_client(client, office):
    client.force_login(office)
    return client


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads of a test go to its own folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
