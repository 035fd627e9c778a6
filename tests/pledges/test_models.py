"""The permission QuerySets, the database constraints and the append-only timeline."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction

from campaign.models import Campaign
from pledges.models import AppendOnlyError, Evidence, Pledge, ProgressReport
from pledges.rollups import theme_figures
from tests.factories import make_campaign, make_evidence, make_pledge, make_report

pytestmark = pytest.mark.django_db

S = Pledge.Status


@pytest.fixture
def pledges(two_units):
    """One pledge of unit A in every state, one accepted of unit B, and accepted pledges that are
    not public: in a draft campaign, and of an inactive unit."""
    from tests.factories import make_unit

    made = {
        s: make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=s)
        for s in S.values
    }
    made["b"] = make_pledge(campaign=two_units.campaign, unit=two_units.unit_b, status=S.ACCEPTED)
    made["draft-campaign"] = make_pledge(
        campaign=make_campaign(status=Campaign.Status.DRAFT),
        unit=two_units.unit_a,
        status=S.ACCEPTED,
    )
    made["inactive-unit"] = make_pledge(
        campaign=two_units.campaign, unit=make_unit(is_active=False), status=S.ACCEPTED
    )
    return made


def names(queryset, made) -> set[str]:
    by_pk = {p.pk: name for name, p in made.items()}
    return {by_pk[pk] for pk in queryset.values_list("pk", flat=True)}


def test_public_is_accepted_and_completed_of_public_campaigns_and_active_units(pledges):
    assert names(Pledge.objects.public(), pledges) == {"accepted", "completed", "b"}


def test_visible_to(two_units, pledges):
    public = {"accepted", "completed", "b"}
    own_a = set(S.values) | {"draft-campaign"}
    assert names(Pledge.objects.visible_to(AnonymousUser()), pledges) == public
    assert names(Pledge.objects.visible_to(two_units.nobody), pledges) == public
    assert names(Pledge.objects.visible_to(two_units.head_a), pledges) == public | own_a
    assert names(Pledge.objects.visible_to(two_units.deputy_a), pledges) == public | own_a
    assert names(Pledge.objects.visible_to(two_units.head_b), pledges) == public
    assert names(Pledge.objects.visible_to(two_units.office), pledges) == set(pledges)


def test_editable_reportable_reviewable(two_units, pledges):
    for user in (two_units.head_a, two_units.deputy_a):
        assert names(Pledge.objects.editable_by(user), pledges) == {"draft", "returned"}
        assert names(Pledge.objects.reportable_by(user), pledges) == {"accepted", "draft-campaign"}
        assert names(Pledge.objects.reviewable_by(user), pledges) == set()
    for user in (two_units.head_b, two_units.office, two_units.nobody, AnonymousUser()):
        assert names(Pledge.objects.editable_by(user), pledges) == set()
    assert names(Pledge.objects.reportable_by(two_units.head_b), pledges) == {"b"}
    assert names(Pledge.objects.reviewable_by(two_units.office), pledges) == {"submitted"}


def test_office_membership_is_asked_once_per_user_object(two_units, django_assert_num_queries):
    with django_assert_num_queries(3):  # the group membership once, then the two lists
        list(Pledge.objects.visible_to(two_units.office))
        list(Pledge.objects.reviewable_by(two_units.office))


def test_evidence_and_reports_follow_their_pledge(two_units, pledges):
    hidden = make_report(pledge=pledges["draft-campaign"], by=two_units.head_a)
    shown = make_report(pledge=pledges["accepted"], by=two_units.head_a)
    hidden_photo, shown_photo = make_evidence(report=hidden), make_evidence(report=shown)
    assert list(Evidence.objects.visible_to(AnonymousUser())) == [shown_photo]
    assert list(Evidence.objects.visible_to(two_units.head_b)) == [shown_photo]
    assert set(Evidence.objects.visible_to(two_units.deputy_a)) == {shown_photo, hidden_photo}
    assert set(Evidence.objects.visible_to(two_units.office)) == {shown_photo, hidden_photo}
    assert list(ProgressReport.objects.visible_to(two_units.nobody)) == [shown]


def test_percent_is_checked_by_the_database(two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)
    for percent in (101, 250):
        with pytest.raises(IntegrityError), transaction.atomic():
            ProgressReport.objects.create(
                pledge=pledge, percent=percent, narrative="x", reported_by=two_units.head_a
            )
    with pytest.raises(IntegrityError), transaction.atomic():
        Pledge.objects.filter(pk=pledge.pk).update(latest_percent=120)
    with pytest.raises(IntegrityError), transaction.atomic():
        Pledge.objects.filter(pk=pledge.pk).update(target_value=Decimal("0"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Pledge.objects.filter(pk=pledge.pk).update(status="approved")


def test_the_progress_timeline_is_append_only(two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)
    report = make_report(pledge=pledge, percent=40, by=two_units.head_a)
    report.percent = 90
    with pytest.raises(AppendOnlyError):
        report.save()
    with pytest.raises(AppendOnlyError):
        report.delete()
    with pytest.raises(AppendOnlyError):
        ProgressReport.objects.filter(pk=report.pk).update(percent=90)
    with pytest.raises(AppendOnlyError):
        ProgressReport.objects.all().delete()
    stored = ProgressReport.objects.get(pk=report.pk)
    assert (stored.percent, stored.narrative) == (40, report.narrative)
    # A correction is a new entry; the old one stays.
    make_report(pledge=pledge, percent=35, by=two_units.head_a)
    assert list(pledge.reports.values_list("percent", flat=True)) == [35, 40]


def test_a_pledge_with_reports_cannot_be_deleted(two_units):
    from django.db.models import ProtectedError

    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)
    make_report(pledge=pledge, by=two_units.head_a)
    with pytest.raises(ProtectedError):
        pledge.delete()


def test_target_number_drops_trailing_zeros(two_units):
    pledge = make_pledge(campaign=two_units.campaign, target_value=Decimal("100.00"))
    assert str(pledge.target_number) == "100"
    pledge.target_value = Decimal("2.50")
    assert str(pledge.target_number) == "2.5"


def test_theme_stats_count_units_once_and_average_progress(two_units):
    make_pledge(
        campaign=two_units.campaign, unit=two_units.unit_a, theme=two_units.theme, status=S.ACCEPTED
    )
    make_pledge(
        campaign=two_units.campaign,
        unit=two_units.unit_a,
        theme=two_units.theme,
        status=S.COMPLETED,
        latest_percent=100,
    )
    make_pledge(
        campaign=two_units.campaign,
        unit=two_units.unit_b,
        theme=two_units.theme,
        status=S.ACCEPTED,
        latest_percent=50,
    )
    make_pledge(
        campaign=two_units.campaign,
        unit=two_units.unit_b,
        theme=two_units.theme,
        status=S.SUBMITTED,
    )
    stats = theme_figures(Pledge.objects.public())[two_units.theme.pk]
    assert (stats.units, stats.pledges, stats.average) == (2, 3, 50)
