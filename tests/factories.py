"""Small factory helpers with sensible defaults; pass keyword arguments to override."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from campaign.models import Campaign, Theme
from kit.roles import OFFICE_GROUP
from units.models import Unit, UnitRole

_seq = itertools.count(1)


def text_of_length(n: int) -> str:
    """Vietnamese prose exactly `n` characters long that no form's stripping shortens."""
    prose = "Đoàn kết, chung sức, đồng lòng phòng, chống dịch COVID-19. " * (n // 50 + 1)
    return prose[: n - 1] + "."


def make_user(*, perms: list[str] | None = None, office: bool = False, **kw):
    n = next(_seq)
    kw.setdefault("username", f"user{n}")
    kw.setdefault("email", f"user{n}@example.invalid")
    password = kw.pop("password", "correct horse battery")
    if office:
        kw.setdefault("is_staff", True)
    user = get_user_model().objects.create_user(password=password, **kw)
    if office:
        user.groups.add(Group.objects.get(name=OFFICE_GROUP))
    for perm in perms or []:
        app_label, codename = perm.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def make_campaign(*, themes: int = 4, **kw) -> Campaign:
    n = next(_seq)
    kw.setdefault("title", f"Phong trào thi đua {n}")
    kw.setdefault("summary", "Tóm tắt phong trào.")
    kw.setdefault("body", "Đoạn một.\n\nĐoạn hai.")
    kw.setdefault("issuing_body", "Sở Công Thương")
    kw.setdefault("published_on", dt.date(2022, 3, 25))
    kw.setdefault("starts_on", dt.date(2022, 3, 25))
    kw.setdefault("ends_on", dt.date(2022, 12, 31))
    kw.setdefault("status", Campaign.Status.ACTIVE)
    campaign = Campaign.objects.create(**kw)
    for number in range(1, themes + 1):
        make_theme(campaign=campaign, number=number)
    return campaign


def make_theme(*, campaign: Campaign, number: int, **kw) -> Theme:
    kw.setdefault("title", f"Nội dung thi đua {number}")
    kw.setdefault("description", f"Mô tả nội dung {number}.")
    return Theme.objects.create(campaign=campaign, number=number, **kw)


def make_unit(**kw) -> Unit:
    n = next(_seq)
    kw.setdefault("name", f"Phòng số {n}")
    kw.setdefault("kind", Unit.Kind.DIVISION)
    return Unit.objects.create(**kw)


def make_role(*, user=None, unit=None, role: str = UnitRole.Role.HEAD) -> UnitRole:
    return UnitRole.objects.create(user=user or make_user(), unit=unit or make_unit(), role=role)


# ---- news: commendations and nominations ----------------------------------------------------


def commendation_form(slug: str = "giay-khen"):
    """One of the forms of commendation the data migration seeds."""
    from news.models import CommendationForm

    return CommendationForm.objects.get(slug=slug)


def make_commendation(
    *,
    campaign: Campaign | None = None,
    unit: Unit | None = None,
    theme: Theme | None = None,
    form=None,
    status: str = "published",
    publish_at=None,
    photo: bytes | None = None,
    **kw,
):
    """A commendation, published an hour ago unless told otherwise; `photo` is image bytes."""
    from django.utils import timezone

    from kit.images import process_image
    from news.models import PHOTO_RENDITIONS, Commendation
    from tests.images import upload

    n = next(_seq)
    campaign = campaign or (theme.campaign if theme else make_campaign())
    kw.setdefault("title", f"Biểu dương gương điển hình số {n}")
    kw.setdefault("honoree_name", f"Nguyễn Văn Mười {n}")
    kw.setdefault("position", "Chuyên viên")
    kw.setdefault("summary", "Hoàn thành xuất sắc nhiệm vụ được giao.")
    kw.setdefault("body", "<p>Đồng chí luôn gương mẫu trong công việc.</p>")
    if status == "published" and publish_at is None:
        publish_at = timezone.now() - dt.timedelta(hours=1)
    commendation = Commendation(
        campaign=campaign,
        unit=unit or make_unit(),
        theme=theme,
        form=form or commendation_form(),
        status=status,
        publish_at=publish_at,
        **kw,
    )
    if photo is not None:
        commendation.attach_photo(
            process_image(upload(f"photo{n}.jpg", photo), renditions=PHOTO_RENDITIONS)
        )
    commendation.save()
    return commendation


def make_nomination(
    *, unit: Unit | None = None, by=None, theme: Theme | None = None, images=(), **kw
):
    """A submitted nomination made through the service, as a unit head would; `images` are
    upload bytes."""
    from kit.images import process_image
    from news.forms import EVIDENCE_RENDITIONS
    from news.models import Nomination
    from news.services import nomination_submit
    from tests.images import upload

    unit = unit or make_unit()
    if by is None:
        by = make_role(unit=unit).user
    theme = theme or make_campaign().themes.get(number=1)
    kw.setdefault("honoree_name", f"Trần Thị Mai {next(_seq)}")
    kw.setdefault("position", "Chuyên viên")
    kw.setdefault("achievements", "Tham gia trực chốt kiểm dịch 60 ngày.\n\nVận động bình ổn giá.")
    processed = [
        process_image(upload(f"evidence{i}.jpg", data), renditions=EVIDENCE_RENDITIONS)
        for i, data in enumerate(images)
    ]
    return nomination_submit(
        nomination=Nomination(unit=unit, theme=theme, **kw), by=by, images=processed
    )


# --- Pledges -----------------------------------------------------------------------------------
# Pledges are made directly in a given state (fast, for tests about reading and permissions);
# tests of the workflow itself go through pledges.services.


def make_pledge(*, status: str = "draft", **kw):
    from decimal import Decimal

    from django.utils import timezone

    from pledges.models import Pledge

    if "campaign" not in kw:
        kw["campaign"] = kw["theme"].campaign if "theme" in kw else make_campaign()
    kw.setdefault("theme", kw["campaign"].themes.order_by("number").first())
    if "unit" not in kw:  # not setdefault: that would create a unit even when one is given
        kw["unit"] = make_unit()
    n = next(_seq)
    kw.setdefault("title", f"Cam kết số {n}")
    kw.setdefault("commitment", "Đơn vị cam kết thực hiện đầy đủ nội dung thi đua.")
    kw.setdefault("target_value", Decimal("100"))
    kw.setdefault("target_unit", "% công chức được tiêm vắc xin")
    kw.setdefault("due_on", kw["campaign"].ends_on)
    now = timezone.now()
    if status != "draft":
        kw.setdefault("submitted_at", now)
    if status in ("returned", "accepted", "completed"):
        kw.setdefault("reviewed_at", now)
    if status == "returned":
        kw.setdefault("review_note", "Chỉ tiêu chưa rõ ràng.")
    return Pledge.objects.create(status=status, **kw)


def make_report(*, pledge, percent: int = 40, by=None, **kw):
    """A report appended straight to the timeline, keeping the pledge's latest percent."""
    from django.utils import timezone

    from pledges.models import ProgressReport

    kw.setdefault("narrative", f"Đã thực hiện được {percent}% chỉ tiêu.")
    kw.setdefault("reported_at", timezone.now())
    report = ProgressReport.objects.create(
        pledge=pledge, percent=percent, reported_by=by or make_user(), **kw
    )
    pledge.latest_percent = percent
    pledge.latest_report_at = report.reported_at
    pledge.save(update_fields=["latest_percent", "latest_report_at"])
    return report


def make_evidence(*, report, name: str = "anh.jpg"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kit.images import process_image
    from pledges.models import Evidence
    from tests.images import jpeg_bytes

    processed = process_image(
        SimpleUploadedFile(name, jpeg_bytes(), content_type="image/jpeg"),
        renditions={"thumb": Evidence.THUMBNAIL},
    )
    evidence = Evidence(report=report, width=processed.width, height=processed.height)
    evidence.image.save(processed.content.name, processed.content, save=False)
    thumb = processed.renditions["thumb"]
    evidence.thumbnail.save(thumb.name, thumb, save=False)
    evidence.save()
    return evidence


# --- Scoring -----------------------------------------------------------------------------------


def make_criterion(*, theme: Theme, number: int = 1, max_points="10", **kw):
    from decimal import Decimal

    from scoring.models import Criterion

    kw.setdefault("title", f"Tiêu chí {theme.number}.{number}")
    return Criterion.objects.create(
        theme=theme, number=number, max_points=Decimal(str(max_points)), **kw
    )


def make_round(*, campaign: Campaign, status: str = "published", **kw):
    """A review round, published now unless told otherwise."""
    from django.utils import timezone

    from scoring.models import ScoringRound

    n = next(_seq)
    kw.setdefault("title", f"Sơ kết đợt {n}")
    kw.setdefault("held_on", dt.date(2022, 6, 30))
    if status == "published":
        kw.setdefault("published_at", timezone.now())
    return ScoringRound.objects.create(campaign=campaign, status=status, **kw)


def make_score(*, scoring_round, unit: Unit, criterion, points):
    from decimal import Decimal

    from scoring.models import Score

    return Score.objects.create(
        round=scoring_round, unit=unit, criterion=criterion, points=Decimal(str(points))
    )


# ---- awards: evaluation rounds, proposals, decisions and records ------------------------------


def make_evaluation_round(*, campaign: Campaign | None = None, members: int = 5, **kw):
    """An open evaluation round with `members` council members, all present."""
    from awards.models import CouncilMember, EvaluationRound

    n = next(_seq)
    kw.setdefault("title", f"Bình xét khen thưởng đợt {n}")
    kw.setdefault("year", 2022)
    kw.setdefault("meeting_date", dt.date(2022, 12, 20))
    kw.setdefault("meeting_place", "Phòng họp Sở Công Thương")
    evaluation = EvaluationRound.objects.create(campaign=campaign, **kw)
    roles = [CouncilMember.Role.CHAIR, CouncilMember.Role.VICE_CHAIR]
    for i in range(members):
        role = roles[i] if i < len(roles) else CouncilMember.Role.MEMBER
        if i == members - 1 and members > 2:
            role = CouncilMember.Role.SECRETARY
        CouncilMember.objects.create(
            round=evaluation,
            name=f"Thành viên {n}.{i + 1}",
            position="Trưởng phòng",
            role=role,
            order=i,
        )
    return evaluation


def make_proposal(*, evaluation, unit: Unit | None = None, form=None, **kw):
    """A proposal of a person for a Giấy khen, not yet voted on unless `votes_for` is given."""
    from awards.models import Proposal

    n = next(_seq)
    kw.setdefault("honoree_name", f"Nguyễn Văn {n}")
    kw.setdefault("honoree_kind", "person")
    kw.setdefault("position", "Chuyên viên")
    kw.setdefault("achievements", "Hoàn thành xuất sắc nhiệm vụ phòng, chống dịch COVID-19.")
    return Proposal.objects.create(
        round=evaluation,
        unit=unit or make_unit(),
        form=form or commendation_form(),
        order=n,
        **kw,
    )


def make_decision(*, evaluation=None, campaign: Campaign | None = None, **kw):
    """A draft decision of the Department (SCT), numbered after the register's last."""
    from awards.models import Decision

    kw.setdefault("date", dt.date(2022, 12, 28))
    kw.setdefault("issuer_code", "SCT")
    kw.setdefault("number", Decision.next_free_number(kw["issuer_code"], kw["date"].year))
    kw.setdefault("governing_body", "UBND TỈNH BẾN TRE")
    kw.setdefault("issuing_body", "SỞ CÔNG THƯƠNG")
    kw.setdefault("place", "Bến Tre")
    kw.setdefault("abstract", "Về việc khen thưởng tổng kết phong trào thi đua")
    kw.setdefault("grounds", "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;")
    kw.setdefault("executors", "Chánh Văn phòng Sở, các cá nhân và tập thể có tên tại Điều 1")
    kw.setdefault("recipients", "Như Điều 3;\nLưu: VT, VP.")
    kw.setdefault("signer_position", "GIÁM ĐỐC")
    kw.setdefault("signer_name", "Nguyễn Văn Giám")
    return Decision.objects.create(round=evaluation, campaign=campaign, **kw)


def make_award(*, unit: Unit | None = None, decision=None, form=None, **kw):
    """A line of an achievement record: from `decision` if given, else imported."""
    from awards.models import Award

    form = form or commendation_form()
    kw.setdefault("honoree_name", "Nguyễn Văn An")
    kw.setdefault("honoree_kind", "person")
    kw.setdefault("year", decision.date.year if decision else 2021)
    kw.setdefault("decision_number", decision.symbol if decision else "45/QĐ-SCT")
    kw.setdefault("decision_date", decision.date if decision else dt.date(2021, 12, 20))
    kw.setdefault("issuer", "Giám đốc Sở Công Thương")
    kw.setdefault("form_name", str(form))
    return Award.objects.create(
        unit=unit or make_unit(), decision=decision, form=form, imported=decision is None, **kw
    )
