"""The demo round `setup_portal --demo` adds: a council, four proposals from the demo divisions
waiting for the vote, and two earlier years on record, so the office can record the votes,
make the decision and issue it in a minute."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db import transaction

from awards.models import Award, CouncilMember, EvaluationRound, Proposal, Stage
from campaign.models import Campaign
from news.models import CommendationForm
from units.models import Unit

DEMO_ROUND_TITLE = "Bình xét khen thưởng tổng kết phong trào thi đua phòng, chống dịch COVID-19"

DEMO_COUNCIL = [
    ("Nguyễn Thanh Hải", "Giám đốc Sở Công Thương", CouncilMember.Role.CHAIR),
    ("Huỳnh Văn Lợi", "Phó Giám đốc Sở Công Thương", CouncilMember.Role.VICE_CHAIR),
    ("Đặng Thị Mai", "Chủ tịch Công đoàn Sở", CouncilMember.Role.MEMBER),
    ("Lý Quốc Nam", "Trưởng phòng Quản lý Công nghiệp", CouncilMember.Role.MEMBER),
    ("Võ Thị Đào", "Chánh Văn phòng Sở", CouncilMember.Role.SECRETARY),
]

# (unit slug, honoree or None for the unit itself, position, form slug, achievements)
DEMO_PROPOSALS = [
    (
        "phong-quan-ly-thuong-mai",
        None,
        "",
        "giay-khen",
        "Đã có thành tích xuất sắc trong bảo đảm cung ứng hàng hóa thiết yếu mùa dịch COVID-19.",
    ),
    (
        "phong-quan-ly-thuong-mai",
        "Nguyễn Văn An",
        "Trưởng phòng Quản lý Thương mại",
        "giay-khen",
        "Đã chỉ đạo kết nối tiêu thụ nông sản cho nông dân trong thời gian giãn cách.",
    ),
    (
        "phong-quan-ly-cong-nghiep",
        "Trần Thị Bình",
        "Trưởng phòng Quản lý Công nghiệp",
        "giay-khen",
        "Đã hỗ trợ doanh nghiệp duy trì sản xuất an toàn, thực hiện “3 tại chỗ”.",
    ),
    (
        "phong-ke-hoach-tong-hop",
        "Lê Minh Cường",
        "Trưởng phòng Kế hoạch – Tổng hợp",
        "giay-khen",
        "Đã tổng hợp kịp thời số liệu phòng, chống dịch của ngành.",
    ),
]

# Earlier years on record, as the office would import them (Lao động tiên tiến each year).
DEMO_EARLIER = [
    ("phong-quan-ly-thuong-mai", "Nguyễn Văn An", 2020, "112/QĐ-SCT", dt.date(2020, 12, 30)),
    ("phong-quan-ly-thuong-mai", "Nguyễn Văn An", 2021, "98/QĐ-SCT", dt.date(2021, 12, 29)),
    ("phong-quan-ly-cong-nghiep", "Trần Thị Bình", 2021, "98/QĐ-SCT", dt.date(2021, 12, 29)),
]


@transaction.atomic
def load_demo_round() -> Counter:
    """Add the demo round, where missing; a round the office already worked on is left alone."""
    created: Counter = Counter()
    campaign = Campaign.objects.filter(status=Campaign.Status.ACTIVE).order_by("pk").first()
    if campaign is None or EvaluationRound.objects.filter(title=DEMO_ROUND_TITLE).exists():
        return created
    forms = {form.slug: form for form in CommendationForm.objects.all()}
    units = {unit.slug: unit for unit in Unit.objects.filter(slug__startswith="phong-")}
    evaluation = EvaluationRound.objects.create(
        title=DEMO_ROUND_TITLE,
        campaign=campaign,
        stage=Stage.FINAL,
        year=campaign.ends_on.year,
        meeting_date=campaign.ends_on - dt.timedelta(days=11),
        meeting_place="Phòng họp Sở Công Thương",
    )
    evaluation.forms.set([forms["giay-khen"]])
    created["rounds"] += 1
    for order, (name, position, role) in enumerate(DEMO_COUNCIL):
        CouncilMember.objects.create(
            round=evaluation, name=name, position=position, role=role, order=order
        )
        created["council members"] += 1
    for order, (slug, name, position, form, achievements) in enumerate(DEMO_PROPOSALS):
        unit = units[slug]
        Proposal.objects.create(
            round=evaluation,
            unit=unit,
            honoree_name=name or unit.name_vi,
            honoree_kind="person" if name else "collective",
            position=position,
            form=forms[form],
            achievements=achievements,
            order=order,
        )
        created["proposals"] += 1
    worker = forms["lao-dong-tien-tien"]
    for slug, name, year, number, date in DEMO_EARLIER:
        Award.objects.create(
            unit=units[slug],
            honoree_name=name,
            honoree_kind="person",
            form=worker,
            form_name=worker.name_vi,
            year=year,
            decision_number=number,
            decision_date=date,
            issuer="Giám đốc Sở Công Thương",
            imported=True,
        )
        created["earlier awards"] += 1
    return created
