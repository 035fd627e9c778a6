"""The records the permission table opens every URL over: the fixture campaign with the demo
units and accounts, and one object of each kind. Built once per module by the `demo_portal`
fixture (tests/conftest.py)."""

from __future__ import annotations

from types import SimpleNamespace

from django.contrib.auth import get_user_model

from campaign.models import Campaign
from campaign.seed.demo import load_demo
from campaign.seed.loader import load_campaign
from tests.factories import (
    make_commendation,
    make_criterion,
    make_evidence,
    make_nomination,
    make_pledge,
    make_report,
    make_round,
    make_score,
    make_user,
)
from tests.images import jpeg_bytes
from units.models import Unit


def build_demo_portal() -> SimpleNamespace:
    load_campaign()
    load_demo(password="demo password for the matrix")
    User = get_user_model()
    campaign = Campaign.objects.get()
    unit_a = Unit.objects.get(slug="phong-quan-ly-thuong-mai")
    unit_b = Unit.objects.get(slug="phong-quan-ly-cong-nghiep")
    theme = campaign.themes.get(number=2)
    common = {"campaign": campaign, "theme": theme, "unit": unit_a}
    accepted_a = make_pledge(status="accepted", **common)
    head_a = User.objects.get(username="head1")
    nomination_a = make_nomination(unit=unit_a, theme=theme, by=head_a, images=[jpeg_bytes()])
    criterion = make_criterion(theme=theme)
    published_round = make_round(campaign=campaign)
    make_score(scoring_round=published_round, unit=unit_a, criterion=criterion, points=3)
    return SimpleNamespace(
        campaign=campaign,
        theme=theme,
        unit_a=unit_a,
        unit_b=unit_b,
        draft_a=make_pledge(status="draft", **common),
        submitted_a=make_pledge(status="submitted", **common),
        accepted_a=accepted_a,
        photo_a=make_evidence(report=make_report(pledge=accepted_a, by=head_a)),
        published=make_commendation(
            campaign=campaign, unit=unit_a, theme=theme, photo=jpeg_bytes(), photo_consent=True
        ),
        draft_commendation=make_commendation(campaign=campaign, unit=unit_a, status="draft"),
        nomination_a=nomination_a,
        criterion=criterion,
        round=published_round,
        users={
            "anonymous": None,
            "nobody": make_user(username="nobody"),
            "head_a": head_a,
            "deputy_a": User.objects.get(username="deputy1"),
            "head_b": User.objects.get(username="head2"),
            "office": User.objects.get(username="office"),
            "superuser": make_user(username="root", is_staff=True, is_superuser=True),
        },
    )
