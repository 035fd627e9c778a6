"""manage.py seed_scale: a national tree, pledges in every state, timelines and commendations,
consistent with what the models and services would store, the same for the same seed."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count

from awards.models import Award, EvaluationRound
from devtools.scale import MINISTRY_SLUG, ScaleCounts, seed_scale
from devtools.scale_awards import ROUND_TITLE
from kit.roles import is_office
from kit.text import vi_slugify
from news.models import Commendation
from pledges.models import Pledge, ProgressReport
from units.models import Unit, UnitRole

pytestmark = pytest.mark.django_db

SMALL = ScaleCounts(units=40, provinces=5, pledges=120, reports=600, commendations=60)


def test_the_command_builds_the_counts_asked_for():
    out = StringIO()
    call_command(
        "seed_scale",
        "--units=40",
        "--provinces=5",
        "--pledges=120",
        "--reports=600",
        "--commendations=60",
        stdout=out,
    )
    assert "Created 40 units" in out.getvalue()
    ministry = Unit.objects.get(slug=MINISTRY_SLUG)
    assert ministry.parent is None
    assert ministry.children.count() == 5
    scale_units = Unit.objects.exclude(slug__in=["so-cong-thuong-ben-tre", "van-phong-so"])
    scale_units = scale_units.exclude(slug="trung-tam-khuyen-cong-xuc-tien-thuong-mai")
    assert scale_units.count() == 40
    # Divisions sit under the provinces: three levels in all.
    assert scale_units.filter(parent__parent=ministry).count() == 40 - 1 - 5
    assert Pledge.objects.count() == 120
    assert ProgressReport.objects.count() == 600
    assert Commendation.objects.count() == 60
    assert set(Pledge.objects.values_list("status", flat=True)) == set(Pledge.Status.values)
    assert Pledge.objects.values("theme").distinct().count() == 4
    # Every unit has a head.
    assert not scale_units.exclude(roles__role=UnitRole.Role.HEAD).exists()


def test_pledges_carry_their_newest_report_and_timelines_rise():
    seed_scale(counts=SMALL, seed=3)
    for pledge in Pledge.objects.prefetch_related("reports"):
        reports = list(pledge.reports.all())  # newest first
        if not reports:
            assert pledge.latest_percent == 0
            assert pledge.latest_report_at is None
            assert pledge.status != Pledge.Status.COMPLETED
            continue
        assert pledge.status in Pledge.PUBLIC_STATUSES  # reports only on public pledges
        assert (pledge.latest_percent, pledge.latest_report_at) == (
            reports[0].percent,
            reports[0].reported_at,
        )
        assert reports[0] == pledge.reports.latest()
        times = [r.reported_at for r in reports]
        assert times == sorted(set(times), reverse=True)  # distinct and rising
        if pledge.status == Pledge.Status.COMPLETED:
            assert reports[0].percent == 100
            assert pledge.completed_at == reports[0].reported_at
        else:
            assert all(r.percent < 100 for r in reports)


def test_commendations_are_stored_as_save_would_store_them():
    seed_scale(counts=SMALL, seed=3)
    assert Commendation.objects.published().count() > 0
    assert Commendation.objects.filter(status="draft").count() > 0
    dates = set(Commendation.objects.published().values_list("publish_at__date", flat=True))
    assert len(dates) > 20  # varied dates
    for commendation in Commendation.objects.all()[:20]:
        stored = (commendation.search_key, commendation.body)
        commendation.save()  # recomputes the derived fields
        assert (commendation.search_key, commendation.body) == stored
        assert commendation.slug.startswith(vi_slugify(commendation.title, max_length=90))
        assert commendation.form.accepts(commendation.honoree_kind)
    # Search finds them without diacritics.
    assert Commendation.objects.search("binh on gia").exists()


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    first, again, other = _digest_of(7), _digest_of(7), _digest_of(8)
    assert first == again
    assert first != other


def test_seeding_twice_is_refused():
    seed_scale(counts=SMALL)
    with pytest.raises(CommandError, match="already"):
        call_command("seed_scale", "--units=40", "--provinces=5", stdout=StringIO())


def test_accounts_can_log_in_only_with_a_password_given(monkeypatch):
    monkeypatch.setenv("SCALE_PASSWORD", "mot mat khau du dai 123")
    call_command(
        "seed_scale",
        *("--units=12", "--provinces=2", "--pledges=10", "--reports=30", "--commendations=5"),
        stdout=StringIO(),
    )
    users = get_user_model().objects
    assert users.get(username="scale-head-0002").check_password("mot mat khau du dai 123")
    office = users.get(username="scale-office")
    assert office.check_password("mot mat khau du dai 123")
    assert is_office(office)


def test_without_a_password_the_accounts_cannot_log_in():
    seed_scale(counts=SMALL)
    assert (
        not get_user_model()
        .objects.filter(username__startswith="scale-")
        .exclude(password__startswith="!")
        .exists()
    )


def _digest_of(seed: int) -> str:
    """What the dataset says, without database ids (which differ between runs)."""
    with transaction.atomic():
        seed_scale(counts=SMALL, seed=seed)
        rows = [
            *Unit.objects.order_by("slug").values_list("slug", "parent__slug", "name", "kind"),
            *UnitRole.objects.order_by("user__username").values_list(
                "user__username", "user__last_name", "unit__slug", "role"
            ),
            *Pledge.objects.order_by("title").values_list(
                "title", "unit__slug", "theme__number", "status", "latest_percent",
                "latest_report_at", "submitted_at", "due_on",
            ),
            *ProgressReport.objects.order_by("pledge__title", "reported_at").values_list(
                "pledge__title", "percent", "reported_at", "narrative"
            ),
            *Commendation.objects.order_by("slug").values_list(
                "slug", "unit__slug", "form__slug", "status", "publish_at", "search_key"
            ),
        ]  # fmt: skip
        counts = Pledge.objects.aggregate(n=Count("reports"))
        transaction.set_rollback(True)
    return hashlib.sha256(repr((rows, counts)).encode()).hexdigest()


def test_the_evaluation_round_is_voted_and_its_passed_proposals_decided():
    seed_scale(counts=ScaleCounts(**{**SMALL.__dict__, "proposals": 30}))
    evaluation = EvaluationRound.objects.get(title=ROUND_TITLE)
    assert evaluation.members.count() == 5
    assert evaluation.proposals.count() == 30
    decision = evaluation.decisions.get()
    assert decision.is_issued()
    # One in ten got 2 of 5 votes and failed; the others are on the decision, each awarded.
    assert Award.objects.filter(decision=decision).count() == 27
    assert Award.objects.filter(imported=True).count() == 60


def test_awards_only_tops_up_data_seeded_without_them_once():
    seed_scale(counts=ScaleCounts(**{**SMALL.__dict__, "proposals": 0}))
    assert not EvaluationRound.objects.exists()
    out = StringIO()
    call_command("seed_scale", "--awards-only", stdout=out)
    assert "300 proposals" in out.getvalue()
    call_command("seed_scale", "--awards-only", stdout=StringIO())
    assert EvaluationRound.objects.count() == 1


def test_awards_only_needs_the_scale_data():
    with pytest.raises(CommandError, match="seed_scale first"):
        call_command("seed_scale", "--awards-only", stdout=StringIO())
