"""The lifecycle draft → submitted → accepted → completed (and submitted → returned →
submitted), who may take each step, and every step refused from the wrong state."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from pledges import services
from pledges.models import Pledge, ProgressReport
from tests.factories import make_pledge, make_report

pytestmark = pytest.mark.django_db

S = Pledge.Status


def create(two_units, actor=None, **kw):
    fields = {
        "campaign": two_units.campaign,
        "unit": two_units.unit_a,
        "theme": two_units.theme,
        "title": "Bình ổn thị trường hàng thiết yếu",
        "commitment": "Kiểm tra giá cả tại các chợ mỗi tuần.",
        "target_value": Decimal("30"),
        "target_unit": "doanh nghiệp bán hàng trực tuyến",
        "due_on": dt.date(2022, 9, 30),
    }
    fields.update(kw)
    return services.pledge_create(actor=actor or two_units.head_a, **fields)


def test_the_whole_lifecycle_records_who_and_when(two_units):
    pledge = create(two_units)
    assert pledge.status == S.DRAFT
    assert pledge.created_by == two_units.head_a
    assert pledge.version == 1

    pledge = services.pledge_submit(pledge=pledge, actor=two_units.deputy_a)
    assert (pledge.status, pledge.submitted_by) == (S.SUBMITTED, two_units.deputy_a)
    assert pledge.submitted_at is not None

    pledge = services.pledge_return(
        pledge=pledge, actor=two_units.office, reason="Chỉ tiêu chưa rõ."
    )
    assert (pledge.status, pledge.reviewed_by) == (S.RETURNED, two_units.office)
    assert pledge.review_note == "Chỉ tiêu chưa rõ."

    pledge = services.pledge_update(
        pledge=pledge, actor=two_units.head_a, version=pledge.version, target_value=Decimal("40")
    )
    pledge = services.pledge_submit(pledge=pledge, actor=two_units.head_a)
    pledge = services.pledge_accept(pledge=pledge, actor=two_units.office)
    assert pledge.status == S.ACCEPTED
    assert pledge.review_note == ""  # the return reason is replaced by the (empty) accept note

    services.progress_report_record(
        pledge=pledge, actor=two_units.head_a, percent=40, narrative="A"
    )
    pledge.refresh_from_db()
    assert (pledge.status, pledge.latest_percent) == (S.ACCEPTED, 40)
    services.progress_report_record(
        pledge=pledge, actor=two_units.deputy_a, percent=100, narrative="B"
    )
    pledge.refresh_from_db()
    assert (pledge.status, pledge.latest_percent) == (S.COMPLETED, 100)
    assert pledge.completed_at == pledge.latest_report_at

    # Every change is in the history, with who made it.
    history = list(pledge.history.order_by("history_date").values_list("status", "history_user"))
    assert history[0] == (S.DRAFT, two_units.head_a.pk)
    assert (S.RETURNED, two_units.office.pk) in history
    assert history[-1] == (S.COMPLETED, two_units.deputy_a.pk)
    # create, submit, return, edit, submit, accept, two reports: each raised the version once
    assert pledge.version == 8


ACTORS = ["head_a", "deputy_a", "head_b", "office", "nobody"]


def run(transition: str, two_units, actor, pledge: Pledge):
    if transition == "update":
        return services.pledge_update(
            pledge=pledge, actor=actor, version=pledge.version, title="Tên mới"
        )
    if transition == "delete":
        return services.pledge_delete(pledge=pledge, actor=actor)
    if transition == "submit":
        return services.pledge_submit(pledge=pledge, actor=actor)
    if transition == "accept":
        return services.pledge_accept(pledge=pledge, actor=actor)
    if transition == "return":
        return services.pledge_return(pledge=pledge, actor=actor, reason="Bổ sung minh chứng.")
    if transition == "report":
        return services.progress_report_record(
            pledge=pledge, actor=actor, percent=50, narrative="Đã làm một nửa."
        )
    raise AssertionError(transition)


# transition -> (the state it starts from, the actors allowed)
ALLOWED = {
    "update": (S.DRAFT, {"head_a", "deputy_a"}),
    "delete": (S.DRAFT, {"head_a", "deputy_a"}),
    "submit": (S.DRAFT, {"head_a", "deputy_a"}),
    "accept": (S.SUBMITTED, {"office"}),
    "return": (S.SUBMITTED, {"office"}),
    "report": (S.ACCEPTED, {"head_a", "deputy_a"}),
}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("transition", list(ALLOWED))
def test_each_transition_is_allowed_only_to_its_actors(two_units, transition, actor):
    start, allowed = ALLOWED[transition]
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=start)
    user = getattr(two_units, actor)
    if actor in allowed:
        run(transition, two_units, user, pledge)
        if transition == "delete":
            assert not Pledge.objects.filter(pk=pledge.pk).exists()
        else:
            assert Pledge.objects.get(pk=pledge.pk).version == pledge.version + 1
    else:
        with pytest.raises(PermissionDenied):
            run(transition, two_units, user, pledge)
        after = Pledge.objects.get(pk=pledge.pk)
        assert (after.status, after.version) == (start, pledge.version)
        assert not ProgressReport.objects.exists()


def test_a_superuser_reviews_like_the_office(two_units):
    from tests.factories import make_user

    root = make_user(is_superuser=True, is_staff=True)
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.SUBMITTED)
    assert services.pledge_accept(pledge=pledge, actor=root).status == S.ACCEPTED


# Which transitions each state refuses; the allowed ones are tested above.
ILLEGAL = [
    (transition, state)
    for transition in ALLOWED
    for state in S.values
    if not (
        state == ALLOWED[transition][0]
        or (transition in ("update", "submit") and state == S.RETURNED)
    )
]


@pytest.mark.parametrize(("transition", "state"), ILLEGAL, ids=[f"{t}-{s}" for t, s in ILLEGAL])
def test_every_illegal_transition_is_refused_and_changes_nothing(two_units, transition, state):
    _start, allowed = ALLOWED[transition]
    actor = getattr(two_units, sorted(allowed)[0])
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=state)
    history_before = pledge.history.count()
    with pytest.raises(services.PledgeStateError) as refused:
        run(transition, two_units, actor, pledge)
    assert Pledge(status=state).get_status_display() in refused.value.message
    after = Pledge.objects.get(pk=pledge.pk)
    assert (after.status, after.version, after.title) == (state, pledge.version, pledge.title)
    assert after.history.count() == history_before
    assert not ProgressReport.objects.exists()


def test_refusal_message_is_translated(two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)
    with pytest.raises(services.PledgeStateError) as refused:
        services.pledge_submit(pledge=pledge, actor=two_units.head_a)
    assert refused.value.message == (
        "Chỉ có thể gửi duyệt cam kết đang là bản nháp hoặc bị trả lại; cam kết này đang ở trạng "
        "thái “Đã duyệt”."
    )


def test_return_needs_a_reason(two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.SUBMITTED)
    for reason in ("", "   \n"):
        with pytest.raises(ValidationError) as refused:
            services.pledge_return(pledge=pledge, actor=two_units.office, reason=reason)
        assert "reason" in refused.value.message_dict
    assert Pledge.objects.get(pk=pledge.pk).status == S.SUBMITTED


def test_create_only_for_own_active_unit_in_a_running_campaign(two_units):
    with pytest.raises(PermissionDenied):
        create(two_units, actor=two_units.head_b)
    with pytest.raises(PermissionDenied):
        create(two_units, actor=two_units.office)
    two_units.campaign.status = "closed"
    two_units.campaign.save()
    with pytest.raises(services.PledgeStateError):
        create(two_units)
    assert not Pledge.objects.exists()


def test_create_validates_the_due_date_theme_and_documents(two_units):
    from tests.factories import make_campaign

    other = make_campaign()
    with pytest.raises(ValidationError) as invalid:
        create(two_units, due_on=dt.date(2023, 1, 1), theme=other.themes.first())
    assert "due_on" in invalid.value.message_dict
    assert "theme" in invalid.value.message_dict
    assert "25/03/2022" in invalid.value.message_dict["due_on"][0]
    from campaign.models import LegalDocument

    foreign = LegalDocument.objects.create(number="9/QĐ-ABC", issuer="X", title="Không thuộc")
    with pytest.raises(ValidationError):
        create(two_units, legal_documents=[foreign])
    assert not Pledge.objects.exists()  # the failed attempt left nothing behind


def test_stale_update_is_refused_and_keeps_the_newer_text(two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a)
    opened = pledge.version
    services.pledge_update(pledge=pledge, actor=two_units.deputy_a, version=opened, title="Bản phó")
    with pytest.raises(services.StaleEditError) as stale:
        services.pledge_update(
            pledge=pledge, actor=two_units.head_a, version=opened, title="Bản trưởng"
        )
    assert stale.value.current.title == "Bản phó"
    assert Pledge.objects.get(pk=pledge.pk).title == "Bản phó"


def test_submit_with_a_stale_version_is_refused(two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a)
    services.pledge_update(pledge=pledge, actor=two_units.deputy_a, version=1, title="Sửa")
    with pytest.raises(services.StaleEditError):
        services.pledge_submit(pledge=pledge, actor=two_units.head_a, version=1)
    assert Pledge.objects.get(pk=pledge.pk).status == S.DRAFT


def test_latest_percent_follows_the_newest_report_even_downwards(two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)
    for percent in (30, 60, 45):  # the last one corrects an over-statement
        services.progress_report_record(
            pledge=pledge, actor=two_units.head_a, percent=percent, narrative=f"{percent}"
        )
    pledge.refresh_from_db()
    newest = pledge.reports.latest()
    assert newest.percent == pledge.latest_percent == 45
    assert pledge.latest_report_at == newest.reported_at
    assert list(pledge.reports.order_by("reported_at").values_list("percent", flat=True)) == [
        30,
        60,
        45,
    ]


def test_a_report_out_of_range_is_refused_and_leaves_nothing(two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)
    with pytest.raises(ValidationError):
        services.progress_report_record(
            pledge=pledge, actor=two_units.head_a, percent=101, narrative="Quá"
        )
    pledge.refresh_from_db()
    assert (pledge.latest_percent, pledge.version) == (0, 1)
    assert not pledge.reports.exists()


def test_no_report_after_completion(two_units):
    pledge = make_pledge(campaign=two_units.campaign, unit=two_units.unit_a, status=S.ACCEPTED)
    make_report(pledge=pledge, percent=80, by=two_units.head_a)
    services.progress_report_record(
        pledge=pledge, actor=two_units.head_a, percent=100, narrative="X"
    )
    with pytest.raises(services.PledgeStateError):
        services.progress_report_record(
            pledge=pledge, actor=two_units.head_a, percent=90, narrative="Y"
        )
    assert pledge.reports.count() == 2
