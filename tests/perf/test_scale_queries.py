"""Every public page and the office pages run the same exact number of queries on a national-
shaped dataset (seed_scale: hundreds of units, pledges and commendations, thousands of progress
reports) as on the small data of tests/*/test_queries.py, so an N+1 shows up here as a failure.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse

from awards.models import Award, EvaluationRound
from devtools.scale import ScaleCounts, seed_scale
from kit.public import PublicSitemap
from news.forms import UNIT_CHOICES
from news.models import Commendation
from news.views import HONOUR_BOARD_PER_PAGE
from pledges.models import Pledge
from portal.pages import THEME_PLEDGES_PER_PAGE
from tests.perf.targets import office_scale_pages, public_pages
from units.models import Unit, UnitRole
from units.views import FOUND_PER_PAGE

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
    "units search": (None, 3),
    "unit": (None, 6),
    "pledge": (None, 5),
    "news list": (None, 5),
    "news list page 5": (None, 5),
    "news search": (None, 5),
    "news filtered": (None, 8),
    "news by unit name": (None, 6),
    "news detail": (None, 3),
    "honour board": (None, 5),
    "honour board page 4": (None, 5),
    "honour board one form": (None, 5),
    "feed-rss": (None, 1),
    "theme-feed-rss": (None, 2),
    # The sitemap index: each section's count, and the latest date of the four dated ones;
    # a page of the largest sections: the count, the page's items.
    "sitemap": (None, 13),
    "sitemap pledges": (None, 2),
    "sitemap commendations": (None, 2),
    # Logged in: the office's review queue, a pledge page and its inbox; a head's workspace.
    # The office's pages count what waits for it once (the badges of its header menu).
    "review queue": ("office", 7),
    "pledge (office)": ("office", 10),
    "office inbox": ("office", 10),  # the current campaign, shared with the footer
    "workspace": ("head", 8),  # + the campaigns' phases (the phase now and its deadline)
    # The commendation decisions (seed_scale's round of one proposal per unit, its decision).
    "evaluation rounds": ("office", 6),
    "evaluation round": ("office", 12),  # + the whole round's votes (counts, pages)
    "decision": ("office", 9),
    "decision print": ("office", 9),
    "certificates": ("office", 9),  # + the campaign, read once
    # The office dashboard's pages (tests/reports/test_queries.py): the coverage matrix with the
    # provinces summed up and one opened, the statistics and the review reports.
    "office dashboard (coverage)": ("office", 10),
    "office dashboard (a subtree)": ("office", 10),
    "office statistics": ("office", 14),
    # The scale data has no photos and no accepted nominations, so the candidates' photos and
    # the nominations' photos are not asked for: two fewer than on the small data.
    "office review report (whole tree)": ("office", 18),
    "office review report (subtree)": ("office", 19),
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
            "units search": reverse("units:list") + "?q=phong",
            "unit": pages["unit"],
            "pledge": pages["pledge"],
            "news list": pages["news list"],
            "news list page 5": pages["news list"] + "?page=5",
            "news search": pages["news list"] + "?q=binh+on+gia",
            "news filtered": pages["news list"]
            + f"?theme={commendation.theme_id or ''}&unit={commendation.unit.slug}"
            f"&form={commendation.form.slug}",
            "news by unit name": pages["news list"] + "?unit_name=phong",
            "news detail": pages["news detail"],
            "honour board": pages["honour board"],
            "honour board page 4": pages["honour board"] + "?page=4",
            "honour board one form": pages["honour board"] + f"?form={commendation.form.slug}",
            "feed-rss": reverse("news:feed-rss"),
            "theme-feed-rss": reverse("news:theme-feed-rss", args=theme_url.split("/")[2:5:2]),
            "sitemap": reverse("sitemap"),
            "sitemap pledges": reverse("sitemap-section", args=["pledges"]),
            "sitemap commendations": reverse("sitemap-section", args=["commendations"]),
            "review queue": reverse("pledges:review-queue"),
            "office inbox": reverse("office:index"),
            "pledge (office)": pages["pledge"],
            "workspace": reverse("pledges:workspace"),
            **award_urls(),
            **office_scale_pages(),
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
    if name.startswith("honour board"):
        assert context["total"] == Commendation.objects.published().count() > 250
        # A page of names, not the whole board: its weight does not grow with the board.
        assert len(context["page_obj"]) == HONOUR_BOARD_PER_PAGE
        assert response.content.decode().count('class="honour-name') == HONOUR_BOARD_PER_PAGE
    if name == "theme":
        assert len(context["theme_pledges"]) == THEME_PLEDGES_PER_PAGE
    # A full page of addresses (each item in both languages).
    if name == "sitemap pledges":
        shown = Pledge.objects.public().count() * 2
        assert len(context["urlset"]) == min(shown, PublicSitemap.limit) > 500
    if name == "sitemap commendations":
        shown = Commendation.objects.published().count() * 2
        assert len(context["urlset"]) == min(shown, PublicSitemap.limit) > 500
    if name == "campaign":
        # Every province, and the Ministry if it pledged itself.
        assert COUNTS.provinces <= len(context["branches"]) <= COUNTS.provinces + 1
    if name == "units":
        # Every unit is read and counted, but only the tree's first two levels are listed.
        assert context["total"] == Unit.objects.active().count() > COUNTS.units * 0.95
        top = Unit.objects.active().filter(Q(parent=None) | Q(parent__parent=None))
        assert len(context["units"]) == top.count() <= COUNTS.provinces + 4  # + demo units
        assert response.content.decode().count('class="unit-node') == len(context["units"])
    if name == "units search":
        assert len(context["page_obj"]) == FOUND_PER_PAGE < context["page_obj"].paginator.count
    if name.startswith("news"):
        # The filter offers themes and forms, never every unit.
        assert response.content.decode().count("<option") < 30
    if name == "news by unit name":
        assert len(context["filters"].unit_choices) == UNIT_CHOICES
    if name == "pledge":
        assert len(context["reports"]) == max(
            Pledge.objects.annotate(n=Count("reports")).values_list("n", flat=True)
        )
    if name == "office dashboard (coverage)":
        assert sum(len(g.summaries) for g in context["matrix"].groups) == COUNTS.provinces
    if name == "review queue":
        assert len(context["pledges"]) == 25
    if name in ("decision print", "certificates"):
        # Nine in ten of the proposals (one per unit) passed: every one of them is printed.
        names = Award.objects.filter(decision__isnull=False).values_list("honoree_name", flat=True)
        assert len(names) == COUNTS.units * 9 // 10
        html = response.content.decode()
        assert all(name in html for name in names)
