"""The pledge form as a unit head meets it: the due date in day, month and year boxes, "save and
submit" in one step, and what the campaign's dates make impossible said before any typing."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from campaign.models import CampaignPhase
from outbox.models import Message
from pledges.models import Pledge
from tests.factories import make_campaign, make_pledge
from tests.pledges.test_views import create_url, form_data

pytestmark = pytest.mark.django_db

S = Pledge.Status
ENDED = "Phong trào này đã kết thúc ngày 31/12/2022."
SUBMIT_BUTTON = 'name="then" value="submit"'


def registration(two_units, start: int, end: int) -> CampaignPhase:
    """A registration phase from `start` to `end` days from today."""
    today = timezone.localdate()
    return CampaignPhase.objects.create(
        campaign=two_units.campaign,
        kind=CampaignPhase.Kind.REGISTRATION,
        starts_on=today + dt.timedelta(days=start),
        ends_on=today + dt.timedelta(days=end),
    )


def running_campaign(two_units):
    """A campaign of this year, so that the form has nothing to warn about."""
    today = timezone.localdate()
    campaign = make_campaign(
        starts_on=today - dt.timedelta(days=30), ends_on=today + dt.timedelta(days=300)
    )
    return campaign


def boxes(html: str) -> list[tuple[str, bool]]:
    """Each date box's value and whether it is marked wrong, in the order shown."""
    found = []
    for i in range(3):
        [tag] = re.findall(rf'<input[^>]*name="due_on_{i}"[^>]*>', html)
        value = re.search(r'value="([^"]*)"', tag)
        found.append((value.group(1) if value else "", "is-invalid" in tag))
    return found


def summary(html: str) -> str:
    return re.search(r'<div class="error-summary.*?</div>', html, re.S).group(0)


def post_date(client, two_units, day="", month="", year="", **changes):
    data = {k: v for k, v in form_data(two_units, **changes).items() if k != "due_on"}
    data.update(due_on_0=day, due_on_1=month, due_on_2=year)
    return client.post(create_url(two_units), data)


def test_the_due_date_is_day_month_and_year_boxes_with_the_range_and_an_example(client, two_units):
    client.force_login(two_units.head_a)
    html = client.get(create_url(two_units)).content.decode()
    assert 'type="date"' not in html
    fieldset = re.search(r'<fieldset aria-describedby="([^"]*)">\s*<legend[^>]*>\s*Thời hạn', html)
    assert "id_due_on_helptext" in fieldset.group(1).split()
    for i, label in enumerate(["Ngày", "Tháng", "Năm"]):
        assert (
            f'<label class="form-label date-boxes-label" for="id_due_on_{i}">{label}</label>'
            in html
        )
        [tag] = re.findall(rf'<input[^>]*id="id_due_on_{i}"[^>]*>', html)
        assert 'inputmode="numeric"' in tag and f"date-box-{4 if i == 2 else 2}" in tag
    hint = "Trong thời gian phong trào: từ 25/03/2022 đến 31/12/2022. Ví dụ: 31/08/2022."
    assert f'<div id="id_due_on_helptext" class="form-text">{hint}</div>' in html
    english = client.get("/en" + create_url(two_units)).content.decode()
    assert ">Day</label>" in english and ">Year</label>" in english
    assert "For example, 31/08/2022." in english


def test_a_saved_due_date_shows_in_the_boxes(client, two_units):
    pledge = make_pledge(
        campaign=two_units.campaign, unit=two_units.unit_a, due_on=dt.date(2022, 9, 30)
    )
    client.force_login(two_units.head_a)
    html = client.get(reverse("pledges:update", args=[pledge.pk])).content.decode()
    assert boxes(html) == [("30", False), ("09", False), ("2022", False)]


@pytest.mark.parametrize(
    ("day", "month", "year", "due_on"),
    [
        ("30", "09", "2022", dt.date(2022, 9, 30)),
        ("30", "9", "2022", dt.date(2022, 9, 30)),  # leading zeros optional
        (" 1 ", "4", "2022", dt.date(2022, 4, 1)),
        ("01", "04", "2022", dt.date(2022, 4, 1)),
        ("30/09/2022", "", "", dt.date(2022, 9, 30)),  # a whole date pasted into the day box
        ("1/4/2022", "", "", dt.date(2022, 4, 1)),
        ("30 / 09 / 2022", "", "", dt.date(2022, 9, 30)),
    ],
)
def test_the_date_typed_in_the_boxes_is_saved(client, two_units, day, month, year, due_on):
    client.force_login(two_units.head_a)
    response = post_date(client, two_units, day, month, year)
    assert response.status_code == 302
    assert Pledge.objects.get().due_on == due_on


