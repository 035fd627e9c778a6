"""Unit heads nominate; the office accepts into a draft commendation or declines with a reason."""

import io

import pytest
from django.core import mail
from django.urls import reverse
from PIL import Image

from news.models import Commendation, Nomination, NominationImage
from outbox.models import Message
from tests.factories import commendation_form, make_nomination, make_role, make_user
from tests.images import GPS_IFD, jpeg_bytes, upload

pytestmark = pytest.mark.django_db


def nomination_data(unit, theme, **overrides) -> dict:
    data = {
        "unit": unit.pk,
        "honoree_name": "Phạm Thị Đông",
        "honoree_kind": "person",
        "position": "Chuyên viên",
        "theme": theme.pk,
        "proposed_form": commendation_form("giay-khen").pk,
        "achievements": "Trực chốt kiểm dịch 60 ngày.\n\nVận động doanh nghiệp bình ổn giá.",
    }
    data.update(overrides)
    return data


@pytest.fixture
def head_client(client, head):
    client.force_login(head)
    return client


def test_head_nominates_a_colleague_with_evidence_photos(head_client, head, unit, theme):
    photos = [upload(f"IMG_{i}.jpg", jpeg_bytes(gps=True)) for i in range(2)]
    response = head_client.post(
        reverse("news:nomination-create"), nomination_data(unit, theme, evidence=photos)
    )
    nomination = Nomination.objects.get()
    assert response.status_code == 302 and response["Location"] == nomination.get_absolute_url()
    assert nomination.nominated_by == head and nomination.status == "submitted"
    assert nomination.images.count() == 2
    stored = Image.open(nomination.images.first().image.open("rb"))
    assert not stored.getexif().get_ifd(GPS_IFD)
    assert nomination.images.first().original_name == "IMG_0.jpg"
    page = head_client.get(nomination.get_absolute_url()).content.decode()
    assert "Phạm Thị Đông" in page and "Chờ Văn phòng" in page


def test_six_photos_are_refused_and_nothing_is_saved(head_client, unit, theme):
    photos = [upload(f"p{i}.jpg", jpeg_bytes()) for i in range(6)]
    response = head_client.post(
        reverse("news:nomination-create"), nomination_data(unit, theme, evidence=photos)
    )
    assert response.status_code == 200
    assert "tối đa 5" in response.context["form"].errors["evidence"][0]
    assert not Nomination.objects.exists() and not NominationImage.objects.exists()


def test_a_bad_photo_is_named_and_the_typed_text_is_kept(head_client, unit, theme):
    bad = upload("scan.jpg", b"%PDF-1.4 not an image")
    data = nomination_data(unit, theme, evidence=[upload("ok.jpg", jpeg_bytes()), bad])
    response = head_client.post(reverse("news:nomination-create"), data)
    assert response.status_code == 200
    assert "scan.jpg" in response.context["form"].errors["evidence"][0]
    assert "Vận động doanh nghiệp bình ổn giá." in response.content.decode()
    assert not Nomination.objects.exists()


def test_a_head_cannot_nominate_for_another_unit(head_client, other_unit, theme):
    response = head_client.post(
        reverse("news:nomination-create"), nomination_data(other_unit, theme)
    )
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not Nomination.objects.exists()


def test_form_must_suit_a_collective(head_client, unit, theme):
    data = nomination_data(
        unit,
        theme,
        honoree_kind="collective",
        proposed_form=commendation_form("lao-dong-tien-tien").pk,
    )
    response = head_client.post(reverse("news:nomination-create"), data)
    assert "proposed_form" in response.context["form"].errors


def test_the_form_offers_titles_and_forms_in_separate_groups(head_client):
    html = head_client.get(reverse("news:nomination-create")).content.decode()
    select = html[html.index('<select name="proposed_form"') :]
    select = select[: select.index("</select>")]
    assert (
        select.index('<optgroup label="Danh hiệu thi đua">')
        < select.index("Chiến sĩ thi đua cơ sở")
        < select.index('<optgroup label="Hình thức khen thưởng">')
        < select.index("Bằng khen của Bộ trưởng Bộ Công Thương")
    )


def test_accepting_without_a_proposal_drafts_a_form_of_commendation(
    office_client, head, unit, theme
):
    nomination = make_nomination(unit=unit, by=head, theme=theme, proposed_form=None)
    office_client.post(reverse("admin:news_nomination_accept", args=[nomination.pk]))
    form = Commendation.objects.get().form
    assert form.kind == "form", form  # a title is conferred on its own terms, never by default


