from __future__ import annotations

import secrets
from collections import Counter

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from campaign.models import Campaign
from kit.roles import OFFICE_GROUP
from units.models import Unit, UnitRole

# Divisions of a provincial Department of Industry and Trade, for the demo only.
DEMO_DIVISIONS = [
    ("phong-quan-ly-thuong-mai", "Phòng Quản lý Thương mại", "Trade Management Division", "QLTM"),
    (
        "phong-quan-ly-cong-nghiep",
        "Phòng Quản lý Công nghiệp",
        "Industry Management Division",
        "QLCN",
    ),
    (
        "phong-ke-hoach-tong-hop",
        "Phòng Kế hoạch – Tổng hợp",
        "Planning and General Affairs Division",
        "KHTH",
    ),
    ("phong-quan-ly-nang-luong", "Phòng Quản lý Năng lượng", "Energy Management Division", "QLNL"),
]

# (username, first name, last name, demo division index or None, role). Vietnamese names put the
# family name first, so it goes in first_name and Django's get_full_name() reads naturally.
DEMO_ACCOUNTS = [
    ("head1", "Nguyễn Văn", "An", 0, UnitRole.Role.HEAD),
    ("head2", "Trần Thị", "Bình", 1, UnitRole.Role.HEAD),
    ("head3", "Lê Minh", "Cường", 2, UnitRole.Role.HEAD),
    ("deputy1", "Phạm Quốc", "Dũng", 0, UnitRole.Role.DEPUTY),
    ("office", "Võ Thị", "Đào", None, None),
]


def generate_password() -> str:
    return secrets.token_urlsafe(12)


@transaction.atomic
def load_demo(*, password: str, department_slug: str = "so-cong-thuong-ben-tre") -> Counter:
    """Add demo divisions under the department and the demo accounts, where missing.

    Existing accounts keep their password: re-running never resets what a tester changed.
    """
    User = get_user_model()
    created: Counter = Counter()
    department = Unit.objects.get(slug=department_slug)
    divisions = []
    for position, (slug, name_vi, name_en, short) in enumerate(DEMO_DIVISIONS, start=1):
        unit, new = Unit.objects.get_or_create(
            slug=slug,
            defaults={
                "name_vi": name_vi,
                "name_en": name_en,
                "short_name_vi": short,
                "short_name_en": short,
                "kind": Unit.Kind.DIVISION,
                "parent": department,
                "position": 20 + position,
            },
        )
        created["units"] += new
        divisions.append(unit)
    if created["units"]:
        # The fixture campaign's registration phase was in 2022, but the demo accounts work
        # today: the first demo load opens late pledges (the office can close them in the admin).
        Campaign.objects.active().update(late_pledges_allowed=True)

    office_group = Group.objects.get(name=OFFICE_GROUP)
    for username, first, last, division, role in DEMO_ACCOUNTS:
        user, new = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@example.invalid",
                "is_staff": role is None,
            },
        )
        if new:
            user.set_password(password)
            user.save(update_fields=["password"])
            created["accounts"] += 1
        if role is None:
            user.groups.add(office_group)
        else:
            _role, new = UnitRole.objects.get_or_create(
                user=user, unit=divisions[division], defaults={"role": role}
            )
            created["roles"] += new
    return created
