"""Every public news page runs a fixed number of queries, with 5 commendations or 300."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Commendation, CommendationForm
from tests.factories import make_campaign, make_commendation, make_unit
from tests.images import jpeg_bytes
from tests.isolation import records_for_the_module

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", params=[5, 300], ids=["5-items", "300-items"])
def _published(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module per number, since the tests only read; each test's own
    writes are rolled back after it."""
    folder = tmp_path_factory.mktemp("news-queries")
    with records_for_the_module(django_db_blocker, folder):
        campaign = make_campaign(title="Phong trào thi đua phòng, chống dịch COVID-19")
        yield publish(campaign, request.param), folder


@pytest.fixture
def commendations(_published, settings):
    """Published commendations spread over units, themes and forms, with their photos in the
    module's folder rather than the test's empty one."""
    items, folder = _published
    settings.MEDIA_ROOT = folder / "media"
    return items


def publish(campaign, count: int) -> list:
    """`count` published commendations spread over units, themes and forms."""
    units = [make_unit() for _ in range(4)]
    themes = list(campaign.themes.all())
    forms = [f for f in CommendationForm.objects.all() if f.accepts("person")]
    now = timezone.now()
    items = [
        make_commendation(
            campaign=campaign,
            unit=units[i % 4],
            theme=themes[i % 4],
            form=forms[i % len(forms)],
            publish_at=now - dt.timedelta(minutes=i + 1),
            photo=jpeg_bytes(size=(64, 48)) if i < 3 else None,
            photo_consent=i < 3,
            decision_number=f"{i + 1}/QĐ-SCT",
            decision_date=dt.date(2022, 6, 1),
        )
        for i in range(count)
    ]
    make_commendation(campaign=campaign, status="draft")
    assert Commendation.objects.published().count() == count
    return items


# name -> (path builder, exact queries)
BUDGETS = {
    # page count, page rows, theme / form choices of the filter form, footer campaign (the
    # unit is typed, not chosen from a list of every unit)
    "list": (lambda c: reverse("news:list"), 5),
    "list-search": (lambda c: reverse("news:list") + "?q=bieu+duong", 5),
    # ... plus one lookup per chosen filter value (theme, unit, form)
    "list-filtered": (
        lambda c: (
            reverse("news:list")
            + f"?theme={c[0].theme_id}&unit={c[0].unit.slug}&form={c[0].form.slug}"
        ),
        8,
    ),
    # ... plus the units whose names match the typed part, shown as choices
    "list-unit-name": (lambda c: reverse("news:list") + "?unit_name=phong", 6),
    # the article with unit, form, theme and campaign; related items; footer campaign
    "detail": (lambda c: c[0].get_absolute_url(), 3),
    # the campaign; its titles and forms with their counts (the total too), a page of
    # honourees with form and unit, the counts of the page's decisions by form; footer campaign
    "honour-board": (lambda c: reverse("news:honour-board", args=[c[0].campaign.slug]), 5),
    "feed-rss": (lambda c: reverse("news:feed-rss"), 1),
    "feed-atom": (lambda c: reverse("news:feed-atom"), 1),
    # the theme with its campaign, then its items
    "theme-feed-rss": (lambda c: reverse("news:theme-feed-rss", args=[c[0].campaign.slug, 1]), 2),
    # The sitemap index: the count of each section's items (campaigns, announcements, themes,
    # units, pledges, commendations, honour boards, leaderboards, decisions; the index pages are
    # a list), and the latest date of the four sections that date their items (pledges,
    # commendations, leaderboards, decisions)
    "sitemap": (lambda c: reverse("sitemap"), 13),
    # a section's page: its count, its page of items
    "sitemap-commendations": (lambda c: reverse("sitemap-section", args=["commendations"]), 2),
}


@pytest.mark.parametrize("name", list(BUDGETS))
def test_query_count_is_fixed(client, commendations, django_assert_num_queries, name):
    path, budget = BUDGETS[name]
    url = path(commendations)
    with django_assert_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200
    if name == "honour-board":
        assert response.context["total"] == len(commendations)
        assert len(response.context["page_obj"]) == min(30, len(commendations))
    if name == "list":
        assert len(response.context["commendations"]) == min(12, len(commendations))
