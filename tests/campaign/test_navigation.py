"""The header's entries: who sees which, and which one marks the current page."""

import pytest
from django.urls import reverse

from tests.factories import make_campaign, make_round, make_user

pytestmark = pytest.mark.django_db


def header(response) -> str:
    html = response.content.decode()
    return html[html.index('<header class="portal-header">') : html.index("</header>")]


def test_the_current_section_is_marked_and_the_leaderboard_is_on_the_campaign_page(client):
    campaign = make_campaign()
    make_round(campaign=campaign)  # the link is offered once a round is published
    response = client.get(reverse("campaign:detail", args=[campaign.slug]))
    nav = header(response)
    assert f'href="{reverse("campaign:list")}" aria-current="page"' in nav
    assert nav.count('aria-current="page"') == 1
    assert "Bảng xếp hạng" not in nav
    leaderboard = reverse("scoring:leaderboard", args=[campaign.slug])
    assert f'href="{leaderboard}"' in response.content.decode()


def test_the_office_finds_its_tools_in_one_menu_and_no_unit_of_its_own(client):
    make_campaign()
    client.force_login(make_user(office=True, first_name="Võ Thị", last_name="Đào"))
    nav = header(client.get("/"))
    assert "Văn phòng Sở" in nav and "Võ Thị Đào" in nav
    assert nav.count("<details") == 2
    assert reverse("office:index") in nav and reverse("pledges:review-queue") in nav
    assert "Đơn vị của tôi" not in nav


def test_a_unit_head_sees_their_own_name_and_units_but_no_office_menu(client):
    make_campaign()
    client.force_login(make_user(username="head9"))
    nav = header(client.get("/"))
    assert "head9" in nav and "Đơn vị của tôi" in nav and "Đổi mật khẩu" in nav
    assert "Văn phòng Sở" not in nav and reverse("office:index") not in nav
