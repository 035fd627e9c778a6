import pytest
from django.urls import reverse

from campaign.models import Campaign
from tests.factories import make_campaign, make_role, make_unit
from units.models import Unit

pytestmark = pytest.mark.django_db

SLUG = "nganh-cong-thuong-doan-ket-phong-chong-covid-19"


def public_urls():
    return [
        "/",
        "/campaigns/",
        f"/campaigns/{SLUG}/",
        f"/campaigns/{SLUG}/themes/1/",
        f"/campaigns/{SLUG}/themes/4/",
        "/units/",
        "/units/so-cong-thuong-ben-tre/",
        "/units/trung-tam-khuyen-cong-xuc-tien-thuong-mai/",
    ]


@pytest.mark.parametrize("path", public_urls())
def test_every_public_page_in_vietnamese(client, fixture_campaign, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Cổng thi đua" in html  # the portal's name, in the header of every page
    assert "sct@bentre.gov.vn" in html  # the campaign contact, in the footer
    assert 'hreflang="en" href="http://testserver/en' in html
    assert "csrfmiddlewaretoken" not in html  # public pages stay cacheable whole


@pytest.mark.parametrize("path", public_urls())
def test_every_public_page_in_english(client, fixture_campaign, path):
    response = client.get("/en" + path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Emulation portal" in html
    assert 'hreflang="vi" href="http://testserver/' in html


def test_home_shows_the_campaign_and_its_four_themes_in_vietnamese(client, fixture_campaign):
    html = client.get("/").content.decode()
    assert "<title>Trang chủ · Cổng thi đua</title>" in html
    assert "chiến thắng đại dịch COVID-19" in html
    assert "25/03/2022" in html
    for theme in fixture_campaign.themes.all():
        assert theme.title_vi in html
        assert theme.get_absolute_url() in html
    assert "3082/QĐ-BCT" in html
    assert "31/12/2021" in html  # dates as dd/mm/yyyy
    assert "Nội dung thi đua" in html


def test_home_in_english_shows_the_english_reading(client, fixture_campaign):
    html = client.get("/en/").content.decode()
    assert "defeat the COVID-19 pandemic" in html
    for theme in fixture_campaign.themes.all():
        assert theme.title_en in html
    assert "25/03/2022" in html
    assert "Emulation themes" in html


def test_language_link_leads_to_the_same_page_in_the_other_language(client, fixture_campaign):
    path = f"/campaigns/{SLUG}/themes/2/"
    vi = client.get(path).content.decode()
    assert f'href="/en{path}" hreflang="en" lang="en" aria-label="English, EN">EN</a>' in vi
    en = client.get("/en" + path).content.decode()
    assert f'href="{path}" hreflang="vi" lang="vi" aria-label="Tiếng Việt, VI">VI</a>' in en


def test_unprefixed_urls_stay_vietnamese_whatever_the_browser_asks(client, fixture_campaign):
    html = client.get("/", headers={"accept-language": "en"}).content.decode()
    assert '<html lang="vi">' in html


def test_announcement_page_has_the_full_text_source_and_legal_basis(client, fixture_campaign):
    html = client.get(f"/campaigns/{SLUG}/announcement/").content.decode()
    assert "Nguồn: VP Sở – SCT" in html
    assert "mở chuyên trang, chuyên mục về biểu dương gương điển hình" in html
    assert "Kế hoạch 187/KH-SCT ngày 25 tháng 01 năm 2022" in html
    assert "3082/QĐ-BCT" in html  # the legal basis
    en = client.get(f"/en/campaigns/{SLUG}/announcement/").content.decode()
    assert "Source: Office of the Department" in en


def test_theme_page_shows_its_text_and_links_the_other_themes(client, fixture_campaign):
    theme = fixture_campaign.themes.get(number=2)
    html = client.get(theme.get_absolute_url()).content.decode()
    assert theme.title_vi in html
    assert "bình ổn thị trường" in html
    for other in fixture_campaign.themes.exclude(pk=theme.pk):
        assert other.get_absolute_url() in html


def test_missing_theme_and_draft_campaign_are_not_found(client, fixture_campaign):
    assert client.get(f"/campaigns/{SLUG}/themes/9/").status_code == 404
    draft = make_campaign(status=Campaign.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/campaigns/{draft.slug}/themes/1/").status_code == 404
    assert draft.title not in client.get("/campaigns/").content.decode()


def test_units_page_lists_the_tree(client, fixture_campaign):
    html = client.get("/units/").content.decode()
    dept = html.index("Sở Công Thương Bến Tre")
    assert dept < html.index("Văn phòng Sở") < html.index("Trung tâm Khuyến công")
    assert "depth-1" in html


def test_unit_page_shows_contact_and_heads(client, fixture_campaign):
    unit = Unit.objects.get(slug="trung-tam-khuyen-cong-xuc-tien-thuong-mai")
    make_role(unit=unit, user=None).user.__class__.objects.filter(unit_roles__unit=unit).update(
        first_name="Nguyễn Văn", last_name="Ba"
    )
    html = client.get(unit.get_absolute_url()).content.decode()
    assert "0275.6281888 - 0275.3822403" in html
    assert "Nguyễn Văn Ba" in html
    assert "Trưởng" in html


def test_inactive_unit_is_hidden(client, fixture_campaign):
    unit = make_unit(name="Phòng đã giải thể", is_active=False)
    assert client.get(unit.get_absolute_url()).status_code == 404
    assert "Phòng đã giải thể" not in client.get("/units/").content.decode()


def test_home_without_any_campaign_still_answers(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "Chưa có phong trào" in response.content.decode()


def test_not_found_page_is_in_the_portal_look(client, fixture_campaign):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert "Cổng thi đua" in html
    en = client.get("/en/no-such-page/").content.decode()
    assert "Page not found" in en


def test_login_page_is_translated(client, db):
    html = client.get(reverse("login")).content.decode()
    assert "Đăng nhập" in html