def test_a_page_drawn_before_the_boxes_still_sends_its_date(client, two_units):
    """A form left open in a tab over the upgrade sends one `due_on`: read as if pasted."""
    client.force_login(two_units.head_a)
    html = client.post(
        create_url(two_units), form_data(two_units, due_on="31/02/2022")
    ).content.decode()
    assert "Ngày 31/02/2022 không tồn tại." in html
    assert boxes(html) == [("31/02/2022", True), ("", False), ("", False)]
    client.post(create_url(two_units), form_data(two_units, due_on="30/09/2022"))
    assert Pledge.objects.get().due_on == dt.date(2022, 9, 30)


WITHIN = "Thời hạn phải nằm trong thời gian của phong trào, từ 25/03/2022 đến 31/12/2022."
WHOLE = (
    "Hãy viết cả ngày theo dạng dd/mm/yyyy (ngày/tháng/năm), hoặc ghi ngày, tháng, năm vào từng ô."
)


@pytest.mark.parametrize(
    ("typed", "message", "wrong"),
    [
        (("", "", ""), "Thời hạn phải có đủ ngày, tháng và năm.", [0, 1, 2]),
        (("30", "", "2022"), "Thời hạn phải có tháng.", [1]),
        (("", "", "2022"), "Thời hạn phải có ngày và tháng.", [0, 1]),
        (("30", "09", ""), "Thời hạn phải có năm.", [2]),
        (("32", "09", "2022"), "Ngày phải là số từ 1 đến 31.", [0]),
        (("3O", "09", "2022"), "Ngày phải là số từ 1 đến 31.", [0]),
        (("30", "13", "2022"), "Tháng phải là số từ 1 đến 12.", [1]),
        (("30", "09", "22"), "Năm phải có đủ 4 chữ số.", [2]),
        (("31", "02", "2022"), "Ngày 31/02/2022 không tồn tại.", [0, 1, 2]),
        (("31/2/2022", "", ""), "Ngày 31/02/2022 không tồn tại.", [0]),
        (("30/09", "", ""), WHOLE, [0]),
        (("01", "01", "2023"), WITHIN, [0, 1, 2]),
    ],
)
def test_a_wrong_date_says_what_is_wrong_marks_its_boxes_and_keeps_what_was_typed(
    client, two_units, typed, message, wrong
):
    client.force_login(two_units.head_a)
    response = post_date(client, two_units, *typed)
    assert response.status_code == 200
    assert not Pledge.objects.exists()
    html = response.content.decode()
    assert boxes(html) == [(value, i in wrong) for i, value in enumerate(typed)]
    # Said under the boxes, inside the fieldset that the legend names.
    feedback = re.search(
        r'<div id="id_due_on_error" class="invalid-feedback">(.*?)</div>', html, re.S
    )
    assert f"<strong>{message}</strong>" in feedback.group(1)
    # The summary's link lands on the first box to correct, and says the label once.
    assert f'<a href="#id_due_on_{wrong[0]}" class="alert-link">' in summary(html)
    assert "Thời hạn: Thời hạn" not in summary(html)


def test_the_english_page_says_the_same_in_english(client, two_units):
    client.force_login(two_units.head_a)
    data = {k: v for k, v in form_data(two_units).items() if k != "due_on"}
    html = client.post(
        "/en" + create_url(two_units), {**data, "due_on_0": "30", "due_on_2": "2022"}
    )
    assert "Due date must include a month." in html.content.decode()


def test_the_date_typed_stays_in_its_boxes_when_another_field_is_wrong(client, two_units):
    client.force_login(two_units.head_a)
    html = post_date(client, two_units, "30", "9", "2022", title="").content.decode()
    assert boxes(html) == [("30", False), ("9", False), ("2022", False)]
    assert 'href="#id_title"' in summary(html) and "id_due_on" not in summary(html)


