"""Every public page and the office pages run the same exact number of queries on a national-
shaped dataset (seed_scale: hundreds of units, pledges and commendations, thousands of progress
reports) as on the small data of tests/*/test_queries.py, so an N+1 shows up here as a failure.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count
from django.urls import reverse

from awards.models import Award, EvaluationRound
from devtools.scale import ScaleCounts, seed_scale
from news.models import Commendation
from pledges.models import Pledge
from portal.pages import THEME_PLEDGES_PER_PAGE
from tests.perf.targets import public_pages
from units.models import UnitRole

# The marker also makes pytest-django set up the test database the module fixture needs.
pytestmark = pytest.mark.django_db

COUNTS = ScaleCounts(units=300, provinces=12, pledges=400, reports=3000, commendations=300)

# name -> (who, exact queries); the same budgets as the small-data tests.
BUDGETS = {
    "home": (None, 4),
    "home-en": (None, 4),
    "campaigns": (None, 3),
    "campaign": (None, 8),  # + the phases of the timeline
    "announcement": (None, 3),
    "theme": (None, 8),
    "theme-page-3": (None, 8),
    "units": (None, 2),
    "unit": (None, 6),
    "pledge": (None, 5),
    "news list": (None, 6),
    "news list page 5": (None, 6),
    "news search": (None, 6),
    "news filtered": (None, 9),
    "news detail": (None, 3),
    "honour board": (None, 3),
    "feed-rss": (None, 1),
    "theme-feed-rss": (None, 2),
    # + the published scoring rounds (leaderboards), + announcements, + public pledges,
    # + public commendation decisions
    "sitemap": (None, 9),
    # Logged in: the office's review queue, a pledge page and its inbox; a head's workspace.
    # The office's pages count what waits for it once (the badges of its header menu).
    "review queue": ("office", 7),
    "pledge (office)": ("office", 10),
    "office inbox": ("office", 10),  # the current campaign, shared with the footer
    "workspace": ("head", 8),  # + the campaigns' phases (the phase now and its deadline)
    # The commendation decisions (seed_scale's round of one proposal per unit, its decision).
    "evaluation rounds": ("office", 6),
    "evaluation round": ("office", 11),
    "decision": ("office", 9),
    "decision print": ("office", 9),
    "certificates": ("office", 8),
}


def award_urls() -> dict[str, str]:
    evaluation = EvaluationRound.objects.get()
    decision = evaluation.decisions.get()
    return {
        "evaluation rounds": reverse("awards:rounds"),
        "evaluation round": reverse("awards:round", args=[evaluation.pk]),
        "decision": reverse("awards:decision", args=[decision.pk]),
        "decision print": reverse("awards:decision-print", args=[decision.pk]),
        "certificates": reverse("awards:certificates", args=[decision.pk]),
    }


@pytest.fixture(scope="module")
def scale(django_db_setup, django_db_blocker):
    """The dataset, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        seed_scale(counts=COUNTS, seed=5)
        pages = public_pages()
        commendation = Commendation.objects.published().select_related("unit", "form").first()
        theme_url = pages["theme"]
        head = (
            UnitRole.objects.filter(role=UnitRole.Role.HEAD)
            .annotate(n=Count("unit__pledges"))
            .order_by("-n")
            .first()
            .user
        )
        urls = {
            "home": pages["home"],
            "home-en": "/en/",
            "campaigns": reverse("campaign:list"),
            "campaign": pages["campaign"],
            "announcement": pages["campaign"] + "announcement/",
            "theme": theme_url,
            "theme-page-3": theme_url + "?page=3",
            "units": reverse("units:list"),
            "unit": pages["unit"],
            "pledge": pages["pledge"],
            "news list": pages["news list"],
            "news list page 5": pages["news list"] + "?page=5",
            "news search": pages["news list"] + "?q=binh+on+gia",
            "news filtered": pages["news list"]
            + f"?theme={commendation.theme_id or ''}&unit={commendation.unit.slug}"
            f"&form={commendation.form.slug}",
            "news detail": pages["news detail"],
            "honour board": pages["honour board"],
            "feed-rss": reverse("news:feed-rss"),
            "theme-feed-rss": reverse("news:theme-feed-rss", args=theme_url.split("/")[2:5:2]),
            "sitemap": reverse("sitemap"),
            "review queue": reverse("pledges:review-queue"),
            "office inbox": reverse("office:index"),
            "pledge (office)": pages["pledge"],
            "workspace": reverse("pledges:workspace"),
            **award_urls(),
        }
        users = {"office": get_user_model().objects.get(username="scale-office"), "head": head}
        yield urls, users
        transaction.set_rollback(True)


@pytest.mark.parametrize("name", list(BUDGETS))
def test_the_query_count_does_not_grow_with_the_data(
    client, scale, django_assert_num_queries, name
):
    urls, users = scale
    who, budget = BUDGETS[name]
    if who:
        client.force_login(users[who])
    with django_assert_num_queries(budget):
        response = client.get(urls[name])
    assert response.status_code == 200
    context = response.context
    # The pages really carry the large data (else a fixed count would prove nothing).
    if name == "honour board":
        assert context["total"] == Commendation.objects.published().count() > 250
    if name == "theme":
        assert len(context["theme_pledges"]) == THEME_PLEDGES_PER_PAGE
    if name == "campaign":
        # Every province, and the Ministry if it pledged itself.
        assert COUNTS.provinces <= len(context["branches"]) <= COUNTS.provinces + 1
    if name == "units":
        assert len(context["units"]) > COUNTS.units * 0.95
    if name == "pledge":
        assert len(context["reports"]) == max(
            Pledge.objects.annotate(n=Count("reports")).values_list("n", flat=True)
        )
    if name == "review queue":
        assert len(context["pledges"]) == 25
    if name in ("decision print", "certificates"):
        # Nine in ten of the proposals (one per unit) passed: every one of them is printed.
        names = Award.objects.filter(decision__isnull=False).values_list("honoree_name", flat=True)
        assert len(names) == COUNTS.units * 9 // 10
        html = response.content.decode()
        assert all(name in html for name in names)