def test_deputy_edits_while_submitted_and_removes_a_photo(client, head, unit, theme):
    nomination = make_nomination(unit=unit, by=head, theme=theme, images=[jpeg_bytes()] * 2)
    deputy = make_role(unit=unit, role="deputy").user
    client.force_login(deputy)
    url = reverse("news:nomination-update", args=[nomination.pk])
    form = client.get(url).context["form"]
    data = nomination_data(
        unit, theme, honoree_name="Phạm Thị Đông Sửa", version=nomination.version
    )
    data["remove_images"] = [nomination.images.first().pk]
    data["evidence"] = [upload("them.jpg", jpeg_bytes())]
    assert form.initial["honoree_name"] == nomination.honoree_name
    response = client.post(url, data)
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.honoree_name == "Phạm Thị Đông Sửa"
    assert sorted(nomination.images.values_list("original_name", flat=True)) == [
        "evidence1.jpg",
        "them.jpg",
    ]
    assert nomination.history.count() == 2


def test_a_stale_edit_does_not_overwrite_a_newer_one(head_client, head, unit, theme):
    nomination = make_nomination(unit=unit, by=head, theme=theme)
    url = reverse("news:nomination-update", args=[nomination.pk])
    stale_version = nomination.version
    nomination.position = "Phó Trưởng phòng"
    nomination.save()
    data = nomination_data(unit, theme, position="Chuyên viên chính", version=stale_version)
    response = head_client.post(url, data)
    assert response.status_code == 200
    assert "người khác" in str(response.context["form"].non_field_errors())
    assert "Chuyên viên chính" in response.content.decode()  # the typed text is still there
    nomination.refresh_from_db()
    assert nomination.position == "Phó Trưởng phòng"


def test_edit_adding_photos_beyond_five_is_refused(head_client, head, unit, theme):
    nomination = make_nomination(unit=unit, by=head, theme=theme, images=[jpeg_bytes()] * 4)
    data = nomination_data(unit, theme, version=nomination.version)
    data["evidence"] = [upload(f"x{i}.jpg", jpeg_bytes()) for i in range(2)]
    response = head_client.post(reverse("news:nomination-update", args=[nomination.pk]), data)
    assert response.status_code == 200
    assert "tối đa 5" in str(response.context["form"].non_field_errors())
    assert nomination.images.count() == 4


# The office's decisions -----------------------------------------------------------------------


def test_queue_opens_on_the_waiting_nominations(office_client, head, unit, theme):
    waiting = make_nomination(unit=unit, by=head, theme=theme, honoree_name="Chờ Duyệt")
    response = office_client.get(reverse("admin:news_nomination_changelist"), follow=True)
    assert response.redirect_chain[0][0].endswith("?status__exact=submitted")
    assert list(response.context["cl"].result_list) == [waiting]
    change = office_client.get(reverse("admin:news_nomination_change", args=[waiting.pk]))
    html = change.content.decode()
    assert reverse("admin:news_nomination_accept", args=[waiting.pk]) in html
    assert 'name="_save"' not in html


def test_accept_creates_a_prefilled_draft_and_tells_the_head(
    office_client, office, head, unit, theme, settings, django_capture_on_commit_callbacks
):
    nomination = make_nomination(
        unit=unit,
        by=head,
        theme=theme,
        honoree_name="Phạm Thị Đông",
        position="Chuyên viên",
        proposed_form=commendation_form("chien-si-thi-dua-co-so"),
        achievements="Trực chốt <b>60</b> ngày.\n\nBình ổn giá.",
        images=[jpeg_bytes(size=(800, 600))],
    )
    url = reverse("admin:news_nomination_accept", args=[nomination.pk])
    assert office_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = office_client.post(url)
    commendation = Commendation.objects.get()
    assert response["Location"] == reverse("admin:news_commendation_change", args=[commendation.pk])
    assert commendation.status == "draft" and not commendation.is_published()
    assert (commendation.honoree_name, commendation.position) == ("Phạm Thị Đông", "Chuyên viên")
    assert (commendation.unit, commendation.theme, commendation.campaign) == (
        unit,
        theme,
        theme.campaign,
    )
    assert commendation.form.slug == "chien-si-thi-dua-co-so"
    assert commendation.author == office
    assert commendation.body == "<p>Trực chốt &lt;b&gt;60&lt;/b&gt; ngày.</p>\n<p>Bình ổn giá.</p>"
    assert Image.open(commendation.photo_share.open("rb")).size == (1200, 630)
    assert not commendation.photo_consent
    nomination.refresh_from_db()
    assert (nomination.status, nomination.commendation, nomination.decided_by) == (
        "accepted",
        commendation,
        office,
    )
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [head.email]
    assert "Phạm Thị Đông" in sent.subject and "được duyệt" in sent.subject
    assert f"{settings.PORTAL_URL}{nomination.get_absolute_url()}" in sent.body
    assert Message.objects.get().status == "sent"

    # The draft opens pre-filled in the admin.
    form = office_client.get(response["Location"]).context["adminform"].form
    assert form.initial["honoree_name"] == "Phạm Thị Đông"


