"""A national-scale dataset for benchmarks and query-budget tests (`manage.py seed_scale`).

The Ministry, the provincial Departments of Industry and Trade under it and their divisions;
pledges under every theme of a campaign in every state, progress timelines and commendations.
Everything is written with bulk inserts (no per-row save(), no image processing), and the
values the models' save() and the services derive are filled the same way: a pledge's latest
percent and time are those of its newest report, a unit's and a commendation's search key and
a commendation's slug are what their save() would store. The same seed gives the same data.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction

from campaign.models import Campaign
from campaign.seed.loader import load_campaign
from devtools.scale_awards import seed_award_scale
from kit.cache import public_content_changed
from kit.public import TOPICS
from kit.roles import OFFICE_GROUP
from kit.text import vi_slugify
from news.models import Commendation, CommendationForm, HonoreeKind
from news.sanitize import sanitize_html
from pledges.models import Pledge, ProgressReport
from units.models import Unit, UnitRole

# The root of the scale tree; its presence means the data is already there.
MINISTRY_SLUG = "bo-cong-thuong"
USERNAME_PREFIX = "scale-"
OFFICE_USERNAME = "scale-office"

PROVINCES = [
    "An Giang", "Bà Rịa – Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai",
    "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng",
    "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
    "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
    "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "Thành phố Hồ Chí Minh", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]  # fmt: skip

# (Vietnamese, English, kind) of the divisions and centres of a provincial department.
DIVISIONS = [
    ("Văn phòng Sở", "Office of the Department", Unit.Kind.OFFICE),
    ("Thanh tra Sở", "Inspectorate", Unit.Kind.DIVISION),
    ("Phòng Kế hoạch – Tài chính – Tổng hợp", "Planning and Finance Division", Unit.Kind.DIVISION),
    ("Phòng Quản lý Thương mại", "Trade Management Division", Unit.Kind.DIVISION),
    ("Phòng Quản lý Công nghiệp", "Industry Management Division", Unit.Kind.DIVISION),
    ("Phòng Quản lý Năng lượng", "Energy Management Division", Unit.Kind.DIVISION),
    ("Phòng Kỹ thuật an toàn – Môi trường", "Safety and Environment Division", Unit.Kind.DIVISION),
    (
        "Trung tâm Khuyến công và Xúc tiến thương mại",
        "Industrial Extension Centre",
        Unit.Kind.CENTRE,
    ),
    ("Trung tâm Tư vấn phát triển công nghiệp", "Industrial Consulting Centre", Unit.Kind.CENTRE),
    ("Phòng Xuất nhập khẩu", "Import and Export Division", Unit.Kind.DIVISION),
    ("Phòng Thương mại điện tử", "E-commerce Division", Unit.Kind.DIVISION),
    ("Phòng Hóa chất", "Chemicals Division", Unit.Kind.DIVISION),
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]  # fmt: skip
MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Thanh", "Hoàng", "Ngọc", "Thu", "Đức", "Hữu"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Lan", "Long",
         "Mai", "Nam", "Ngọc", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn",
         "Vy", "Yến", "Đạt", "Khoa"]  # fmt: skip
POSITIONS = ["Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng",
             "Kiểm soát viên thị trường", "Kế toán viên", "Cán sự"]  # fmt: skip

# Per theme number: (pledge title, what is measured, target). Themes past 4 reuse these.
PLEDGE_TEMPLATES = {
    1: [
        ("Thực hiện nghiêm 5K tại cơ quan", "% cán bộ thực hiện", 100),
        ("Xây dựng phương án phòng, chống dịch tại đơn vị", "phương án được duyệt", 1),
        ("Kiểm tra công tác phòng dịch tại cơ sở sản xuất", "cơ sở được kiểm tra", 40),
    ],
    2: [
        ("Bình ổn giá các mặt hàng thiết yếu", "điểm bán bình ổn giá", 25),
        ("Hỗ trợ doanh nghiệp duy trì sản xuất", "doanh nghiệp được hỗ trợ", 30),
        ("Kết nối tiêu thụ nông sản", "tấn nông sản tiêu thụ", 500),
    ],
    3: [
        ("Tiêm đủ liều vắc xin cho cán bộ, người lao động", "% cán bộ được tiêm", 100),
        ("Trao quà hỗ trợ người lao động khó khăn", "suất quà", 120),
        ("Vận động ủng hộ Quỹ vắc xin", "triệu đồng", 50),
    ],
    4: [
        ("Xử lý hồ sơ trực tuyến mức độ 3, 4", "% hồ sơ trực tuyến", 90),
        ("Đưa doanh nghiệp lên sàn thương mại điện tử", "doanh nghiệp tham gia", 20),
        ("Số hóa hồ sơ lưu trữ của đơn vị", "% hồ sơ được số hóa", 80),
    ],
}
NARRATIVES = [
    "Đã triển khai kế hoạch và phân công cán bộ phụ trách từng phần việc.",
    "Tổ chức kiểm tra, đôn đốc tại các cơ sở; kết quả đạt theo tiến độ đề ra.",
    "Phối hợp với các đơn vị liên quan, báo cáo kết quả định kỳ cho Ban Thi đua.",
    "Tiếp tục duy trì các biện pháp đã thực hiện, khắc phục những tồn tại được chỉ ra.",
    "Hoàn thành các chỉ tiêu của tháng, chuẩn bị nội dung cho đợt tiếp theo.",
]
ACHIEVEMENTS = [
    "tham gia trực chốt kiểm soát dịch bệnh nhiều ngày liền",
    "vận động doanh nghiệp bình ổn giá các mặt hàng thiết yếu",
    "hỗ trợ kết nối tiêu thụ nông sản cho bà con trong mùa dịch",
    "hoàn thành xuất sắc nhiệm vụ chuyển đổi số của đơn vị",
    "tích cực vận động ủng hộ Quỹ phòng, chống dịch COVID-19",
]

PLEDGE_STATUSES = [
    (Pledge.Status.DRAFT, 10),
    (Pledge.Status.SUBMITTED, 10),
    (Pledge.Status.RETURNED, 5),
    (Pledge.Status.ACCEPTED, 45),
    (Pledge.Status.COMPLETED, 30),
]
BATCH = 2000


@dataclass(frozen=True)
class ScaleCounts:
    units: int = 1300
    provinces: int = 63
    pledges: int = 5200
    reports: int = 50_000
    commendations: int = 5000
    proposals: int = 300  # of the evaluation round, for the commendation decisions' pages


class ScaleDataExists(Exception):
    """The scale data is already in this database."""


def _at(day: dt.date, rng: random.Random) -> dt.datetime:
    """A working-hours moment of `day`, in UTC."""
    seconds = rng.randrange(1 * 3600, 10 * 3600)
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC) + dt.timedelta(seconds=seconds)


def _person(rng: random.Random) -> tuple[str, str]:
    """(family and middle name, given name): get_full_name() then reads in Vietnamese order."""
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)}", rng.choice(GIVEN)


class _Slugs:
    """Unique slugs of one model, as the models make them (a -2, -3 … suffix on clashes)."""

    def __init__(self, taken):
        self.taken = set(taken)

    def make(self, text: str, max_length: int) -> str:
        base = vi_slugify(text, max_length=max_length) or "muc"
        slug, n = base, 2
        while slug in self.taken:
            slug, n = f"{base}-{n}", n + 1
        self.taken.add(slug)
        return slug


def seed_scale(
    *,
    counts: ScaleCounts = ScaleCounts(),  # noqa: B008 - frozen, never mutated
    seed: int = 1,
    password: str | None = None,
    campaign: Campaign | None = None,
) -> Counter:
    """Write the scale dataset into an empty-of-it database; returns what was created.

    `password` is given to every account made here (unit heads and `scale-office`), so a load
    test can log in; without it their passwords are unusable.
    """
    if counts.provinces < 1 or counts.units < counts.provinces + 1:
        raise ValueError("need at least one province and units for the Ministry and each one")
    if Unit.objects.filter(slug=MINISTRY_SLUG).exists():
        raise ScaleDataExists(
            "The scale data is already in this database (unit “bo-cong-thuong” exists)."
        )
    rng = random.Random(seed)
    created: Counter = Counter()
    with transaction.atomic():
        load_campaign()  # the fixture campaign and its themes, when missing
        campaign = campaign or Campaign.objects.current()
        themes = list(campaign.themes.order_by("number"))
        units = _units(counts, rng, created)
        heads, office = _accounts(units, rng, password, created)
        pledges = _pledges(counts, rng, campaign, themes, units, heads, office, created)
        _reports(counts, rng, campaign, pledges, heads, created)
        _commendations(counts, rng, campaign, themes, units, office, created)
        created.update(
            seed_award_scale(proposals=counts.proposals, office=office, rng=rng, person=_person)
        )
        # Bulk inserts send no signals: the public pages' cache is told here, once.
        for topic in TOPICS:
            public_content_changed(topic=topic)
    if connection.vendor == "postgresql":
        # Fresh statistics, so the planner sees the new sizes at once.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return created


def _with_search_keys(units) -> list[Unit]:
    units = list(units)
    for unit in units:
        unit.refresh_search_key()  # as Unit.save()
    return units


def _units(counts: ScaleCounts, rng: random.Random, created: Counter) -> list[Unit]:
    slugs = _Slugs(Unit.objects.values_list("slug", flat=True))
    ministry = Unit.objects.create(
        slug=slugs.make(MINISTRY_SLUG, 74),
        name_vi="Bộ Công Thương",
        name_en="Ministry of Industry and Trade",
        short_name_vi="BCT",
        short_name_en="MOIT",
        kind=Unit.Kind.DEPARTMENT,
        email="bct@example.invalid",
    )
    provinces = [PROVINCES[i % len(PROVINCES)] for i in range(counts.provinces)]
    departments = Unit.objects.bulk_create(
        _with_search_keys(
            Unit(
                slug=slugs.make(f"so-cong-thuong-{province}", 74),
                name_vi=f"Sở Công Thương {province}",
                name_en=f"{province} Department of Industry and Trade",
                short_name_vi="SCT",
                short_name_en="DoIT",
                kind=Unit.Kind.DEPARTMENT,
                parent=ministry,
                position=10 * (i + 1),
                phone=f"02{i % 90 + 10:02d}.38{rng.randrange(10000, 99999)}",
            )
            for i, province in enumerate(provinces)
        ),
        batch_size=BATCH,
    )
    divisions = []
    for n in range(counts.units - 1 - counts.provinces):
        i, k = n % counts.provinces, n // counts.provinces
        name_vi, name_en, kind = DIVISIONS[k % len(DIVISIONS)]
        if k >= len(DIVISIONS):
            number = k // len(DIVISIONS) + 1
            name_vi, name_en = f"{name_vi} số {number}", f"{name_en} No. {number}"
        province = provinces[i]
        divisions.append(
            Unit(
                slug=slugs.make(f"{name_vi} {province}", 74),
                name_vi=f"{name_vi} – Sở Công Thương {province}",
                name_en=f"{name_en} – {province} DoIT",
                kind=kind,
                parent=departments[i],
                position=10 * (k + 1),
                is_active=rng.random() > 0.01,
            )
        )
    divisions = Unit.objects.bulk_create(_with_search_keys(divisions), batch_size=BATCH)
    created["units"] = 1 + len(departments) + len(divisions)
    return [ministry, *departments, *divisions]


def _accounts(units, rng, password, created):
    """A head for every unit (a deputy for every fifth) and an office admin."""
    User = get_user_model()
    hashed = make_password(password)  # once: hashing per account would take minutes
    users, roles = [], []
    for n, unit in enumerate(units, start=1):
        first, last = _person(rng)
        users.append(
            User(
                username=f"{USERNAME_PREFIX}head-{n:04d}",
                first_name=first,
                last_name=last,
                email=f"{USERNAME_PREFIX}head-{n:04d}@example.invalid",
                password=hashed,
            )
        )
        roles.append((unit, UnitRole.Role.HEAD, rng.choice(["Trưởng phòng", "Giám đốc", ""])))
        if n % 5 == 0:
            first, last = _person(rng)
            users.append(
                User(
                    username=f"{USERNAME_PREFIX}deputy-{n:04d}",
                    first_name=first,
                    last_name=last,
                    email=f"{USERNAME_PREFIX}deputy-{n:04d}@example.invalid",
                    password=hashed,
                )
            )
            roles.append((unit, UnitRole.Role.DEPUTY, "Phó Trưởng phòng"))
    users = User.objects.bulk_create(users, batch_size=BATCH)
    UnitRole.objects.bulk_create(
        [
            UnitRole(user=user, unit=unit, role=role, title=title)
            for user, (unit, role, title) in zip(users, roles, strict=True)
        ],
        batch_size=BATCH,
    )
    office = User.objects.create(
        username=OFFICE_USERNAME,
        first_name="Võ Thị",
        last_name="Thi Đua",
        email=f"{OFFICE_USERNAME}@example.invalid",
        password=hashed,
        is_staff=True,
    )
    office.groups.add(Group.objects.get(name=OFFICE_GROUP))
    created["accounts"] = len(users) + 1
    created["unit roles"] = len(roles)
    heads = {
        unit.pk: user
        for user, (unit, role, _t) in zip(users, roles, strict=True)
        if role == UnitRole.Role.HEAD
    }
    return heads, office


def _pledges(counts, rng, campaign, themes, units, heads, office, created) -> list[Pledge]:
    statuses, weights = zip(*PLEDGE_STATUSES, strict=True)
    span = (campaign.ends_on - campaign.starts_on).days
    pledges = []
    for n in range(counts.pledges):
        unit = rng.choice(units)
        theme = themes[n % len(themes)]
        title, measured, target = rng.choice(PLEDGE_TEMPLATES[(theme.number - 1) % 4 + 1])
        status = rng.choices(statuses, weights)[0]
        head = heads[unit.pk]
        pledge = Pledge(
            campaign=campaign,
            unit=unit,
            theme=theme,
            title=f"{title} ({n + 1})",
            commitment=(
                f"{unit.name_vi} cam kết: {title.lower()}, phấn đấu đạt {target} {measured} "
                f"trước thời hạn."
            ),
            target_value=Decimal(target),
            target_unit=measured,
            due_on=campaign.starts_on + dt.timedelta(days=rng.randrange(span // 2, span + 1)),
            status=status,
            created_by=head,
        )
        if status != Pledge.Status.DRAFT:
            pledge.submitted_by = head
            pledge.submitted_at = _at(campaign.starts_on + dt.timedelta(rng.randrange(30)), rng)
        if status in (*Pledge.PUBLIC_STATUSES, Pledge.Status.RETURNED):
            pledge.reviewed_by = office
            pledge.reviewed_at = pledge.submitted_at + dt.timedelta(days=rng.randrange(1, 10))
        if status == Pledge.Status.RETURNED:
            pledge.review_note = "Chỉ tiêu chưa đo lường được; đề nghị bổ sung số liệu cụ thể."
        pledges.append(pledge)
    pledges = Pledge.objects.bulk_create(pledges, batch_size=BATCH)
    created["pledges"] = len(pledges)
    return pledges


def _reports(counts, rng, campaign, pledges, heads, created) -> None:
    """Each report goes to a random public pledge; a pledge's reports rise in time and percent,
    a completed pledge's last one is 100 %, and the pledge carries its newest report."""
    public = [p for p in pledges if p.status in Pledge.PUBLIC_STATUSES]
    per_pledge = Counter(rng.choices(range(len(public)), k=counts.reports) if public else [])
    end = dt.datetime.combine(campaign.ends_on, dt.time(10), tzinfo=dt.UTC)
    reports, changed = [], []
    for index, pledge in enumerate(public):
        k = per_pledge[index]
        if k == 0:
            if pledge.status == Pledge.Status.COMPLETED:
                pledge.status = Pledge.Status.ACCEPTED  # completion needs a report at 100 %
                changed.append(pledge)
            continue
        completed = pledge.status == Pledge.Status.COMPLETED
        percents = sorted(rng.randrange(1, 100) for _ in range(k))
        if completed:
            percents[-1] = 100
        # Distinct, increasing times between the review and the end of the campaign.
        window = max(int((end - pledge.reviewed_at).total_seconds()), k * 60)
        offsets = sorted(rng.sample(range(60, window, 60), k)) if window > k * 60 else range(k)
        for offset, percent in zip(offsets, percents, strict=True):
            reports.append(
                ProgressReport(
                    pledge=pledge,
                    percent=percent,
                    narrative=rng.choice(NARRATIVES),
                    reported_by=heads[pledge.unit_id],
                    reported_at=pledge.reviewed_at + dt.timedelta(seconds=offset),
                )
            )
        pledge.latest_percent = percents[-1]
        pledge.latest_report_at = reports[-1].reported_at
        if completed:
            pledge.completed_at = pledge.latest_report_at
        changed.append(pledge)
    ProgressReport.objects.bulk_create(reports, batch_size=BATCH)
    Pledge.objects.bulk_update(
        changed,
        ["status", "latest_percent", "latest_report_at", "completed_at"],
        batch_size=BATCH,
    )
    created["progress reports"] = len(reports)


