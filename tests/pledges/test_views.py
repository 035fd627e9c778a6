"""The workspace, the pledge form, review and progress pages as a user meets them."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from PIL import Image, ImageFile

from campaign.models import LegalDocument
from kit.images import MAX_BYTES
from pledges.models import Evidence, Pledge
from tests.factories import make_pledge, make_report
from tests.images import (
    GPS_IFD,
    hostile_uploads,
    jpeg_bytes,
    mpo_bytes,
    noise_png_bytes,
    thin_png_bytes,
    upload,
)

pytestmark = pytest.mark.django_db

S = Pledge.Status


def form_data(two_units, **kw):
    data = {
        "theme": two_units.theme.pk,
        "title": "Hỗ trợ doanh nghiệp bán hàng trực tuyến",
        "commitment": "Tập huấn thương mại điện tử cho doanh nghiệp.",
        "target_value": "30",
        "target_unit": "doanh nghiệp bán hàng trực tuyến",
        "due_on": "30/09/2022",
    }
    data.update(kw)
    return data


def create_url(two_units):
    return reverse(
        "pledges:create",
        kwargs={"unit": two_units.unit_a.slug, "campaign": two_units.campaign.slug},
    )


@pytest.mark.parametrize("value", ["abc", "1.5", "-1", "99999999999999999999999", ""])
def test_a_bad_theme_in_the_link_shows_the_form_with_no_theme_chosen(client, two_units, value):
    client.force_login(two_units.head_a)
    chosen = client.get(create_url(two_units), {"theme": two_units.theme.number})
    assert f'<option value="{two_units.theme.pk}" selected>' in chosen.content.decode()
    response = client.get(create_url(two_units), {"theme": value})
    assert response.status_code == 200
    assert "selected>" not in response.content.decode()


def test_a_nul_in_the_theme_link_is_a_bad_request(client, two_units):
    client.force_login(two_units.head_a)
    response = client.get(create_url(two_units), {"theme": "\x00"})
    assert response.status_code == 400


def test_login_lands_unit_heads_on_their_workspace(client, two_units):
    response = client.post(
        reverse("login"), {"username": "head_a", "password": "correct horse battery"}
    )
    assert response["Location"] == reverse("pledges:start")
    assert client.get(response["Location"])["Location"] == reverse("pledges:workspace")


def test_workspace_shows_every_theme_with_the_units_pledges_and_actions(client, two_units):
    returned = make_pledge(
        campaign=two_units.campaign,
        unit=two_units.unit_a,
        theme=two_units.theme,
        status=S.RETURNED,
        review_note="Bổ sung số liệu cụ thể.",
    )
    accepted = make_pledge(
        campaign=two_units.campaign,
        unit=two_units.unit_a,
        theme=two_units.campaign.themes.get(number=3),
        status=S.ACCEPTED,
        latest_percent=40,
    )
    other = make_pledge(campaign=two_units.campaign, unit=two_units.unit_b, status=S.DRAFT)
    client.force_login(two_units.deputy_a)
    html = client.get(reverse("pledges:workspace")).content.decode()
    assert "Đơn vị của tôi" in html
    assert two_units.unit_a.name in html and two_units.unit_b.name not in html
    for theme in two_units.campaign.themes.all():
        assert theme.title in html
    assert html.count("Chưa có cam kết nào trong nội dung này.") == 2  # themes 1 and 4
    assert returned.title in html and "Bổ sung số liệu cụ thể." in html
    assert reverse("pledges:update", args=[returned.pk]) in html
    assert reverse("pledges:submit", args=[returned.pk]) in html
    assert reverse("pledges:report", args=[accepted.pk]) in html
    assert reverse("pledges:update", args=[accepted.pk]) not in html
    assert "pct-40" in html and 'aria-valuenow="40"' in html
    assert other.title not in html
    assert f"{create_url(two_units)}?theme=1" in html


def test_workspace_without_a_unit_says_so(client, two_units):
    client.force_login(two_units.nobody)
    html = client.get(reverse("pledges:workspace")).content.decode()
    assert "Bạn không phải là trưởng hoặc phó của đơn vị nào" in html


def test_workspace_is_usable_on_a_phone(client, two_units):
    make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)
    client.force_login(two_units.head_a)
    html = client.get(reverse("pledges:workspace")).content.decode()
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "<table" not in html  # cards that stack, nothing wider than the screen
    assert "row-cols-1" in html
    assert " style=" not in html


def test_create_a_draft_citing_a_legal_document(client, two_units):
    from campaign.models import Campaign
    from campaign.seed.loader import load_campaign
    from tests.factories import make_role
    from units.models import Unit

    load_campaign()
    fixture_campaign = Campaign.objects.get(slug="nganh-cong-thuong-doan-ket-phong-chong-covid-19")

    make_role(user=two_units.head_a, unit=Unit.objects.get(slug="van-phong-so"))
    plan = LegalDocument.objects.get(number="128/KH-SCT")
    client.force_login(two_units.head_a)
    url = reverse(
        "pledges:create", kwargs={"unit": "van-phong-so", "campaign": fixture_campaign.slug}
    )
    page = client.get(url + "?theme=2").content.decode()
    assert "128/KH-SCT" in page
    assert "Trong thời gian phong trào: từ 25/03/2022 đến 31/12/2022" in page
    theme2 = fixture_campaign.themes.get(number=2)
    assert f'<option value="{theme2.pk}" selected>' in page
    data = form_data(two_units, theme=theme2.pk, legal_documents=[plan.pk], target_value="2,5")
    response = client.post(url, data)
    pledge = Pledge.objects.get()
    assert response["Location"] == pledge.get_absolute_url()
    assert pledge.status == S.DRAFT and pledge.created_by == two_units.head_a
    assert list(pledge.legal_documents.all()) == [plan]
    assert str(pledge.target_value) == "2.50"
    detail = client.get(pledge.get_absolute_url()).content.decode()
    assert "Bản nháp đã được lưu" in detail
    assert "2,5 doanh nghiệp bán hàng trực tuyến" in detail
    assert "128/KH-SCT" in detail


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"due_on": "01/01/2023"}, "due_on", "từ 25/03/2022 đến 31/12/2022"),
        ({"due_on": "31/02/2022"}, "due_on", "Ngày 31/02/2022 không tồn tại"),
        ({"target_value": "0"}, "target_value", "lớn hơn 0"),
        ({"target_value": "ba mươi"}, "target_value", "theo cách viết 1.234,5 hoặc 2.500"),
        ({"target_value": "2.5"}, "target_value", "dấu “,” đứng trước phần thập phân"),
        ({"title": ""}, "title", "bắt buộc"),
        ({"target_unit": ""}, "target_unit", "bắt buộc"),
    ],
)
def test_invalid_pledge_form_says_what_is_wrong_and_keeps_the_text(
    client, two_units, changes, field, message
):
    client.force_login(two_units.head_a)
    response = client.post(create_url(two_units), form_data(two_units, **changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert message in errors[field][0]
    html = response.content.decode()
    assert "Tập huấn thương mại điện tử cho doanh nghiệp." in html
    assert not Pledge.objects.exists()


def test_a_theme_of_another_campaign_is_refused(client, two_units):
    from tests.factories import make_campaign

    other_theme = make_campaign().themes.first()
    client.force_login(two_units.head_a)
    response = client.post(create_url(two_units), form_data(two_units, theme=other_theme.pk))
    assert "theme" in response.context["form"].errors
    assert not Pledge.objects.exists()


def test_stale_edit_is_refused_and_the_users_text_shown_back(client, two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, title="Bản đầu")
    url = reverse("pledges:update", args=[pledge.pk])
    head, deputy = client, client.__class__()
    head.force_login(two_units.head_a)
    deputy.force_login(two_units.deputy_a)
    head_form = head.get(url).context["form"]
    assert head_form["version"].value() == 1
    deputy.post(url, form_data(two_units, title="Bản của phó", version=1))
    assert Pledge.objects.get(pk=pledge.pk).title == "Bản của phó"

    mine = form_data(two_units, title="Bản của trưởng", commitment="Văn bản trưởng viết", version=1)
    response = head.post(url, mine)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Người khác đã lưu cam kết này trong lúc bạn đang sửa" in html
    assert "Văn bản trưởng viết" in html  # their text, back in the form
    assert "Bản của phó" in html  # and the saved version beside it
    stored = Pledge.objects.get(pk=pledge.pk)
    assert (stored.title, stored.version) == ("Bản của phó", 2)

    # Saving again, now knowingly over the newer version, works.
    assert response.context["form"]["version"].value() == 2
    response = head.post(url, {**mine, "version": 2})
    assert response.status_code == 302
    assert Pledge.objects.get(pk=pledge.pk).title == "Bản của trưởng"


def test_editing_a_pledge_submitted_meanwhile_keeps_the_text_and_saves_nothing(client, two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a)
    client.force_login(two_units.head_a)
    Pledge.objects.filter(pk=pledge.pk).update(status=S.SUBMITTED)
    response = client.post(
        reverse("pledges:update", args=[pledge.pk]),
        form_data(two_units, commitment="Đoạn văn tôi vừa viết", version=1),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đoạn văn tôi vừa viết" in html
    assert "Chỉ có thể sửa cam kết đang là bản nháp hoặc bị trả lại" in html
    assert Pledge.objects.get(pk=pledge.pk).commitment != "Đoạn văn tôi vừa viết"


def test_submit_delete_and_the_returned_reason(client, two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a)
    client.force_login(two_units.head_a)
    page = client.get(reverse("pledges:submit", args=[pledge.pk])).content.decode()
    assert 'name="version" value="1"' in page
    response = client.post(reverse("pledges:submit", args=[pledge.pk]), {"version": 1})
    assert response["Location"] == reverse("pledges:workspace")
    assert Pledge.objects.get(pk=pledge.pk).status == S.SUBMITTED

    office = client.__class__()
    office.force_login(two_units.office)
    queue = office.get(reverse("pledges:review-queue")).content.decode()
    assert pledge.title in queue
    response = office.post(
        reverse("pledges:review", args=[pledge.pk]), {"decision": "return", "reason": ""}
    )
    assert response.status_code == 200
    assert "Hãy nêu lý do trả lại" in response.content.decode()
    office.post(
        reverse("pledges:review", args=[pledge.pk]),
        {"decision": "return", "reason": "Chỉ tiêu cần cụ thể hơn."},
    )
    assert Pledge.objects.get(pk=pledge.pk).status == S.RETURNED

    detail = client.get(pledge.get_absolute_url()).content.decode()
    assert "Chỉ tiêu cần cụ thể hơn." in detail
    form = client.get(reverse("pledges:update", args=[pledge.pk])).content.decode()
    assert "Chỉ tiêu cần cụ thể hơn." in form

    draft = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a)
    response = client.post(reverse("pledges:delete", args=[draft.pk]))
    assert response["Location"] == reverse("pledges:workspace")
    assert not Pledge.objects.filter(pk=draft.pk).exists()


def test_review_accept_makes_the_pledge_public(client, two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.SUBMITTED)
    client.force_login(two_units.office)
    client.post(reverse("pledges:review", args=[pledge.pk]), {"decision": "accept"})
    assert Pledge.objects.get(pk=pledge.pk).status == S.ACCEPTED
    anonymous = client.__class__()
    assert anonymous.get(pledge.get_absolute_url()).status_code == 200


def report_url(pledge):
    return reverse("pledges:report", args=[pledge.pk])


@pytest.fixture
def accepted(two_units):
    return make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)


def test_report_with_a_phone_photo_strips_gps_and_shows_on_the_timeline(
    client, two_units, accepted
):
    client.force_login(two_units.head_a)
    photo = upload("IMG_2041.jpg", jpeg_bytes(size=(3000, 2000), gps=True))
    response = client.post(
        report_url(accepted),
        {"percent": "40", "narrative": "Đã tiêm mũi 3 cho 40% công chức.", "images": [photo]},
    )
    assert response["Location"] == accepted.get_absolute_url()
    accepted.refresh_from_db()
    assert accepted.latest_percent == 40
    evidence = Evidence.objects.get()
    assert evidence.original_name == "IMG_2041.jpg"
    with evidence.image.open("rb") as f:
        stored = Image.open(io.BytesIO(f.read()))
    assert max(stored.size) == 2000
    assert not stored.getexif() and not stored.getexif().get_ifd(GPS_IFD)
    assert "IMG_2041" not in evidence.image.name
    with evidence.thumbnail.open("rb") as f:
        assert Image.open(io.BytesIO(f.read())).size == (320, 240)

    html = client.get(accepted.get_absolute_url()).content.decode()
    assert "Đã tiêm mũi 3 cho 40% công chức." in html
    assert f'href="{evidence.get_absolute_url()}"' in html
    assert f'src="{evidence.get_thumbnail_url()}"' in html
    full = client.get(evidence.get_absolute_url())
    assert full["Content-Type"] == "image/jpeg"
    assert b"".join(full.streaming_content)[:2] == b"\xff\xd8"


def test_report_with_a_phones_multi_picture_jpeg_keeps_the_photo(client, two_units, accepted):
    client.force_login(two_units.head_a)
    photo = upload("IMG_3001.JPG", mpo_bytes(size=(1600, 1200)))
    assert Image.open(io.BytesIO(photo.read())).format == "MPO"
    photo.seek(0)
    response = client.post(
        report_url(accepted),
        {"percent": "30", "narrative": "Ảnh chụp bằng điện thoại", "images": [photo]},
    )
    assert response["Location"] == accepted.get_absolute_url()
    evidence = Evidence.objects.get()
    assert evidence.original_name == "IMG_3001.JPG"
    with evidence.image.open("rb") as f:
        data = f.read()
    stored = Image.open(io.BytesIO(data))
    assert (stored.format, stored.size, getattr(stored, "n_frames", 1)) == ("JPEG", (1600, 1200), 1)
    assert stored.getpixel((0, 0))[0] > 150  # the photo itself, red; not the blue second picture
    assert not stored.getexif().get_ifd(GPS_IFD) and b"MPF" not in data


@pytest.mark.parametrize("kind", ["png-bomb", "text-as-jpeg", "truncated-jpeg", "too-large"])
def test_a_bad_upload_is_a_form_error_naming_the_file_and_keeps_the_rest(
    client, two_units, accepted, kind
):
    bad = hostile_uploads()[kind]
    if kind == "too-large":
        assert bad.size > MAX_BYTES  # an 11 MB image
    client.force_login(two_units.head_a)
    good = upload("tot.jpg", jpeg_bytes())
    response = client.post(
        report_url(accepted),
        {"percent": "55", "narrative": "Báo cáo tháng 6 của đơn vị", "images": [good, bad]},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["images"]
    assert len(errors) == 1 and f"“{bad.name}”" in errors[0]
    html = response.content.decode()
    assert "Báo cáo tháng 6 của đơn vị" in html  # the text is kept
    assert 'value="55"' in html
    assert "chọn lại ảnh" in html
    accepted.refresh_from_db()
    assert accepted.latest_percent == 0
    assert not accepted.reports.exists() and not Evidence.objects.exists()


def test_eleven_megabyte_image_is_refused_with_its_size(client, two_units, accepted):
    data = noise_png_bytes()
    assert len(data) > 11 * 1024 * 1024 * 0.95
    client.force_login(two_units.head_a)
    response = client.post(
        report_url(accepted),
        {"percent": "10", "narrative": "x", "images": [upload("big.png", data, "image/png")]},
    )
    assert response.status_code == 200
    message = response.context["form"].errors["images"][0]
    assert "“big.png”" in message and "tối đa 10,0\xa0MB" in message


def test_long_and_thin_images_are_refused_before_their_pixels_are_decoded(
    client, two_units, accepted, monkeypatch
):
    decoded = []
    load = ImageFile.ImageFile.load

    def recording_load(image):
        decoded.append(image.size)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", recording_load)
    line = upload("line.png", thin_png_bytes((1, 40_000_000)), "image/png")
    assert line.size < 100_000  # a 77 KB file within the 40 megapixels
    wide = upload("wide.png", thin_png_bytes((60_000, 600)), "image/png")
    client.force_login(two_units.head_a)
    response = client.post(
        report_url(accepted), {"percent": "20", "narrative": "x", "images": [line, wide]}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["images"] == [
        "“line.png”: ảnh có kích thước 1 × 40.000.000 điểm ảnh; "
        "mỗi cạnh chỉ được dài tối đa 16.000 điểm ảnh.",
        "“wide.png”: ảnh có kích thước 60.000 × 600 điểm ảnh; "
        "mỗi cạnh chỉ được dài tối đa 16.000 điểm ảnh.",
    ]
    assert decoded == []  # refused from the header: no worker spends seconds on the pixels
    assert not accepted.reports.exists() and not Evidence.objects.exists()


def test_more_than_five_photos_are_refused(client, two_units, accepted):
    client.force_login(two_units.head_a)
    photos = [upload(f"{i}.jpg", jpeg_bytes(size=(50, 50))) for i in range(6)]
    response = client.post(
        report_url(accepted), {"percent": "10", "narrative": "x", "images": photos}
    )
    assert "tối đa 5 ảnh" in response.context["form"].errors["images"][0]


def test_hundred_percent_needs_the_final_box_and_completes(client, two_units, accepted):
    client.force_login(two_units.head_a)
    response = client.post(report_url(accepted), {"percent": "100", "narrative": "Xong"})
    assert "final" in response.context["form"].errors
    assert not accepted.reports.exists()
    response = client.post(report_url(accepted), {"percent": "80", "narrative": "x", "final": "on"})
    assert "final" in response.context["form"].errors
    client.post(report_url(accepted), {"percent": "100", "narrative": "Xong", "final": "on"})
    accepted.refresh_from_db()
    assert (accepted.status, accepted.latest_percent) == (S.COMPLETED, 100)


@pytest.mark.parametrize("percent", ["-1", "101", "năm mươi"])
def test_percent_out_of_range_is_a_form_error(client, two_units, accepted, percent):
    client.force_login(two_units.head_a)
    response = client.post(report_url(accepted), {"percent": percent, "narrative": "x"})
    assert response.status_code == 200
    assert "percent" in response.context["form"].errors
    assert not accepted.reports.exists()


def test_the_timeline_keeps_every_report_newest_first(client, two_units, accepted):
    make_report(pledge=accepted, percent=20, by=two_units.head_a, narrative="Tháng 4")
    make_report(pledge=accepted, percent=60, by=two_units.deputy_a, narrative="Tháng 6")
    make_report(pledge=accepted, percent=50, by=two_units.head_a, narrative="Đính chính tháng 6")
    html = client.get(accepted.get_absolute_url()).content.decode()
    order = [html.index(text) for text in ("Đính chính tháng 6", "Tháng 6", "Tháng 4")]
    assert order == sorted(order)
    assert re.search(r'aria-valuenow="50"', html)


def test_pages_carry_no_style_attributes(client, two_units, accepted):
    make_report(pledge=accepted, percent=35, by=two_units.head_a)
    client.force_login(two_units.head_a)
    for url in (
        reverse("pledges:workspace"),
        accepted.get_absolute_url(),
        report_url(accepted),
        create_url(two_units),
    ):
        html = client.get(url).content.decode()
        assert " style=" not in html, url
        assert "<script>" not in html and "<style" not in html, url
