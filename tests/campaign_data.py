"""A campaign with data in every state, for the exports and the open-data tests: public and
non-public pledges, reports with photos, nominations, commendations (published, draft and
scheduled), criteria and scores in a published and a draft round, an inactive unit and a draft
campaign whose records must never show.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.utils import timezone

from campaign.models import Campaign
from kit.roles import OFFICE_GROUP
from pledges.models import Pledge, ProgressReport
from scoring.models import Score
from tests.factories import (
    make_campaign,
    make_commendation,
    make_criterion,
    make_evidence,
    make_nomination,
    make_pledge,
    make_report,
    make_role,
    make_round,
    make_unit,
    make_user,
)

STATUSES = ["draft", "submitted", "returned", "accepted", "completed"]


def populate(n_units: int = 3) -> SimpleNamespace:
    Group.objects.get_or_create(name=OFFICE_GROUP)
    campaign = make_campaign(title="Ngành Công Thương đoàn kết phòng, chống dịch")
    themes = list(campaign.themes.order_by("number"))
    head = make_user(
        username="head_a", first_name="Nguyễn Văn", last_name="An", email="an@example.invalid"
    )
    unit_a = make_unit(name="Phòng Quản lý Thương mại", short_name="QLTM", position=0)
    make_role(user=head, unit=unit_a)
    units = [unit_a] + [make_unit(name=f"Đơn vị số {i:03d}", position=i) for i in range(1, n_units)]
    inactive = make_unit(name="Đơn vị đã giải thể", is_active=False)

    # One pledge per unit in a state that cycles; unit A has one in every state.
    statuses = itertools.cycle(STATUSES)
    now = timezone.now()
    pledges = [
        Pledge(
            campaign=campaign,
            unit=unit,
            theme=themes[i % len(themes)],
            title=f"Cam kết của {unit.name}",
            commitment="Thực hiện đầy đủ.",
            target_value=Decimal("100"),
            target_unit="% công chức",
            due_on=campaign.ends_on,
            status=next(statuses),
            latest_percent=i % 101,
            submitted_at=now,
        )
        for i, unit in enumerate(units[1:], start=1)
    ]
    Pledge.objects.bulk_create(pledges)
    by_status = {
        status: make_pledge(
            campaign=campaign,
            unit=unit_a,
            theme=themes[0],
            status=status,
            title=f"Cam kết {status} của phòng A",
        )  # fmt: skip
        for status in STATUSES
    }
    accepted = by_status["accepted"]
    report = make_report(pledge=accepted, percent=60, by=head, narrative="Đã tiêm 60% công chức.")
    make_evidence(report=report)
    make_report(pledge=by_status["submitted"], percent=10, by=head)  # not public
    ProgressReport.objects.bulk_create(
        [
            ProgressReport(pledge=p, percent=50, narrative="Báo cáo", reported_by=head)
            for p in Pledge.objects.filter(campaign=campaign, status="accepted").exclude(
                pk=accepted.pk
            )
        ]
    )
    on_inactive = make_pledge(campaign=campaign, unit=inactive, status="accepted")
    hidden_campaign = make_campaign(status=Campaign.Status.DRAFT, title="Phong trào chưa phát động")
    hidden_pledge = make_pledge(campaign=hidden_campaign, unit=unit_a, status="accepted")

    # News.
    published = make_commendation(
        campaign=campaign, unit=unit_a, theme=themes[0], title="Biểu dương Phòng QLTM",
        decision_number="125/QĐ-SCT", decision_date=dt.date(2022, 9, 2),
    )  # fmt: skip
    draft_commendation = make_commendation(
        campaign=campaign, unit=unit_a, status="draft", title="Tin nháp"
    )
    scheduled = make_commendation(
        campaign=campaign, unit=unit_a, title="Tin hẹn giờ",
        publish_at=timezone.now() + dt.timedelta(days=3),
    )  # fmt: skip
    hidden_commendation = make_commendation(campaign=hidden_campaign, unit=unit_a)
    nomination = make_nomination(unit=unit_a, by=head, theme=themes[1])

    # Scoring: two criteria under theme 1, one under theme 2.
    criteria = [
        make_criterion(theme=themes[0], number=1, max_points="10"),
        make_criterion(theme=themes[0], number=2, max_points="5"),
        make_criterion(theme=themes[1], number=1, max_points="20"),
    ]
    published_round = make_round(campaign=campaign, title="Sơ kết 6 tháng")
    draft_round = make_round(campaign=campaign, title="Tổng kết (nháp)", status="draft")
    hidden_round = make_round(
        campaign=hidden_campaign,
        title="Đợt của phong trào nháp",
    )
    hidden_criterion = make_criterion(theme=hidden_campaign.themes.get(number=1))
    scores = []
    for i, unit in enumerate([*units, inactive]):
        for criterion in criteria:
            points = min(Decimal(i % 7), criterion.max_points)
            for scoring_round in (published_round, draft_round):
                scores.append(
                    Score(
                        round=scoring_round,
                        unit=unit,
                        criterion=criterion,
                        points=points,
                        max_points=criterion.max_points,
                    )
                )
    scores.append(
        Score(
            round=hidden_round,
            unit=unit_a,
            criterion=hidden_criterion,
            points=1,
            max_points=hidden_criterion.max_points,
        )
    )
    Score.objects.bulk_create(scores)
    return SimpleNamespace(
        campaign=campaign,
        themes=themes,
        units=units,
        unit_a=unit_a,
        inactive=inactive,
        head=head,
        office=make_user(office=True, username="office"),
        nobody=make_user(username="nobody"),
        by_status=by_status,
        on_inactive=on_inactive,
        hidden_campaign=hidden_campaign,
        hidden_pledge=hidden_pledge,
        published=published,
        draft_commendation=draft_commendation,
        scheduled=scheduled,
        hidden_commendation=hidden_commendation,
        nomination=nomination,
        criteria=criteria,
        published_round=published_round,
        draft_round=draft_round,
        hidden_round=hidden_round,
    )
