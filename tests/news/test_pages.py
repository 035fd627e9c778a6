"""What visitors read: the news list, the article, the honour board, and news on other pages."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import commendation_form, make_commendation, make_unit
from tests.images import jpeg_bytes

pytestmark = pytest.mark.django_db


def test_list_is_newest_first_twelve_a_page(client, campaign):
    now = timezone.now()
    items = [
        make_commendation(campaign=campaign, publish_at=now - dt.timedelta(hours=i))
        for i in range(14)
    ]
    first = client.get(reverse("news:list"))
    assert list(first.context["commendations"]) == items[:12]
    second = client.get(reverse("news:list"), {"page": 2})
    assert list(second.context["commendations"]) == items[12:]
    assert 'href="?page=1"' in second.content.decode()  # the way back to the first page


def test_list_filters_by_theme_unit_and_form(client, campaign, unit, other_unit):
    theme1, theme2 = campaign.themes.get(number=1), campaign.themes.get(number=2)
    a = make_commendation(campaign=campaign, theme=theme1, unit=unit)
    b = make_commendation(
        campaign=campaign, theme=theme2, unit=other_unit, form=commendation_form("bang-khen")
    )
    listed = lambda **q: set(client.get(reverse("news:list"), q).context["commendations"])  # noqa: E731
    assert listed(theme=theme1.pk) == {a}
    assert listed(unit=other_unit.slug) == {b}
    assert listed(form="bang-khen") == {b}
    assert listed(form="giay-khen", unit=unit.slug) == {a}
    assert listed(unit="khong-co") == {a, b}  # an unknown filter value is ignored, not an error
    assert listed(unit="khong-co", form="bang-khen") == {b}  # ... and only that one


def test_list_page_is_public_and_cacheable_whole(client, campaign):
    make_commendation(campaign=campaign)
    html = client.get(reverse("news:list")).content.decode()
    assert 'method="get"' in html
    assert "csrfmiddlewaretoken" not in html
    assert "<script>" not in html and "style=" not in html


def test_article_shows_photo_honoree_card_body_and_related(client, campaign, unit):
    theme = campaign.themes.get(number=3)
    article = make_commendation(
        campaign=campaign,
        theme=theme,
        unit=unit,
        title="Tấm gương Võ Thị Đào",
        honoree_name="Võ Thị Đào",
        position="Phó Trưởng phòng",
        form=commendation_form("chien-si-thi-dua-co-so"),
        decision_number="125/QĐ-SCT",
        decision_date=dt.date(2022, 6, 15),
        body="<p>Đồng chí <em>luôn</em> đi đầu.</p>",
        photo=jpeg_bytes(),
        photo_consent=True,
        photo_caption="Đồng chí Đào tại chốt kiểm dịch",
    )
    same_unit = make_commendation(campaign=campaign, unit=unit)
    same_theme = make_commendation(campaign=campaign, theme=theme)
    unrelated = make_commendation(campaign=campaign)
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert article.photo_detail.url in html
    assert 'alt="Đồng chí Đào tại chốt kiểm dịch"' in html
    for text in ("Võ Thị Đào", "Phó Trưởng phòng", unit.name, "Chiến sĩ thi đua cơ sở"):
        assert text in html
    assert "Số 125/QĐ-SCT ngày 15/06/2022" in html
    assert "<p>Đồng chí <em>luôn</em> đi đầu.</p>" in html
    assert f'href="{theme.get_absolute_url()}"' in html
    assert set(response.context["related"]) == {same_unit, same_theme}
    assert unrelated.title not in html


def test_article_carries_share_metadata_with_absolute_urls(client, campaign):
    article = make_commendation(
        campaign=campaign, summary="Gương sáng & tận tụy.", photo=jpeg_bytes(), photo_consent=True
    )
    html = client.get(article.get_absolute_url()).content.decode()
    url = f"http://testserver{article.get_absolute_url()}"
    image = f"http://testserver{article.photo_share.url}"
    assert f'<meta property="og:url" content="{url}">' in html
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:title" content="{article.title}">' in html
    assert '<meta property="og:description" content="Gương sáng &amp; tận tụy.">' in html
    assert f'<meta property="og:image" content="{image}">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:locale" content="vi_VN">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<meta name="twitter:image" content="{image}">' in html


def test_article_without_a_shown_photo_uses_the_small_card(client, campaign):
    article = make_commendation(campaign=campaign, photo=jpeg_bytes())  # no consent
    html = client.get(article.get_absolute_url()).content.decode()
    assert article.photo_share.url not in html and article.photo_detail.url not in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert "og:image" not in html


def test_honour_board_lists_the_titles_then_the_forms_each_with_its_honourees(client, campaign):
    make_commendation(campaign=campaign, honoree_name="Lê Văn Giấy", form=commendation_form())
    make_commendation(
        campaign=campaign, honoree_name="Trần Bằng", form=commendation_form("bang-khen")
    )
    make_commendation(
        campaign=campaign,
        honoree_kind="collective",
        honoree_name="Phòng Kế hoạch – Tổng hợp",
        form=commendation_form("tap-the-lao-dong-xuat-sac"),
    )
    make_commendation(
        campaign=campaign, honoree_name="Ngô Tiên", form=commendation_form("lao-dong-tien-tien")
    )
    make_commendation(campaign=campaign, status="draft", honoree_name="Nháp Không Hiện")
    response = client.get(reverse("news:honour-board", args=[campaign.slug]))
    board = [
        (kind.value, [(form.slug, [c.honoree_name for c in items]) for form, items in groups])
        for kind, groups in response.context["kinds"]
    ]
    assert board == [
        (
            "title",
            [
                ("tap-the-lao-dong-xuat-sac", ["Phòng Kế hoạch – Tổng hợp"]),
                ("lao-dong-tien-tien", ["Ngô Tiên"]),
            ],
        ),
        ("form", [("bang-khen", ["Trần Bằng"]), ("giay-khen", ["Lê Văn Giấy"])]),
    ]
    assert response.context["total"] == 4
    html = response.content.decode()
    headings = re.findall(r"<h([23])[^>]*>([^<]+)", html)
    assert [(level, text.strip()) for level, text in headings] == [
        ("2", "Danh hiệu thi đua"),
        ("3", "Tập thể lao động xuất sắc"),
        ("3", "Lao động tiên tiến"),
        ("2", "Hình thức khen thưởng"),
        ("3", "Bằng khen của Chủ tịch UBND tỉnh"),
        ("3", "Giấy khen của Giám đốc Sở"),
    ]
    assert "Bảng vàng" in html and "Nháp Không Hiện" not in html
    assert client.get(reverse("news:honour-board-current"))["Location"] == reverse(
        "news:honour-board", args=[campaign.slug]
    )


def test_honour_board_in_english_names_the_titles_and_forms_in_english(client, campaign):
    make_commendation(
        campaign=campaign, form=commendation_form("bang-khen-bo-truong-bo-cong-thuong")
    )
    make_commendation(campaign=campaign, form=commendation_form("chien-si-thi-dua-co-so"))
    html = client.get("/en" + reverse("news:honour-board", args=[campaign.slug])).content.decode()
    assert "Honour board" in html
    assert 'href="?form=chien-si-thi-dua-co-so">Grassroots emulation fighter' in html
    html = html.split('<nav class="honour-forms', 1)[1].split("</nav>", 1)[1]  # the board itself
    assert html.index("Emulation title") < html.index("Grassroots emulation fighter")
    assert html.index("Form of commendation") < html.index(
        "Certificate of merit from the Minister of Industry and Trade"
    )


def test_the_filter_groups_the_titles_apart_from_the_forms(client, campaign):
    html = client.get(reverse("news:list")).content.decode()
    select = re.search(r'<select name="form"[^>]*>(.*?)</select>', html, re.S).group(1)
    groups = {
        label: re.findall(r"<option[^>]*>([^<]+)</option>", options)
        for label, options in re.findall(
            r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S
        )
    }
    assert list(groups) == ["Danh hiệu thi đua", "Hình thức khen thưởng"]
    assert groups["Danh hiệu thi đua"] == [
        "Chiến sĩ thi đua cơ sở",
        "Tập thể lao động xuất sắc",
        "Lao động tiên tiến",
        "Tập thể lao động tiên tiến",
    ]
    assert "Bằng khen của Bộ trưởng Bộ Công Thương" in groups["Hình thức khen thưởng"]
    assert "Giấy khen của Giám đốc Sở" in groups["Hình thức khen thưởng"]
    assert '<option value="" selected>Tất cả danh hiệu, hình thức</option>' in select
    chosen = client.get(reverse("news:list"), {"form": "lao-dong-tien-tien"}).content.decode()
    assert '<option value="lao-dong-tien-tien" selected>Lao động tiên tiến</option>' in chosen


@pytest.mark.parametrize(
    ("slug", "kind", "shown"),
    [
        ("lao-dong-tien-tien", "Danh hiệu thi đua", "Lao động tiên tiến"),
        ("giay-khen", "Hình thức khen thưởng", "Giấy khen của Giám đốc Sở"),
    ],
)
def test_article_says_whether_it_is_a_title_or_a_form(client, campaign, slug, kind, shown):
    article = make_commendation(campaign=campaign, form=commendation_form(slug))
    html = client.get(article.get_absolute_url()).content.decode()
    assert f"<dt>{kind}</dt><dd>{shown}</dd>" in html


def test_unit_and_theme_pages_show_their_own_commendations(client, campaign, unit):
    theme = campaign.themes.get(number=2)
    mine = make_commendation(campaign=campaign, unit=unit, theme=theme, honoree_name="Của Tôi")
    other = make_commendation(
        campaign=campaign, unit=make_unit(), theme=campaign.themes.get(number=4),
        honoree_name="Người Khác",
    )  # fmt: skip
    unit_page = client.get(unit.get_absolute_url()).content.decode()
    assert mine.honoree_name in unit_page and other.honoree_name not in unit_page
    assert f"/news/?unit={unit.slug}" in unit_page
    theme_page = client.get(theme.get_absolute_url()).content.decode()
    assert mine.honoree_name in theme_page and other.honoree_name not in theme_page
    assert reverse("news:theme-feed-rss", args=[campaign.slug, 2]) in theme_page


def test_home_links_the_news_and_the_honour_board(client, campaign):
    make_commendation(campaign=campaign, honoree_name="Trên Trang Chủ")
    html = client.get(reverse("home")).content.decode()
    assert "Trên Trang Chủ" in html
    assert reverse("news:honour-board", args=[campaign.slug]) in html
    assert 'href="/news/"' in html


def test_english_pages_translate_the_labels(client, campaign):
    article = make_commendation(campaign=campaign, form=commendation_form("lao-dong-tien-tien"))
    html = client.get("/en" + article.get_absolute_url()).content.decode()
    assert "Advanced worker" in html and "Person commended" in html
    assert '<meta property="og:locale" content="en_US">' in html


@pytest.mark.parametrize("lang", ["", "/en"])
def test_public_news_pages_carry_nothing_per_visitor(client, campaign, lang):
    article = make_commendation(campaign=campaign, photo=jpeg_bytes(), photo_consent=True)
    for url in (
        reverse("news:list") + "?q=bieu+duong",
        article.get_absolute_url(),
        reverse("news:honour-board", args=[campaign.slug]),
    ):
        response = client.get(lang + url)
        html = response.content.decode()
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" not in html and "csrftoken" not in response.cookies
        assert "<script>" not in html and "style=" not in html
