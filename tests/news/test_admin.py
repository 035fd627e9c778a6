"""The office writes, previews, schedules and publishes commendations in the Django admin."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from news.models import Commendation
from tests.factories import commendation_form, make_commendation
from tests.images import GPS_IFD, hostile_uploads, jpeg_bytes, upload

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:news_commendation_changelist"


def form_data(campaign, unit, **overrides) -> dict:
    data = {
        "title": "Tấm gương Đặng Thị Đào",
        "slug": "",
        "summary": "Trực chốt kiểm dịch 60 ngày đêm.",
        "body": '<p onclick="x()">Đồng chí <strong>Đào</strong></p><script>alert(1)</script>',
        "honoree_name": "Đặng Thị Đào",
        "honoree_kind": "person",
        "position": "Chuyên viên",
        "unit": unit.pk,
        "campaign": campaign.pk,
        "theme": campaign.themes.get(number=1).pk,
        "form": commendation_form("giay-khen").pk,
        "decision_number": "125/QĐ-SCT",
        "decision_date": "15/06/2022",
        "photo_caption": "",
        "status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
        "expected_version": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def when(moment: dt.datetime) -> dict:
    local = timezone.localtime(moment)
    return {"publish_at_0": local.strftime("%d/%m/%Y"), "publish_at_1": local.strftime("%H:%M:%S")}


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_changelist_shows_status_time_unit_theme_form_and_filters(office_client, campaign, unit):
    make_commendation(campaign=campaign, unit=unit, theme=campaign.themes.first())
    make_commendation(
        campaign=campaign, unit=unit, publish_at=timezone.now() + dt.timedelta(days=1)
    )
    response = office_client.get(reverse(CHANGELIST))
    html = response.content.decode()
    for heading in ("Trạng thái", "Thời điểm đăng", "Đơn vị", "Nội dung thi đua", "Hình thức"):
        assert heading in html, heading
    scheduled = office_client.get(reverse(CHANGELIST), {"visibility": "scheduled"})
    assert scheduled.context["cl"].result_count == 1
    public = office_client.get(reverse(CHANGELIST), {"visibility": "public"})
    assert public.context["cl"].result_count == 1


def test_admin_search_ignores_diacritics(office_client, campaign):
    make_commendation(campaign=campaign, honoree_name="Đặng Thị Đào")
    make_commendation(campaign=campaign, honoree_name="Trần Văn Ba")
    response = office_client.get(reverse(CHANGELIST), {"q": "dang thi dao"})
    assert [c.honoree_name for c in response.context["cl"].result_list] == ["Đặng Thị Đào"]


def test_admin_search_matches_whole_syllables_the_unit_and_the_decision_number(
    office_client, campaign, unit
):
    make_commendation(campaign=campaign, honoree_name="Đoàn Thị Mai", unit=unit)
    make_commendation(
        campaign=campaign,
        honoree_name="Trần Văn Ba",
        title="Đồng hành cùng doanh nghiệp",
        decision_number="125/QĐ-SCT",
        decision_date=dt.date(2022, 6, 15),
    )

    def results(query: str) -> list[str]:
        response = office_client.get(reverse(CHANGELIST), {"q": query})
        return sorted(c.honoree_name for c in response.context["cl"].result_list)

    assert results("doan") == ["Đoàn Thị Mai"]  # not "doanh nghiệp"
    assert results("quan ly thuong mai") == ["Đoàn Thị Mai"]  # her unit
    assert results("125/qd-sct") == ["Trần Văn Ba"]


def test_office_writes_a_draft_with_a_photo_and_the_body_is_sanitised(
    office_client, office, campaign, unit
):
    data = form_data(campaign, unit, photo_upload=upload("IMG_1.jpg", jpeg_bytes(gps=True)))
    response = office_client.post(reverse("admin:news_commendation_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    commendation = Commendation.objects.get()
    assert commendation.slug == "tam-guong-dang-thi-dao"
    assert commendation.author == office
    assert commendation.body == "<p>Đồng chí <strong>Đào</strong></p>"
    assert commendation.decision_date == dt.date(2022, 6, 15)
    stored = Image.open(commendation.photo.open("rb"))
    assert not stored.getexif().get_ifd(GPS_IFD) and "exif" not in stored.info
    sizes = {
        name: Image.open(getattr(commendation, name).open("rb")).size
        for name in ("photo_card", "photo_detail", "photo_share")
    }
    assert sizes == {
        "photo_card": (600, 400),
        "photo_detail": (640, 480),
        "photo_share": (1200, 630),
    }
    assert commendation.history.count() == 1


def test_large_photo_is_resized_for_the_article(office_client, campaign, unit):
    data = form_data(campaign, unit, photo_upload=upload("big.jpg", jpeg_bytes(size=(3000, 2000))))
    office_client.post(reverse("admin:news_commendation_add"), data)
    commendation = Commendation.objects.get()
    assert Image.open(commendation.photo_detail.open("rb")).size == (1200, 800)
    assert Image.open(commendation.photo.open("rb")).size == (2000, 1333)


@pytest.mark.parametrize("name", list(hostile_uploads()))
def test_a_bad_photo_is_refused_by_name_and_nothing_is_saved(office_client, campaign, unit, name):
    bad = hostile_uploads()[name]
    response = office_client.post(
        reverse("admin:news_commendation_add"), form_data(campaign, unit, photo_upload=bad)
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["photo_upload"]
    assert bad.name in errors[0]
    assert not Commendation.objects.exists()


def test_admin_refuses_to_publish_a_photo_of_a_person_without_consent(
    office_client, campaign, unit
):
    data = form_data(campaign, unit, status="published", photo_upload=upload("a.jpg", jpeg_bytes()))
    response = office_client.post(reverse("admin:news_commendation_add"), data)
    assert response.status_code == 200
    assert "photo_consent" in response.context["adminform"].form.errors
    assert not Commendation.objects.exists()
    data["photo_upload"] = upload("a.jpg", jpeg_bytes())
    data["photo_consent"] = "on"
    assert office_client.post(reverse("admin:news_commendation_add"), data).status_code == 302
    assert Commendation.objects.get().is_published()


def test_future_time_schedules_and_now_publishes(client, office_client, campaign, unit):
    future = timezone.now() + dt.timedelta(days=3)
    data = form_data(campaign, unit, status="published", **when(future))
    office_client.post(reverse("admin:news_commendation_add"), data)
    commendation = Commendation.objects.get()
    assert commendation.is_scheduled() and not commendation.is_published()
    assert client.get(commendation.get_absolute_url()).status_code == 404

    change = reverse("admin:news_commendation_change", args=[commendation.pk])
    data = form_data(
        campaign,
        unit,
        status="published",
        slug=commendation.slug,
        expected_version=commendation.version,
        **when(timezone.now() - dt.timedelta(minutes=1)),
    )
    assert office_client.post(change, data).status_code == 302
    assert client.get(commendation.get_absolute_url()).status_code == 200


def test_a_stale_form_does_not_overwrite_a_newer_edit(office_client, campaign, unit):
    commendation = make_commendation(campaign=campaign, unit=unit, status="draft")
    change = reverse("admin:news_commendation_change", args=[commendation.pk])
    opened_version = commendation.version
    commendation.title = "Sửa bởi người khác"
    commendation.save()
    data = form_data(campaign, unit, title="Bản cũ của tôi", expected_version=opened_version)
    response = office_client.post(change, data)
    assert response.status_code == 200
    assert "Văn phòng Sở khác đã lưu" in str(response.context["adminform"].form.non_field_errors())
    commendation.refresh_from_db()
    assert commendation.title == "Sửa bởi người khác"


def test_preview_shows_a_draft_exactly_as_the_public_page(office_client, client, campaign, unit):
    commendation = make_commendation(
        campaign=campaign, unit=unit, status="draft", body="<h2>Thành tích nổi bật</h2>"
    )
    response = office_client.get(reverse("admin:news_commendation_preview", args=[commendation.pk]))
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "news/commendation_detail.html"
    html = response.content.decode()
    assert "<h2>Thành tích nổi bật</h2>" in html and commendation.honoree_name in html
    assert "Xem trước" in html
    assert client.get(commendation.get_absolute_url()).status_code == 404


def test_publish_and_unpublish_actions(office_client, client, campaign, unit):
    drafts = [make_commendation(campaign=campaign, unit=unit, status="draft") for _ in range(2)]
    no_consent = make_commendation(campaign=campaign, status="draft", photo=jpeg_bytes())
    pks = [c.pk for c in (*drafts, no_consent)]
    response = office_client.post(
        reverse(CHANGELIST), {"action": "publish", "_selected_action": pks}, follow=True
    )
    texts = messages_of(response)
    assert any("2" in t for t in texts)
    assert any(no_consent.title in t for t in texts)
    assert [c.pk for c in Commendation.objects.published().order_by("pk")] == pks[:2]
    assert client.get(drafts[0].get_absolute_url()).status_code == 200

    office_client.post(reverse(CHANGELIST), {"action": "unpublish", "_selected_action": pks[:1]})
    assert client.get(drafts[0].get_absolute_url()).status_code == 404
    drafts[0].refresh_from_db()
    assert drafts[0].history.count() == 3  # created, published, unpublished


def test_history_is_read_only(office_client, campaign):
    commendation = make_commendation(campaign=campaign, status="draft")
    commendation.title = "Sửa"
    commendation.save()
    first = commendation.history.earliest("history_date")
    url = reverse("admin:news_commendation_simple_history", args=[commendation.pk, first.pk])
    assert office_client.get(url).status_code == 200
    assert office_client.post(url, {"title": "Quay lại"}).status_code == 403
    commendation.refresh_from_db()
    assert commendation.title == "Sửa"


def test_removing_the_photo_keeps_files_until_saved(
    office_client, campaign, unit, django_capture_on_commit_callbacks
):
    commendation = make_commendation(
        campaign=campaign, unit=unit, status="draft", photo=jpeg_bytes()
    )
    name = commendation.photo.name
    storage = commendation.photo.storage
    change = reverse("admin:news_commendation_change", args=[commendation.pk])
    invalid = form_data(
        campaign, unit, remove_photo="on", title="", expected_version=commendation.version
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert office_client.post(change, invalid).status_code == 200
    assert storage.exists(name)  # an invalid form deletes nothing
    valid = form_data(campaign, unit, remove_photo="on", expected_version=commendation.version)
    with django_capture_on_commit_callbacks(execute=True):
        assert office_client.post(change, valid).status_code == 302
    commendation.refresh_from_db()
    assert not commendation.photo and not storage.exists(name)


def test_view_on_site_appears_only_for_a_public_article(office_client, campaign):
    draft = make_commendation(campaign=campaign, status="draft")
    public = make_commendation(campaign=campaign)
    draft_form = office_client.get(reverse("admin:news_commendation_change", args=[draft.pk]))
    assert draft_form.context["has_absolute_url"] is False
    public_form = office_client.get(reverse("admin:news_commendation_change", args=[public.pk]))
    assert public_form.context["absolute_url"] == public.get_absolute_url()


def test_changelist_filters_commendations_by_title_or_form(office_client, campaign):
    make_commendation(
        campaign=campaign, honoree_name="Ngô Tiên", form=commendation_form("lao-dong-tien-tien")
    )
    make_commendation(
        campaign=campaign, honoree_name="Lê Giấy", form=commendation_form("giay-khen")
    )
    html = office_client.get(reverse(CHANGELIST)).content.decode()
    assert "danh hiệu hay hình thức" in html  # the filter
    names = lambda kind: [  # noqa: E731
        c.honoree_name
        for c in office_client.get(reverse(CHANGELIST), {"kind": kind}).context["cl"].result_list
    ]
    assert names("title") == ["Ngô Tiên"]
    assert names("form") == ["Lê Giấy"]


def test_catalogue_changelist_shows_the_kind_and_the_authority_and_filters_by_kind(office_client):
    url = reverse("admin:news_commendationform_changelist")
    html = office_client.get(url).content.decode()
    for text in (
        "Loại",
        "Thẩm quyền tặng",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Danh hiệu thi đua",
    ):
        assert text in html, text
    titles = office_client.get(url, {"kind__exact": "title"}).context["cl"].result_list
    assert [str(t) for t in titles] == [
        "Chiến sĩ thi đua cơ sở",
        "Tập thể lao động xuất sắc",
        "Lao động tiên tiến",
        "Tập thể lao động tiên tiến",
    ]


def test_commendation_form_groups_the_catalogue_by_kind(office_client):
    html = office_client.get(reverse("admin:news_commendation_add")).content.decode()
    select = html[html.index('<select name="form"') :]
    select = select[: select.index("</select>")]
    assert (
        select.index('<optgroup label="Danh hiệu thi đua">')
        < select.index("Lao động tiên tiến")
        < select.index('<optgroup label="Hình thức khen thưởng">')
        < select.index("Giấy khen của Giám đốc Sở")
    )