def test_save_and_submit_sends_a_new_pledge_to_the_office(
    client, two_units, django_capture_on_commit_callbacks
):
    client.force_login(two_units.head_a)
    html = client.get(create_url(two_units)).content.decode()
    assert "Lưu và gửi duyệt" in html and "Lưu bản nháp" in html
    client.post(
        create_url(two_units), form_data(two_units, title="Chỉ lưu")
    )  # "Save draft" only saves
    assert Pledge.objects.get(title="Chỉ lưu").status == S.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(create_url(two_units), {**form_data(two_units), "then": "submit"})
    assert response["Location"] == reverse("pledges:workspace")
    pledge = Pledge.objects.exclude(title="Chỉ lưu").get()
    assert (pledge.status, pledge.submitted_by) == (S.SUBMITTED, two_units.head_a)
    history = list(pledge.history.order_by("history_date").values_list("status", flat=True))
    assert history == [S.DRAFT, S.SUBMITTED]
    [message] = mail.outbox
    assert message.to == [two_units.office.email]
    assert message.subject == f"Cam kết chờ duyệt: {two_units.unit_a.name} – {pledge.title}"
    page = client.get(response["Location"]).content.decode()
    assert "Cam kết đã được lưu và gửi duyệt" in page


def test_save_and_submit_sends_back_a_returned_pledge_with_its_changes(client, two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.RETURNED)
    client.force_login(two_units.head_a)
    data = {**form_data(two_units, title="Chỉ tiêu đã sửa"), "version": pledge.version}
    client.post(reverse("pledges:update", args=[pledge.pk]), {**data, "then": "submit"})
    pledge.refresh_from_db()
    assert (pledge.status, pledge.title) == (S.SUBMITTED, "Chỉ tiêu đã sửa")
    [message] = Message.objects.all()
    assert message.to == [two_units.office.email]
    assert message.subject.startswith("Cam kết chờ duyệt")


def test_a_refused_submission_keeps_the_saved_draft_and_says_why(client, two_units):
    closed = registration(two_units, -40, -1)
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a)
    client.force_login(two_units.head_a)
    data = {**form_data(two_units, title="Bản nháp đã sửa"), "version": pledge.version}
    response = client.post(reverse("pledges:update", args=[pledge.pk]), {**data, "then": "submit"})
    assert response["Location"] == pledge.get_absolute_url()
    pledge.refresh_from_db()
    assert (pledge.status, pledge.title) == (S.DRAFT, "Bản nháp đã sửa")
    assert not Message.objects.exists()
    page = client.get(response["Location"]).content.decode()
    end = closed.ends_on.strftime("%d/%m/%Y")
    assert "Cam kết đã được lưu nhưng chưa được gửi duyệt." in page
    assert f"Thời hạn đăng ký cam kết đã kết thúc ngày {end}" in page


def test_a_closed_registration_is_said_before_typing_and_offers_no_submit(client, two_units):
    closed = registration(two_units, -40, -1)
    client.force_login(two_units.head_a)
    html = client.get(create_url(two_units)).content.decode()
    assert "Lưu ý trước khi viết cam kết" in html
    assert f"đã kết thúc ngày {closed.ends_on.strftime('%d/%m/%Y')}" in html
    assert "Văn phòng Sở" in html
    assert SUBMIT_BUTTON not in html
    assert "Lưu bản nháp" in html  # a draft can still be written


def test_a_coming_registration_names_its_dates(client, two_units):
    coming = registration(two_units, 3, 20)
    client.force_login(two_units.head_a)
    html = client.get(create_url(two_units)).content.decode()
    assert coming.starts_on.strftime("%d/%m/%Y") in html
    assert coming.ends_on.strftime("%d/%m/%Y") in html
    assert SUBMIT_BUTTON not in html


def test_a_campaign_whose_dates_are_all_past_says_so_and_whom_to_ask(client, two_units):
    two_units.campaign.late_pledges_allowed = True
    two_units.campaign.save()
    registration(two_units, -4000, -3000)
    client.force_login(two_units.head_a)
    html = client.get(create_url(two_units)).content.decode()
    assert ENDED in html
    assert "hãy liên hệ Văn phòng Sở" in html
    assert "Thời hạn đăng ký" not in html  # late pledges are accepted: submitting works
    assert SUBMIT_BUTTON in html
    english = client.get("/en" + create_url(two_units)).content.decode()
    assert "This campaign ended on 31/12/2022." in english


def test_a_running_campaign_shows_no_warning(client, two_units):
    campaign = running_campaign(two_units)
    client.force_login(two_units.head_a)
    url = reverse(
        "pledges:create", kwargs={"unit": two_units.unit_a.slug, "campaign": campaign.slug}
    )
    html = client.get(url).content.decode()
    assert "Lưu ý trước khi viết cam kết" not in html
    assert SUBMIT_BUTTON in html