def _commendations(counts, rng, campaign, themes, units, office, created) -> None:
    forms = list(CommendationForm.objects.filter(is_active=True).order_by("position"))
    slugs = _Slugs(Commendation.objects.values_list("slug", flat=True))
    first_day = campaign.starts_on + dt.timedelta(days=20)
    span = (campaign.ends_on - first_day).days + 90  # commendations follow into the next year
    items = []
    for n in range(counts.commendations):
        unit = rng.choice(units)
        kind = HonoreeKind.COLLECTIVE if rng.random() < 0.2 else HonoreeKind.PERSON
        if kind == HonoreeKind.PERSON:
            honoree, position = " ".join(_person(rng)), rng.choice(POSITIONS)
        else:
            honoree, position = f"Tập thể {unit.name_vi}", ""
        form = rng.choice([f for f in forms if f.accepts(kind)])
        achievement = rng.choice(ACHIEVEMENTS)
        day = first_day + dt.timedelta(days=rng.randrange(span))
        title = f"{form.name_vi}: {honoree} {achievement}"
        summary = f"{honoree} ({unit.name_vi}) đã {achievement}, được tặng {form.name_vi}."
        body = sanitize_html(
            f"<p>{summary}</p><p>Trong đợt thi đua, {honoree} luôn gương mẫu, {achievement}."
            "</p><ul><li>Hoàn thành xuất sắc nhiệm vụ được giao.</li>"
            "<li>Được đơn vị đề xuất khen thưởng.</li></ul>"
        )
        published = rng.random() < 0.95
        item = Commendation(
            title=title[:300],
            slug=slugs.make(title, 90),  # as Commendation._unique_slug()
            honoree_name=honoree,
            honoree_kind=kind,
            position=position,
            unit=unit,
            campaign=campaign,
            theme=rng.choice(themes) if rng.random() < 0.9 else None,
            form=form,
            decision_number=f"{n + 1}/QĐ-SCT",
            decision_date=day - dt.timedelta(days=3),
            summary=summary,
            body=body,
            status=Commendation.Status.PUBLISHED if published else Commendation.Status.DRAFT,
            publish_at=_at(day, rng) if published else None,
            author=office,
        )
        item.refresh_search_key()  # as Commendation.save()
        items.append(item)
    Commendation.objects.bulk_create(items, batch_size=BATCH)
    created["commendations"] = len(items)


def top_up_awards(*, seed: int = 1) -> Counter:
    """The round and decision of the scale data, added to a dataset seeded before they were part
    of it (the benchmark database is seeded once and reused)."""
    if not Unit.objects.filter(slug=MINISTRY_SLUG).exists():
        raise ValueError("no scale data in this database: run seed_scale first")
    office = get_user_model().objects.get(username=OFFICE_USERNAME)
    return seed_award_scale(
        proposals=ScaleCounts().proposals, office=office, rng=random.Random(seed), person=_person
    )
