"""The office reviews pledges in the Django admin: submitted first, accept / return with a
reason, the timeline read-only, history visible."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from pledges.models import Evidence, Pledge, ProgressReport
from tests.factories import make_evidence, make_pledge, make_report

pytestmark = pytest.mark.django_db

S = Pledge.Status


def admin_url(model, action, *args):
    return reverse(f"admin:pledges_{model._meta.model_name}_{action}", args=args)


@pytest.fixture
def office_client(client, two_units):
    client.force_login(two_units.office)
    return client


@pytest.fixture
def three(two_units):
    return {
        status: make_pledge(
            campaign=two_units.campaign,
            unit=two_units.unit_a,
            status=status,
            title=f"Cam kết {status}",
        )
        for status in (S.DRAFT, S.SUBMITTED, S.ACCEPTED)
    }


def test_list_opens_on_the_submitted_pledges(office_client, three):
    response = office_client.get(admin_url(Pledge, "changelist"))
    assert response.status_code == 200
    titles = [p.title for p in response.context["cl"].result_list]
    assert titles == ["Cam kết submitted"]
    everything = office_client.get(admin_url(Pledge, "changelist"), {"status": "all"})
    assert len(everything.context["cl"].result_list) == 3
    html = everything.content.decode()
    assert "Tất cả" in html and "Đã gửi duyệt" in html


def test_accept_action(office_client, three, two_units):
    response = office_client.post(
        admin_url(Pledge, "changelist") + "?status=all",
        {"action": "accept", ACTION_CHECKBOX_NAME: [three[S.SUBMITTED].pk, three[S.DRAFT].pk]},
        follow=True,
    )
    assert response.status_code == 200
    accepted = Pledge.objects.get(pk=three[S.SUBMITTED].pk)
    assert (accepted.status, accepted.reviewed_by) == (S.ACCEPTED, two_units.office)
    assert Pledge.objects.get(pk=three[S.DRAFT].pk).status == S.DRAFT
    html = response.content.decode()
    assert "Đã xử lý 1 cam kết." in html
    assert "Chỉ có thể duyệt cam kết đang chờ duyệt" in html


def test_return_action_asks_for_a_reason_first(office_client, three):
    pledge = three[S.SUBMITTED]
    data = {"action": "return_with_reason", ACTION_CHECKBOX_NAME: [pledge.pk]}
    page = office_client.post(admin_url(Pledge, "changelist"), data)
    assert page.status_code == 200
    assert "Trả lại cam kết để hoàn thiện" in page.content.decode()
    assert Pledge.objects.get(pk=pledge.pk).status == S.SUBMITTED

    empty = office_client.post(
        admin_url(Pledge, "changelist"), {**data, "apply": "1", "reason": " "}
    )
    assert empty.status_code == 200
    assert "Hãy nêu lý do trả lại" in empty.content.decode()
    assert Pledge.objects.get(pk=pledge.pk).status == S.SUBMITTED

    done = office_client.post(
        admin_url(Pledge, "changelist"), {**data, "apply": "1", "reason": "Thiếu minh chứng."}
    )
    assert done.status_code == 302
    returned = Pledge.objects.get(pk=pledge.pk)
    assert (returned.status, returned.review_note) == (S.RETURNED, "Thiếu minh chứng.")


def test_change_page_is_read_only_with_the_timeline_and_history(office_client, two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)
    report = make_report(pledge=pledge, percent=45, by=two_units.head_a, narrative="Tháng 5")
    evidence = make_evidence(report=report)
    page = office_client.get(admin_url(Pledge, "change", pledge.pk))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Tháng 5" in html
    assert 'name="title"' not in html  # read-only
    assert 'name="_save"' not in html
    history = office_client.get(admin_url(Pledge, "history", pledge.pk))
    assert history.status_code == 200
    report_page = office_client.get(admin_url(ProgressReport, "change", report.pk)).content.decode()
    assert evidence.get_thumbnail_url() in report_page
    assert office_client.get(admin_url(ProgressReport, "history", report.pk)).status_code == 200
    assert office_client.get(admin_url(Evidence, "changelist")).status_code == 200


def test_a_unit_head_has_no_admin(client, two_units):
    client.force_login(two_units.head_a)
    response = client.get(admin_url(Pledge, "changelist"))
    assert response.status_code == 302  # to the admin login
