"""The commendation decisions of the national-scale dataset: one evaluation round of the
campaign with its council, a proposal per unit for the first `proposals` units (one in ten
fails the vote), two earlier years on each honouree's record, and the decision on those that
passed, issued — so the rounds, decision and certificates pages are measured at full size.

Made through the services where it matters (the decision and its issue compute the money, the
numbers and the awards as the office's buttons do) and with bulk inserts elsewhere."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from django.db import transaction

from awards.decisions import decision_from_round, issue
from awards.models import Award, CouncilMember, Decision, EvaluationRound, Proposal, Stage
from campaign.models import Campaign
from kit.text import search_key
from news.models import CommendationForm, HonoreeKind
from units.models import Unit

ROUND_TITLE = "Bình xét khen thưởng tổng kết phong trào thi đua toàn ngành"
COUNCIL = [
    ("Nguyễn Hồng Diên", "Bộ trưởng Bộ Công Thương", CouncilMember.Role.CHAIR),
    ("Phan Thị Thắng", "Thứ trưởng Bộ Công Thương", CouncilMember.Role.VICE_CHAIR),
    ("Trần Văn Hòa", "Chủ tịch Công đoàn Công Thương Việt Nam", CouncilMember.Role.MEMBER),
    ("Lê Thị Hạnh", "Vụ trưởng Vụ Thi đua – Khen thưởng", CouncilMember.Role.MEMBER),
    ("Đỗ Minh Đức", "Chánh Văn phòng Bộ", CouncilMember.Role.SECRETARY),
]


def seed_award_scale(*, proposals: int, office, rng: random.Random, person) -> Counter:
    """Add the round and its issued decision, unless a round of that title is there already.

    `person(rng)` gives (family and middle name, given name), as for the scale accounts."""
    created: Counter = Counter()
    if proposals <= 0 or EvaluationRound.objects.filter(title=ROUND_TITLE).exists():
        return created
    campaign = Campaign.objects.current()
    form = CommendationForm.objects.get(slug="giay-khen")
    worker = CommendationForm.objects.get(slug="lao-dong-tien-tien")
    units = list(Unit.objects.active().order_by("pk")[:proposals])
    with transaction.atomic():
        evaluation = EvaluationRound.objects.create(
            title=ROUND_TITLE,
            campaign=campaign,
            stage=Stage.FINAL,
            year=campaign.ends_on.year,
            meeting_date=campaign.ends_on - dt.timedelta(days=11),
            meeting_place="Phòng họp Bộ Công Thương",
        )
        evaluation.forms.set([form])
        CouncilMember.objects.bulk_create(
            CouncilMember(round=evaluation, name=name, position=position, role=role, order=n)
            for n, (name, position, role) in enumerate(COUNCIL)
        )
        rows, earlier, taken = [], [], set()
        for n in range(proposals):
            unit = units[n % len(units)]
            name = None
            while name is None or (unit.pk, name) in taken:  # one proposal per person
                name = " ".join(person(rng))
            taken.add((unit.pk, name))
            rows.append(
                Proposal(
                    round=evaluation,
                    unit=unit,
                    honoree_name=name,
                    honoree_kind=HonoreeKind.PERSON,
                    name_key=search_key(name),
                    position=f"Chuyên viên {unit.name_vi}"[:200],
                    form=form,
                    achievements="Đã hoàn thành xuất sắc các nhiệm vụ phòng, chống dịch "
                    "COVID-19 và bảo đảm cung ứng hàng hóa thiết yếu.",
                    votes_for=2 if n % 10 == 9 else 4,
                    order=n,
                )
            )
            for year, number in ((2020, 112), (2021, 98)):
                earlier.append(
                    Award(
                        unit=unit,
                        honoree_name=name,
                        honoree_kind=HonoreeKind.PERSON,
                        name_key=search_key(name),
                        form=worker,
                        form_name=worker.name_vi,
                        year=year,
                        decision_number=f"{number}/QĐ-BCT",
                        decision_date=dt.date(year, 12, 29),
                        issuer="Bộ trưởng Bộ Công Thương",
                        imported=True,
                    )
                )
        Proposal.objects.bulk_create(rows)
        Award.objects.bulk_create(earlier)
        decision = decision_from_round(
            evaluation,
            number=1,
            date=campaign.ends_on,
            signer_position="Giám đốc",
            signer_name="Nguyễn Thanh Hải",
            user=office,
            news_items=Decision.NewsItems.NONE,
        )
        issue(decision, office, decision.version)
    created["evaluation rounds"] = 1
    created["proposals"] = len(rows)
    created["earlier awards"] = len(earlier)
    created["awards by decision"] = Award.objects.filter(decision=decision).count()
    return created
