"""Progress on a target that counts something ("30 doanh nghiệp") is typed as the amount
reached ("Đã đạt 12 / 30 doanh nghiệp"); the portal works the percent out, keeps the amount on
the report and shows both wherever reports are listed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from office.exports.tables import reports_table
from pledges import services
from pledges.models import Pledge, ProgressReport
from portal.api.serializers import pledge as pledge_payload
from tests.factories import make_pledge

pytestmark = pytest.mark.django_db

S = Pledge.Status


@pytest.fixture
def counted(two_units):
    return make_pledge(
        campaign=two_units.campaign,
        unit=two_units.unit_a,
        status=S.ACCEPTED,
        target_value=Decimal("30"),
        target_unit="doanh nghiệp",
    )


def report_url(pledge):
    return reverse("pledges:report", args=[pledge.pk])


# --- the rule --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "counted"),
    [
        ("doanh nghiệp", True),
        ("tấn nông sản tiêu thụ", True),
        ("% công chức được tiêm", False),
        ("%", False),
        ("phần trăm hồ sơ trực tuyến", False),
        ("staff vaccinated (percent)", False),
    ],
)
def test_only_a_target_that_counts_something_is_reported_as_an_amount(unit, counted):
    assert Pledge(target_value=Decimal("30"), target_unit=unit).is_counted is counted


@pytest.mark.parametrize(
    ("target", "achieved", "percent"),
    [
        ("30", "12", 40),
        ("30", "0", 0),
        ("30", "29", 96),  # 96.67: rounded down, so 100 % only when the target is reached
        ("30", "30", 100),
        ("30", "45", 100),  # past the target: capped
        ("2.5", "1.25", 50),
        ("3", "1", 33),
    ],
)
def test_the_percent_is_rounded_down_and_capped(target, achieved, percent):
    pledge = Pledge(target_value=Decimal(target), target_unit="ha")
    assert pledge.percent_of(Decimal(achieved)) == percent


def test_a_whole_target_refuses_a_fraction_and_every_target_a_negative():
    whole = Pledge(target_value=Decimal("30.00"), target_unit="doanh nghiệp")
    with pytest.raises(ValidationError) as error, translation.override("vi"):
        whole.percent_of(Decimal("12.5"))
    assert "Hãy nhập số nguyên: chỉ tiêu là 30 doanh nghiệp." in str(error.value)
    with pytest.raises(ValidationError):
        Pledge(target_value=Decimal("2.5"), target_unit="ha").percent_of(Decimal("-1"))


# --- the service -----------------------------------------------------------------------------


def test_the_service_computes_the_percent_and_keeps_the_amount(two_units, counted):
    report = services.progress_report_record(
        pledge=counted, actor=two_units.head_a, achieved=Decimal("12"), narrative="Đã hỗ trợ."
    )
    counted.refresh_from_db()
    assert (report.percent, report.achieved) == (40, Decimal("12"))
    assert counted.latest_percent == 40 and counted.status == S.ACCEPTED


def test_passing_the_target_completes_the_pledge_with_the_amount_kept(two_units, counted):
    services.progress_report_record(
        pledge=counted, actor=two_units.head_a, achieved=Decimal("35"), narrative="Vượt chỉ tiêu."
    )
    counted.refresh_from_db()
    assert (counted.latest_percent, counted.status) == (100, S.COMPLETED)
    assert ProgressReport.objects.get().achieved == Decimal("35")


@pytest.mark.parametrize("achieved", ["-1", "12.5", "12345678901234"])
def test_the_service_refuses_an_impossible_amount_and_writes_nothing(two_units, counted, achieved):
    with pytest.raises(ValidationError) as error:
        services.progress_report_record(
            pledge=counted, actor=two_units.head_a, achieved=Decimal(achieved), narrative="X"
        )
    assert "achieved" in error.value.message_dict
    counted.refresh_from_db()
    assert not ProgressReport.objects.exists()
    assert (counted.latest_percent, counted.version) == (0, 1)


def test_a_percentage_target_takes_no_amount(two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)
    with pytest.raises(ValidationError):
        services.progress_report_record(
            pledge=pledge, actor=two_units.head_a, achieved=Decimal("12"), narrative="X"
        )
    assert not ProgressReport.objects.exists()


# --- the form --------------------------------------------------------------------------------


def test_the_form_asks_for_the_amount_beside_the_target(client, two_units, counted):
    client.force_login(two_units.head_a)
    html = client.get(report_url(counted)).content.decode()
    assert "Đã đạt" in html
    assert '<span class="input-group-text">/ 30 doanh nghiệp</span>' in html
    assert 'name="achieved"' in html and 'inputmode="numeric"' in html
    assert 'name="percent"' not in html
    assert "portal/progress-preview" in html and 'data-target="30"' in html


def test_the_form_keeps_the_percent_for_a_percentage_target(client, two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)
    client.force_login(two_units.head_a)
    html = client.get(report_url(pledge)).content.decode()
    assert 'name="percent"' in html and 'name="achieved"' not in html


def test_a_head_reports_12_of_30_and_the_timeline_shows_it(client, two_units, counted):
    client.force_login(two_units.head_a)
    response = client.post(report_url(counted), {"achieved": "12", "narrative": "Đã hỗ trợ."})
    assert response["Location"] == counted.get_absolute_url()
    counted.refresh_from_db()
    assert counted.latest_percent == 40
    html = client.get(counted.get_absolute_url()).content.decode()
    assert "<strong>12/30 doanh nghiệp (40%)</strong>" in html
    # The next report starts from the amount last reached.
    assert 'value="12"' in client.get(report_url(counted)).content.decode()


def test_the_amount_is_read_in_the_pages_notation(client, two_units):
    pledge = make_pledge(
        campaign=two_units.campaign,
        unit=two_units.unit_a,
        status=S.ACCEPTED,
        target_value=Decimal("2.5"),
        target_unit="ha",
    )
    client.force_login(two_units.head_a)
    client.post(report_url(pledge), {"achieved": "1,25", "narrative": "Đã trồng."})
    assert ProgressReport.objects.get().achieved == Decimal("1.25")
    assert (
        "<strong>1,25/2,5 ha (50%)</strong>"
        in client.get(pledge.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("mười hai", "Hãy nhập số theo cách viết"),
        ("-3", "Số lượng đã đạt không được là số âm."),
        ("12,5", "Hãy nhập số nguyên: chỉ tiêu là 30 doanh nghiệp."),
        ("99999999999999999999", "Số này quá lớn"),
        ("", "Trường này là bắt buộc."),
    ],
    ids=["letters", "negative", "fraction-of-whole", "huge", "empty"],
)
def test_bad_amounts_are_explained_and_nothing_is_saved(client, two_units, counted, value, message):
    client.force_login(two_units.head_a)
    response = client.post(report_url(counted), {"achieved": value, "narrative": "Đã hỗ trợ."})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'class="input-group-text">/ 30 doanh nghiệp' in html  # the form is shown again
    assert not ProgressReport.objects.exists()
    counted.refresh_from_db()
    assert counted.latest_percent == 0


def test_reaching_the_target_needs_the_final_tick(client, two_units, counted):
    client.force_login(two_units.head_a)
    response = client.post(report_url(counted), {"achieved": "30", "narrative": "Xong."})
    assert "hãy đánh dấu ô này để xác nhận" in response.content.decode()
    assert not ProgressReport.objects.exists()
    client.post(report_url(counted), {"achieved": "30", "narrative": "Xong.", "final": "on"})
    counted.refresh_from_db()
    assert counted.status == S.COMPLETED


def test_a_report_after_a_colleague_completed_the_pledge_is_refused_with_the_text_kept(
    client, two_units, counted
):
    client.force_login(two_units.head_a)
    assert client.get(report_url(counted)).status_code == 200  # the form is open...
    services.progress_report_record(  # ...when the deputy sends the final report
        pledge=counted, actor=two_units.deputy_a, achieved=Decimal("30"), narrative="Hoàn thành."
    )
    response = client.post(report_url(counted), {"achieved": "12", "narrative": "Bản của tôi."})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chỉ báo cáo tiến độ cho cam kết đã được duyệt" in html
    assert "Bản của tôi." in html
    assert ProgressReport.objects.count() == 1


# --- where reports are listed ------------------------------------------------------------------


def test_the_open_data_and_the_export_carry_the_amount(two_units, counted):
    services.progress_report_record(
        pledge=counted, actor=two_units.head_a, achieved=Decimal("12"), narrative="Đã hỗ trợ."
    )
    loaded = Pledge.objects.select_related("campaign", "theme", "unit").get(pk=counted.pk)
    [report] = pledge_payload(loaded, lambda url: url)["reports"]
    assert (report["percent"], report["achieved"]) == (40, 12)

    with translation.override("vi"):
        table = reports_table(two_units.campaign, base_url="")
    headers = [column.header for column in table.columns]
    [row] = table.rows
    achieved = row[headers.index("Đã đạt")]
    assert (achieved, row[headers.index("Chỉ tiêu")]) == (Decimal("12"), Decimal("30"))
    assert row[headers.index("Đơn vị tính")] == "doanh nghiệp"
