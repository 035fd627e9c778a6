import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from campaign.models import Campaign
from news.models import Commendation, HonoreeKind, Nomination
from tests.factories import commendation_form, make_campaign, make_commendation
from tests.images import jpeg_bytes

pytestmark = pytest.mark.django_db


def errors_of(commendation: Commendation) -> dict:
    with pytest.raises(ValidationError) as caught:
        commendation.full_clean()
    return caught.value.message_dict


def test_slug_folds_vietnamese_including_d_stroke_and_stays_unique(campaign):
    first = make_commendation(campaign=campaign, title="Đoàn kết phòng, chống dịch")
    second = make_commendation(campaign=campaign, title="Đoàn kết phòng, chống dịch")
    assert first.slug == "doan-ket-phong-chong-dich"
    assert second.slug == "doan-ket-phong-chong-dich-2"
    third = make_commendation(campaign=campaign, title="Đoàn kết phòng, chống dịch")
    assert third.slug == "doan-ket-phong-chong-dich-3"


@pytest.mark.parametrize(
    "number", ["125/QĐ-SCT", "6820/KH-UBND", "01/2022/QĐ-UBND", "15/TTr-SCT", "20/CTr-SCT"]
)
def test_official_decision_numbers_are_accepted(campaign, number):
    commendation = make_commendation(
        campaign=campaign, decision_number=number, decision_date=dt.date(2022, 6, 1)
    )
    commendation.full_clean()


def test_a_typed_decision_number_is_kept_as_the_decree_writes_it(campaign):
    commendation = make_commendation(
        campaign=campaign, decision_number="125 / QĐ – SCT", decision_date=dt.date(2022, 6, 1)
    )
    commendation.full_clean()
    commendation.save()
    commendation.refresh_from_db()
    assert commendation.decision_number == "125/QĐ-SCT"


@pytest.mark.parametrize("number", ["125", "QĐ-SCT/125", "125/qđ-sct", "125/QĐ SCT", "số 125"])
def test_malformed_decision_numbers_get_a_clear_message(campaign, number):
    commendation = make_commendation(
        campaign=campaign, decision_number=number, decision_date=dt.date(2022, 6, 1)
    )
    message = errors_of(commendation)["decision_number"][0]
    assert "125/QĐ-SCT" in message  # the message shows the expected shape
    assert "số/ký hiệu" in message


def test_decision_number_and_date_go_together(campaign):
    commendation = make_commendation(campaign=campaign, decision_number="125/QĐ-SCT")
    assert "decision_date" in errors_of(commendation)


def test_publishing_a_photo_of_a_person_needs_consent(campaign):
    commendation = make_commendation(campaign=campaign, status="draft", photo=jpeg_bytes())
    commendation.full_clean()  # a draft may hold the photo while consent is sought
    commendation.status = Commendation.Status.PUBLISHED
    message = errors_of(commendation)["photo_consent"][0]
    assert "đồng ý" in message
    commendation.photo_consent = True
    commendation.full_clean()


def test_a_collective_photo_needs_no_personal_consent(campaign):
    commendation = make_commendation(
        campaign=campaign,
        honoree_kind=HonoreeKind.COLLECTIVE,
        honoree_name="Phòng Quản lý Thương mại",
        form=commendation_form("tap-the-lao-dong-xuat-sac"),
        photo=jpeg_bytes(),
    )
    commendation.full_clean()
    assert commendation.show_photo


def test_a_photo_without_consent_is_never_shown(campaign):
    commendation = make_commendation(campaign=campaign, photo=jpeg_bytes())
    assert commendation.photo_card and not commendation.show_photo


def test_form_must_suit_the_honoree(campaign):
    commendation = make_commendation(
        campaign=campaign, status="draft", form=commendation_form("tap-the-lao-dong-xuat-sac")
    )
    assert "form" in errors_of(commendation)


def test_a_title_for_collectives_is_refused_for_a_person_in_words(campaign):
    """A commendation and a nomination give the same reason, naming the title and the honoree."""
    title = commendation_form("tap-the-lao-dong-xuat-sac")
    reason = f"“{title}” không dùng để khen thưởng cá nhân."
    commendation = make_commendation(campaign=campaign, status="draft", form=title)
    assert errors_of(commendation)["form"] == [reason]
    nomination = Nomination(honoree_kind=HonoreeKind.PERSON, proposed_form=title)
    with pytest.raises(ValidationError) as caught:
        nomination.clean()
    assert caught.value.message_dict == {"proposed_form": [reason]}


def test_theme_must_belong_to_the_campaign(campaign):
    elsewhere = make_campaign().themes.first()
    commendation = make_commendation(campaign=campaign, status="draft", theme=elsewhere)
    assert "theme" in errors_of(commendation)


def test_publishing_without_a_time_publishes_now(campaign):
    commendation = make_commendation(campaign=campaign, status="draft")
    assert commendation.publish_at is None
    commendation.status = Commendation.Status.PUBLISHED
    commendation.save()
    assert timezone.now() - commendation.publish_at < dt.timedelta(seconds=5)


def test_the_database_refuses_a_published_row_without_a_time(campaign):
    commendation = make_commendation(campaign=campaign)
    with pytest.raises(IntegrityError), transaction.atomic():
        Commendation.objects.filter(pk=commendation.pk).update(publish_at=None)


@pytest.mark.parametrize(
    ("status", "hours", "campaign_status", "visible"),
    [
        ("published", -1, "active", True),
        ("published", -1, "closed", True),
        ("published", +1, "active", False),
        ("draft", -1, "active", False),
        ("published", -1, "draft", False),
    ],
)
def test_published_queryset_and_is_published_agree(status, hours, campaign_status, visible):
    campaign = make_campaign(status=campaign_status)
    commendation = make_commendation(
        campaign=campaign, status=status, publish_at=timezone.now() + dt.timedelta(hours=hours)
    )
    assert Commendation.objects.published().filter(pk=commendation.pk).exists() is visible
    assert commendation.is_published() is visible


def test_search_key_holds_folded_words_of_every_text(campaign):
    commendation = make_commendation(
        campaign=campaign,
        title="Đặng Thị Đào",
        body="<p>Trực <strong>chốt</strong> kiểm dịch</p>",
    )
    assert commendation.search_key.startswith(" dang thi dao ")
    assert commendation.search_key.endswith(" kiem dich ")  # every word between two spaces
    assert "truc chot kiem dich" in commendation.search_key
    assert "<" not in commendation.search_key


def test_changes_are_kept_in_history(campaign, office):
    commendation = make_commendation(campaign=campaign, status="draft")
    commendation.status = Commendation.Status.PUBLISHED
    commendation.save()
    assert [h.status for h in commendation.history.order_by("history_date")] == [
        "draft",
        "published",
    ]
    assert commendation.version == 2


def test_declined_nomination_needs_a_reason_in_the_database(theme, unit, head):
    from tests.factories import make_nomination

    nomination = make_nomination(unit=unit, by=head, theme=theme)
    with pytest.raises(IntegrityError), transaction.atomic():
        Nomination.objects.filter(pk=nomination.pk).update(status="declined")


def test_draft_campaign_is_not_public(campaign):
    Campaign.objects.filter(pk=campaign.pk).update(status="draft")
    make_commendation(campaign=campaign)
    assert not Commendation.objects.published().exists()
