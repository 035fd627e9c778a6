"""The daily reminders: what each unit's heads and deputies are told, the office digest, and
that running the command again the same day sends nothing twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from campaign.models import Campaign, CampaignPhase
from office import reminders
from outbox.models import Message
from pledges.models import Pledge
from tests.factories import make_campaign, make_nomination, make_pledge, make_report

pytestmark = pytest.mark.django_db

S = Pledge.Status
K = CampaignPhase.Kind
TODAY = timezone.localdate()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def deadlines(department_tree):
    c = department_tree.campaign
    c.ends_on = days(400)
    c.save()
    CampaignPhase.objects.create(
        campaign=c,
        kind=K.REGISTRATION,
        title_vi="Đăng ký cam kết",
        starts_on=days(-20),
        ends_on=days(3),
    )
    # Not announced: the launch is the office's own step; 8 days is beyond the week.
    CampaignPhase.objects.create(campaign=c, kind=K.LAUNCH, starts_on=days(-20), ends_on=days(2))
    CampaignPhase.objects.create(
        campaign=c, kind=K.IMPLEMENTATION, starts_on=days(-20), ends_on=days(8)
    )
    draft = make_campaign(status=Campaign.Status.DRAFT)
    CampaignPhase.objects.create(
        campaign=draft, kind=K.REGISTRATION, starts_on=days(-1), ends_on=days(1)
    )
    t1, t2, t3, _ = department_tree.themes
    due = make_pledge(
        campaign=c,
        unit=department_tree.unit_a,
        theme=t1,
        status=S.ACCEPTED,
        due_on=days(5),
        title="Bình ổn giá",
        latest_percent=40,
    )
    make_pledge(
        campaign=c, unit=department_tree.unit_a, theme=t2, status=S.COMPLETED, due_on=days(5)
    )
    make_pledge(
        campaign=c, unit=department_tree.unit_b, theme=t3, status=S.ACCEPTED, due_on=days(30)
    )
    return due


def test_each_unit_s_heads_and_deputies_hear_of_their_deadlines(
    department_tree, deadlines, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.units_remind_deadlines(ahead=7, today=TODAY) == 2
    by_to = {tuple(sorted(m.to)): m for m in mail.outbox}
    to_a = by_to[tuple(sorted([department_tree.deputy_a.email, department_tree.head_a.email]))]
    assert to_a.subject == "Hạn chót trong 7 ngày tới: Phòng Quản lý Thương mại"
    assert (
        f"Đăng ký cam kết ({department_tree.campaign.title}): kết thúc ngày {days(3):%d/%m/%Y}"
        in (to_a.body)
    )
    assert f"Bình ổn giá: đến hạn ngày {days(5):%d/%m/%Y}, tiến độ 40%" in to_a.body
    assert f"/workspace/pledges/{deadlines.pk}/report/" in to_a.body
    assert "Tổ chức thực hiện" not in to_a.body and "Phát động" not in to_a.body
    to_b = by_to[(department_tree.head_b.email,)]
    assert "Đăng ký cam kết" in to_b.body and "đến hạn ngày" not in to_b.body


def test_deadline_reminders_are_sent_once_a_day(department_tree, deadlines):
    assert reminders.units_remind_deadlines(ahead=7, today=TODAY) == 2
    assert reminders.units_remind_deadlines(ahead=7, today=TODAY) == 0
    assert Message.objects.count() == 2
    assert reminders.units_remind_deadlines(ahead=7, today=days(1)) == 2
    keys = sorted(Message.objects.values_list("dedupe_key", flat=True))
    assert keys == sorted(
        f"deadlines:{unit.pk}:{day.isoformat()}"
        for unit in (department_tree.unit_a, department_tree.unit_b)
        for day in (TODAY, days(1))
    )


def test_nothing_due_sends_nothing(department_tree):
    assert reminders.units_remind_deadlines(ahead=7, today=TODAY) == 0
    assert reminders.office_send_digest(days=30, ahead=7, today=TODAY) is False
    assert not Message.objects.exists()


def test_the_office_digest(department_tree, deadlines, django_capture_on_commit_callbacks):
    c = department_tree.campaign
    t1, *_ = department_tree.themes
    now = timezone.now()
    make_pledge(
        campaign=c,
        unit=department_tree.team_b,
        theme=t1,
        status=S.SUBMITTED,
        submitted_at=now - dt.timedelta(days=40),
    )
    make_pledge(
        campaign=c, unit=department_tree.team_b, theme=t1, status=S.SUBMITTED, submitted_at=now
    )
    quiet = make_pledge(campaign=c, unit=department_tree.unit_b, theme=t1, status=S.ACCEPTED)
    make_report(pledge=quiet, percent=10, reported_at=now - dt.timedelta(days=31))
    make_nomination(unit=department_tree.unit_a, by=department_tree.head_a, theme=t1)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.office_send_digest(days=30, ahead=7, today=TODAY) is True
    [digest] = mail.outbox
    assert digest.to == [department_tree.office.email]
    assert digest.subject == f"Tổng hợp hằng ngày của Văn phòng Sở ngày {TODAY:%d/%m/%Y}"
    body = digest.body
    assert department_tree.campaign.title in body
    assert f"Đăng ký cam kết kết thúc ngày {days(3):%d/%m/%Y}" in body
    assert f"Tổ chức thực hiện kết thúc ngày {days(8):%d/%m/%Y}" not in body
    assert "2 cam kết chờ duyệt (1 cam kết quá 30 ngày)" in body
    assert "1 cam kết đã duyệt quá 30 ngày chưa có báo cáo tiến độ" in body
    assert "1 cam kết đến hạn trong 7 ngày tới" in body
    # Active units: the department, A, B and B's team; A, B and the team have pledges.
    assert "1 đơn vị chưa có cam kết" in body
    assert "1 đề xuất khen thưởng chờ duyệt" in body
    assert f"/office/{c.slug}/" in body
    # Once a day.
    assert reminders.office_send_digest(days=30, ahead=7, today=TODAY) is False
    assert Message.objects.filter(dedupe_key__startswith="office-digest:").count() == 1


@pytest.mark.django_db(transaction=True)
def test_send_reminders_runs_everything_once_a_day(department_tree, deadlines, settings):
    quiet = make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_b,
        theme=department_tree.themes[3],
        status=S.ACCEPTED,
    )
    make_report(pledge=quiet, percent=10, reported_at=timezone.now() - dt.timedelta(days=45))
    today = timezone.localdate()  # the command's day, even when the run crosses midnight
    call_command("send_reminders")
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == sorted(
        [
            "Hạn chót trong 7 ngày tới: Phòng Quản lý Thương mại",
            "Hạn chót trong 7 ngày tới: Phòng Quản lý Công nghiệp",
            f"Đến hạn báo cáo tiến độ: {quiet.title}",  # the pledge without progress
            f"Tổng hợp hằng ngày của Văn phòng Sở ngày {today:%d/%m/%Y}",
        ]
    )
    call_command("send_reminders")  # the scheduler runs it again the same day
    assert len(mail.outbox) == 4 and Message.objects.count() == 4


def test_send_reminders_refuses_bad_options(department_tree):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_reminders", "--days", "0")
    with pytest.raises(CommandError):
        call_command("send_reminders", "--ahead", "-1")
