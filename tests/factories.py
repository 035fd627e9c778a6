"""Small factory helpers with sensible defaults; pass keyword arguments to override."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from campaign.models import Campaign, Theme
from campaign.office import OFFICE_GROUP
from units.models import Unit, UnitRole

_seq = itertools.count(1)


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

    from campaign.images import process_image
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
    from campaign.images import process_image
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
