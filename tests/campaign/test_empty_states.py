"""Public lists that are empty say why and what to do next, by who is looking."""

import re
from urllib.parse import quote

import pytest
from django.urls import reverse

from tests.factories import make_role, make_user
from units.models import Unit

pytestmark = pytest.mark.django_db

SLUG = "nganh-cong-thuong-doan-ket-phong-chong-covid-19"


def main_of(response) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main_of(response)))


def login_link(target: str) -> str:
    return f'href="{reverse("login")}?next={quote(reverse(target))}"'


def test_theme_without_pledges_invites_a_visitor_to_log_in_and_register(client, fixture_campaign):
    theme = fixture_campaign.themes.get(number=3)
    response = client.get(theme.get_absolute_url())
    text = text_of(response)
    assert "Chưa có đơn vị nào đăng ký nội dung này. Đơn vị của bạn? Đăng nhập để đăng ký" in text
    assert login_link("pledges:workspace") in main_of(response)
    # Its commendations are empty too: a visitor may log in to propose one.
    assert "Chưa có tin khen thưởng nào thuộc nội dung này." in text
    assert login_link("news:nomination-create") in main_of(response)


def test_theme_without_pledges_sends_a_unit_head_to_their_workspace(client, fixture_campaign):
    client.force_login(make_role(unit=Unit.objects.get(slug="van-phong-so")).user)
    main = main_of(client.get(fixture_campaign.themes.get(number=3).get_absolute_url()))
    assert "Chưa có đơn vị nào đăng ký nội dung này." in main
    assert (
        f'<a href="{reverse("pledges:workspace")}">'
        "Đăng ký cam kết của đơn vị tại trang Đơn vị của tôi</a>"
    ) in main
    assert "Đăng nhập để đăng ký" not in main


def test_the_office_gets_the_reason_and_nothing_extra(client, fixture_campaign):
    client.force_login(make_user(office=True))
    main = main_of(client.get(fixture_campaign.themes.get(number=3).get_absolute_url()))
    assert "Chưa có đơn vị nào đăng ký nội dung này." in main
    assert "Đăng nhập để" not in main
    assert reverse("pledges:workspace") not in main
    assert reverse("news:nomination-create") not in main


def test_unit_page_without_pledges_or_commendations(client, fixture_campaign):
    unit = Unit.objects.get(slug="van-phong-so")
    response = client.get(unit.get_absolute_url())
    text = text_of(response)
    assert "Đơn vị chưa có cam kết nào được duyệt. Đơn vị của bạn? Đăng nhập để đăng ký" in text
    assert "Đơn vị bạn có gương điển hình? Đăng nhập để đề xuất khen thưởng" in text


def test_campaign_page_without_accepted_pledges(client, fixture_campaign):
    text = text_of(client.get(f"/campaigns/{SLUG}/"))
    assert "Chưa có cam kết nào được duyệt. Đơn vị của bạn? Đăng nhập để đăng ký" in text


def test_empty_news_list_and_a_search_without_result(client, fixture_campaign):
    text = text_of(client.get(reverse("news:list")))
    assert (
        "Chưa có tin khen thưởng nào được đăng. "
        "Khen thưởng sẽ hiện tại đây khi Văn phòng Sở đăng tải."
    ) in text
    response = client.get(reverse("news:list") + "?q=khong+ai+ca")
    text = text_of(response)
    assert "Không tìm thấy khen thưởng nào phù hợp." in text
    assert "Hãy thử bớt từ hoặc dùng từ khác, hoặc xem tất cả khen thưởng" in text
    assert f'<a href="{reverse("news:list")}">xem tất cả khen thưởng</a>' in main_of(response)
    en = text_of(client.get("/en" + reverse("news:list") + "?q=nobody"))
    assert "No commendation matches this search. Try fewer or other words, or show all" in en


def test_empty_honour_board_says_what_it_will_show(client, fixture_campaign):
    text = text_of(client.get(reverse("news:honour-board", args=[SLUG])))
    assert "Bảng vàng sẽ ghi danh các cá nhân, tập thể được khen thưởng" in text
    assert "Đăng nhập để đề xuất khen thưởng" in text


def test_home_without_commendations_keeps_the_section_and_says_why(client, fixture_campaign):
    text = text_of(client.get("/"))
    assert (
        "Gương điển hình được khen thưởng Chưa có tin khen thưởng nào được đăng. "
        "Khen thưởng sẽ hiện tại đây khi Văn phòng Sở đăng tải."
    ) in text


def test_no_campaign_and_no_unit_yet(client, db):
    for path in ("/", reverse("campaign:list")):
        text = text_of(client.get(path))
        assert (
            "Chưa có phong trào nào được phát động. "
            "Các phong trào thi đua sẽ hiện tại đây khi Văn phòng Sở phát động."
        ) in text
    Unit.objects.all().delete()
    text = text_of(client.get(reverse("units:list")))
    assert "Văn phòng Sở đang cập nhật danh sách các đơn vị tham gia" in text


def test_an_empty_review_queue_and_nomination_list_say_so_in_the_same_box(client, db):
    client.force_login(make_user(office=True))
    main = main_of(client.get(reverse("pledges:review-queue")))
    assert 'class="empty-state"' in main
    assert "Không có cam kết chờ duyệt: mọi cam kết đã gửi đều đã được xử lý." in text_of(
        client.get(reverse("pledges:review-queue"))
    )
    client.force_login(make_role().user)
    main = main_of(client.get(reverse("news:nomination-list")))
    assert 'class="empty-state"' in main
    assert f'href="{reverse("news:nomination-create")}"' in main