def test_decline_needs_a_reason_which_the_head_receives(
    office_client, head, unit, theme, django_capture_on_commit_callbacks
):
    nomination = make_nomination(unit=unit, by=head, theme=theme)
    url = reverse("admin:news_nomination_decline", args=[nomination.pk])
    response = office_client.post(url, {"reason": "   "})
    assert response.status_code == 200 and response.context["form"].errors["reason"]
    nomination.refresh_from_db()
    assert nomination.status == "submitted"

    reason = "Thành tích chưa có minh chứng cụ thể; đề nghị bổ sung."
    with django_capture_on_commit_callbacks(execute=True):
        response = office_client.post(url, {"reason": reason})
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert (nomination.status, nomination.decline_reason) == ("declined", reason)
    assert reason in mail.outbox[0].body and mail.outbox[0].to == [head.email]
    assert not Commendation.objects.exists()


def test_head_sees_the_outcome(client, head, unit, theme, office):
    from news.services import nomination_decline

    nomination = make_nomination(unit=unit, by=head, theme=theme)
    nomination_decline(nomination=nomination, by=office, reason="Chưa đủ tiêu chuẩn.")
    client.force_login(head)
    html = client.get(nomination.get_absolute_url()).content.decode()
    assert "Chưa đủ tiêu chuẩn." in html and "Không được duyệt" in html
    listing = client.get(reverse("news:nomination-list")).content.decode()
    assert nomination.honoree_name in listing and "Không được duyệt" in listing


def test_a_decided_nomination_cannot_be_decided_or_edited_again(
    office_client, client, head, unit, theme
):
    nomination = make_nomination(unit=unit, by=head, theme=theme)
    office_client.post(reverse("admin:news_nomination_accept", args=[nomination.pk]))
    response = office_client.post(
        reverse("admin:news_nomination_decline", args=[nomination.pk]),
        {"reason": "Muộn"},
        follow=True,
    )
    assert "đã được quyết định" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == "accepted" and Commendation.objects.count() == 1
    client.force_login(head)
    assert client.get(reverse("news:nomination-update", args=[nomination.pk])).status_code == 404


def test_accepting_is_for_the_office(client, head, unit, theme):
    nomination = make_nomination(unit=unit, by=head, theme=theme)
    client.force_login(make_user(is_staff=True))
    assert (
        client.post(reverse("admin:news_nomination_accept", args=[nomination.pk])).status_code
        == 403
    )
    assert not Commendation.objects.exists()


def test_evidence_is_served_only_to_those_who_may_read_the_nomination(
    client, head, unit, theme, other_unit
):
    nomination = make_nomination(unit=unit, by=head, theme=theme, images=[jpeg_bytes()])
    image = nomination.images.get()
    client.force_login(head)
    response = client.get(image.get_absolute_url())
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    thumb = Image.open(
        io.BytesIO(b"".join(client.get(image.get_thumbnail_url()).streaming_content))
    )
    assert thumb.size == (320, 240)
    client.force_login(make_role(unit=other_unit).user)
    assert client.get(image.get_absolute_url()).status_code == 404


def test_only_the_office_decides_a_nomination_whatever_model_permissions_a_user_holds(
    client, head, unit, theme
):
    # The decision belongs to the office's role (`kit.roles.is_office`), not to a pair of
    # model permissions a superuser might hand to any staff account.
    nomination = make_nomination(unit=unit, by=head, theme=theme)
    staff = make_user(
        is_staff=True,
        perms=["news.view_nomination", "news.change_nomination", "news.add_commendation"],
    )
    client.force_login(staff)
    url = reverse("admin:news_nomination_accept", args=[nomination.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    nomination.refresh_from_db()
    assert nomination.status == "submitted"
    assert not Commendation.objects.exists()
