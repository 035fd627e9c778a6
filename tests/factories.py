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
