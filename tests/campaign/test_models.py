import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from campaign.models import Campaign, LegalDocument, Theme
from tests.factories import make_campaign, make_theme

pytestmark = pytest.mark.django_db


def test_campaign_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_campaign(starts_on=dt.date(2022, 5, 1), ends_on=dt.date(2022, 4, 30))


def test_campaign_end_rule_is_a_form_error_too():
    campaign = make_campaign()
    campaign.ends_on = campaign.starts_on - dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="Ngày kết thúc không được trước ngày bắt đầu"):
        campaign.full_clean()


def test_campaign_slug_is_made_from_the_vietnamese_title():
    campaign = make_campaign(title="Đoàn kết, đồng lòng chống dịch")
    assert campaign.slug == "doan-ket-dong-long-chong-dich"
    assert campaign.get_absolute_url() == "/campaigns/doan-ket-dong-long-chong-dich/"


def test_theme_numbers_are_unique_within_a_campaign():
    campaign = make_campaign(themes=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_theme(campaign=campaign, number=1)
    make_theme(campaign=make_campaign(themes=0), number=1)  # another campaign may reuse it
    assert Theme.objects.filter(number=1).count() == 2


def test_theme_number_starts_at_one():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_theme(campaign=make_campaign(themes=0), number=0)


def test_current_campaign_prefers_active_over_closed_and_ignores_drafts():
    make_campaign(status=Campaign.Status.DRAFT, published_on=dt.date(2024, 1, 1))
    closed = make_campaign(status=Campaign.Status.CLOSED, published_on=dt.date(2023, 1, 1))
    assert Campaign.objects.current() == closed
    active = make_campaign(status=Campaign.Status.ACTIVE, published_on=dt.date(2021, 1, 1))
    assert Campaign.objects.current() == active


@pytest.mark.parametrize("number", ["3082/QĐ-BCT", "6820/KH-UBND", "01/NQ-CP", "125/QĐ-SCT"])
def test_official_document_numbers_are_accepted(number):
    LegalDocument(number=number, kind="decision", issuer="Bộ", title="T").full_clean()


@pytest.mark.parametrize("number", ["3082", "QĐ-BCT", "3082/qđ-bct", "3082/QĐ BCT", "abc/QĐ"])
def test_malformed_document_numbers_get_a_clear_message(number):
    with pytest.raises(ValidationError, match="số/ký hiệu"):
        LegalDocument(number=number, kind="decision", issuer="Bộ", title="T").full_clean()


def test_document_numbers_are_unique_but_many_may_have_none():
    LegalDocument.objects.create(number="1/QĐ-SCT", issuer="Sở", title="A")
    LegalDocument.objects.create(number="", issuer="Sở", title="B")
    LegalDocument.objects.create(number="", issuer="Sở", title="C")
    with pytest.raises(IntegrityError), transaction.atomic():
        LegalDocument.objects.create(number="1/QĐ-SCT", issuer="Sở", title="D")
