"""A draft or a scheduled commendation is nowhere public until its time; then it is everywhere."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Commendation
from tests.factories import make_commendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(campaign, theme, unit):
    common = {"campaign": campaign, "theme": theme, "unit": unit}
    return {
        "public": make_commendation(title="Đã đăng công khai", honoree_name="Công Khai", **common),
        "draft": make_commendation(
            title="Bản nháp chưa đăng", honoree_name="Bản Nháp", status="draft", **common
        ),
        "future": make_commendation(
            title="Hẹn giờ đăng sau",
            honoree_name="Hẹn Giờ",
            publish_at=timezone.now() + dt.timedelta(days=2),
            **common,
        ),
    }


def public_places(campaign, theme, unit) -> dict[str, str]:
    slug, number = campaign.slug, theme.number
    return {
        "list": reverse("news:list"),
        "search": reverse("news:list") + "?q=dang",
        "list-en": "/en" + reverse("news:list"),
        "home": reverse("home"),
        "unit page": unit.get_absolute_url(),
        "theme page": theme.get_absolute_url(),
        "honour board": reverse("news:honour-board", args=[slug]),
        "rss": reverse("news:feed-rss"),
        "atom": reverse("news:feed-atom"),
        "theme rss": reverse("news:theme-feed-rss", args=[slug, number]),
        "theme atom": reverse("news:theme-feed-atom", args=[slug, number]),
        "sitemap": reverse("sitemap-section", args=["commendations"]),
    }


def seen_in(client, places, commendation: Commendation) -> dict[str, bool]:
    seen = {}
    for name, url in places.items():
        response = client.get(url)
        assert response.status_code == 200, name
        html = response.content.decode()
        seen[name] = commendation.slug in html or commendation.honoree_name in html
    return seen


def test_only_the_published_item_is_public(client, setup, campaign, theme, unit):
    places = public_places(campaign, theme, unit)
    places.pop("search")  # "dang" matches the published title only; checked below
    assert all(seen_in(client, places, setup["public"]).values())
    for hidden in ("draft", "future"):
        assert not any(seen_in(client, places, setup[hidden]).values()), hidden
        assert client.get(setup[hidden].get_absolute_url()).status_code == 404
        assert client.get("/en" + setup[hidden].get_absolute_url()).status_code == 404


def test_search_does_not_reveal_hidden_items(client, setup):
    for hidden in ("draft", "future"):
        response = client.get(reverse("news:list"), {"q": setup[hidden].honoree_name})
        assert list(response.context["commendations"]) == []


def test_scheduled_item_appears_everywhere_once_its_time_has_come(
    client, setup, campaign, theme, unit
):
    future = setup["future"]
    future.publish_at = timezone.now() - dt.timedelta(seconds=1)
    future.save()
    assert client.get(future.get_absolute_url()).status_code == 200
    assert all(seen_in(client, public_places(campaign, theme, unit), future).values())


def test_draft_appears_everywhere_once_published(client, setup, campaign, theme, unit):
    draft = setup["draft"]
    draft.status = Commendation.Status.PUBLISHED
    draft.save()
    assert client.get(draft.get_absolute_url()).status_code == 200
    places = public_places(campaign, theme, unit)
    places["search"] = reverse("news:list") + "?q=ban+nhap"
    assert all(seen_in(client, places, draft).values())


def test_unpublishing_hides_it_again(client, setup):
    public = setup["public"]
    public.status = Commendation.Status.DRAFT
    public.save()
    assert client.get(public.get_absolute_url()).status_code == 404
    assert public.slug not in client.get(reverse("news:feed-rss")).content.decode()


def test_home_shows_the_latest_three_newest_first(client, campaign):
    now = timezone.now()
    items = [
        make_commendation(campaign=campaign, publish_at=now - dt.timedelta(days=d))
        for d in range(5)
    ]
    shown = list(client.get(reverse("home")).context["latest_commendations"])
    assert shown == items[:3]
