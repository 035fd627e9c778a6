"""The Django admin is the office's tool: every screen opens for the office group."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from campaign.models import Campaign
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_client(client, fixture_campaign):
    client.force_login(make_user(office=True, username="office"))
    return client


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def test_admin_speaks_vietnamese(office_client):
    html = office_client.get(admin_url(Campaign, "change", Campaign.objects.get().pk)).content
    html = html.decode()
    assert "Nội dung thi đua" in html  # the themes inline
    assert "Văn bản căn cứ" in html or "văn bản căn cứ" in html
    assert "Toàn văn thông báo phát động" in html  # help text


def test_campaign_change_form_shows_both_languages(office_client):
    html = office_client.get(admin_url(Campaign, "change", Campaign.objects.get().pk)).content
    assert b'name="title_vi"' in html and b'name="title_en"' in html


def test_autocomplete_finds_users_and_units_for_the_office(office_client):
    make_user(username="nguyenvanan", first_name="Nguyễn Văn", last_name="An")
    url = reverse("admin:autocomplete")
    users = office_client.get(
        url,
        {"app_label": "units", "model_name": "unitrole", "field_name": "user", "term": "nguyen"},
    )
    assert users.status_code == 200
    assert "nguyenvanan" in users.content.decode()
    units = office_client.get(
        url, {"app_label": "units", "model_name": "unitrole", "field_name": "unit", "term": "Trung"}
    )
    assert "Trung tâm Khuyến công" in units.json()["results"][0]["text"]


def test_office_manages_staff_accounts_but_cannot_grant_privileges(office_client):
    User = get_user_model()
    head = make_user(username="head")
    admin = make_user(username="root", is_superuser=True, is_staff=True)
    form = office_client.get(admin_url(User, "change", head.pk)).content.decode()
    assert 'name="is_superuser"' not in form and 'name="groups"' not in form
    office_client.post(
        admin_url(User, "change", head.pk),
        {
            "username": "head",
            "is_superuser": "on",
            "is_staff": "on",
            "first_name": "Lê",
            "last_name": "Ba",
            "email": "",
            "is_active": "on",
            "unit_roles-TOTAL_FORMS": "0",
            "unit_roles-INITIAL_FORMS": "0",
        },
    )
    head.refresh_from_db()
    assert head.first_name == "Lê"
    assert not head.is_superuser and not head.is_staff
    assert office_client.get(admin_url(User, "change", admin.pk)).status_code == 302  # not theirs


def test_office_group_has_exactly_the_needed_permissions(db):
    from django.contrib.auth.models import Group

    from kit.roles import OFFICE_GROUP

    perms = set(
        Group.objects.get(name=OFFICE_GROUP).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    assert ("campaign", "change_campaign") in perms
    assert ("units", "add_unitrole") in perms
    assert ("auth", "change_user") in perms
    assert ("auth", "delete_user") not in perms
    assert not {p for p in perms if p[0] == "auth" and "group" in p[1]}
    assert not {p for p in perms if p[1].endswith("permission")}


def test_anonymous_visitors_are_sent_to_the_admin_login(client, db):
    response = client.get(admin_url(Campaign, "changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_office_sets_the_letterhead_signer_and_recipients_of_the_reports(office_client):
    campaign = Campaign.objects.get()
    html = office_client.get(admin_url(Campaign, "change", campaign.pk)).content.decode()
    assert "Báo cáo in" in html  # the fieldset
    for label in ("Cơ quan chủ quản", "Ký thay (KT.)", "Chức vụ người ký", "Nơi nhận báo cáo"):
        assert label in html
    for name in ("governing_body_vi", "governing_body_en", "signer_on_behalf_of_vi"):
        assert f'name="{name}"' in html
    assert 'name="issuer_code" value="SCT"' in html
    assert "Ban Giám đốc Sở" in html  # the fixture's recipients, ready to edit
