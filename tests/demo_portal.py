"""The records the permission table opens every URL over: the fixture campaign with the demo
units and accounts, one object of each kind, and those a state hides (a draft, a campaign not yet
public). Built once per module by the `demo_portal` fixture (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.utils import timezone

from awards.models import AwardRule, CertificateLayout
from campaign.models import Campaign
from campaign.seed.demo import load_demo
from campaign.seed.loader import load_campaign
from news.models import Nomination
from outbox.models import Message
from tests.factories import (
    commendation_form,
    make_award,
    make_campaign,
    make_commendation,
    make_criterion,
    make_decision,
    make_evaluation_round,
    make_evidence,
    make_nomination,
    make_pledge,
    make_proposal,
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
    decided_a = make_nomination(unit=unit_a, theme=theme, by=head_a)
    Nomination.objects.filter(pk=decided_a.pk).update(status="declined", decline_reason="Chưa đủ.")
    # A campaign still being drafted: nothing of it is public yet.
    hidden_campaign = make_campaign(status=Campaign.Status.DRAFT)
    hidden_a = make_pledge(campaign=hidden_campaign, unit=unit_a, status="accepted")
    AccessFailureLog.objects.create(
        username="head2", ip_address="127.0.0.1", user_agent="Firefox", path_info="/accounts/login/"
    )
    AccessAttempt.objects.create(
        username="khach",
        ip_address="127.0.0.1",
        user_agent="Firefox",
        path_info="/accounts/login/",
        get_data="",
        post_data="",
        failures_since_start=1,
    )
    AccessLog.objects.create(
        username="office", ip_address="127.0.0.1", user_agent="Firefox", path_info="/admin/"
    )
    Message.objects.create(
        to=["office@example.invalid"], subject="Đề nghị khen thưởng mới", body="Xem đề nghị."
    )
    criterion = make_criterion(theme=theme)
    published_round = make_round(campaign=campaign)
    make_score(scoring_round=published_round, unit=unit_a, criterion=criterion, points=3)
    # The end of the movement: an open evaluation round with a proposal for unit A's person and
    # one for unit B, a draft decision, and an issued public one with unit A's award on record.
    evaluation = make_evaluation_round(campaign=campaign)
    proposal_a = make_proposal(evaluation=evaluation, unit=unit_a, votes_for=5)
    proposal_b = make_proposal(evaluation=evaluation, unit=unit_b)
    AwardRule.objects.create(form=commendation_form("bang-khen"), pass_share="ge_two_thirds")
    draft_decision = make_decision(evaluation=evaluation, campaign=campaign)
    issued_decision = make_decision(
        campaign=campaign, status="issued", issued_at=timezone.now(), is_public=True
    )
    award_a = make_award(
        unit=unit_a, decision=issued_decision, honoree_name=proposal_a.honoree_name
    )
    return SimpleNamespace(
        campaign=campaign,
        hidden_campaign=hidden_campaign,
        theme=theme,
        unit_a=unit_a,
        unit_b=unit_b,
        draft_a=make_pledge(status="draft", **common),
        submitted_a=make_pledge(status="submitted", **common),
        accepted_a=accepted_a,
        hidden_a=hidden_a,
        photo_a=make_evidence(report=make_report(pledge=accepted_a, by=head_a)),
        hidden_photo_a=make_evidence(report=make_report(pledge=hidden_a, by=head_a)),
        published=make_commendation(
            campaign=campaign, unit=unit_a, theme=theme, photo=jpeg_bytes(), photo_consent=True
        ),
        draft_commendation=make_commendation(campaign=campaign, unit=unit_a, status="draft"),
        scheduled_commendation=make_commendation(
            campaign=campaign, unit=unit_a, publish_at=timezone.now() + dt.timedelta(days=1)
        ),
        nomination_a=nomination_a,
        decided_a=decided_a,
        criterion=criterion,
        round=published_round,
        evaluation=evaluation,
        proposal_a=proposal_a,
        proposal_b=proposal_b,
        draft_decision=draft_decision,
        issued_decision=issued_decision,
        award_a=award_a,
        certificate_layout=CertificateLayout.load(),
        draft_round=make_round(campaign=campaign, status="draft"),
        users={
            "anonymous": None,
            "nobody": make_user(username="nobody"),
            "head_a": head_a,
            "deputy_a": User.objects.get(username="deputy1"),
            "head_b": User.objects.get(username="head2"),
            # Staff, but in no group and with no permission of its own.
            "staff": make_user(username="staff", is_staff=True),
            "office": User.objects.get(username="office"),
            "superuser": make_user(username="root", is_staff=True, is_superuser=True),
        },
    )
