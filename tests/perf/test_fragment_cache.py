"""The public part of pages drawn for logged-in people, kept in the cache ({% publicfragment %},
kit/templatetags/fragments.py): the same for everyone who may see it, never one person's data
shown to another, fresh on the next request after a write, and fewer, fixed queries."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client
from django.urls import reverse

from campaign.models import Theme
from tests.factories import make_role, make_unit, make_user

pytestmark = pytest.mark.django_db

LOG_OUT = "Đăng xuất"


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def pages(w) -> dict[str, str]:
    return {
        "home": reverse("home"),
        "campaign": w.campaign.get_absolute_url(),
        "theme": w.theme.get_absolute_url(),
        "unit": w.unit.get_absolute_url(),
        "news detail": w.commendation.get_absolute_url(),
    }


def fragments() -> list[str]:
    return [key for key in cache._cache if ":portal:aggregate:" in key and ":fragment:" in key]


# --- Nobody sees anyone else's part of a page -------------------------------------------------


@pytest.mark.parametrize("name", ["home", "campaign", "theme", "unit", "news detail"])
def test_a_page_drawn_first_for_a_head_shows_nothing_of_theirs_to_others(
    client, public, page_cache, name
):
    url = pages(public)[name]
    head_a = logged_in(public.head)
    assert "Nguyễn Văn An" in head_a.get(url).content.decode()
    assert fragments()  # the public part is kept from the head's visit
    other = make_user(username="head_b", first_name="Lê Thị", last_name="Bích")
    make_role(user=other, unit=make_unit())
    html_b = logged_in(other).get(url).content.decode()
    assert "Lê Thị Bích" in html_b
    anonymous = client.get(url).content.decode()
    assert LOG_OUT not in anonymous
    assert "csrfmiddlewaretoken" not in anonymous
    if name != "unit":  # the unit page lists its heads by name, for everyone
        assert "Nguyễn Văn An" not in html_b
        assert "Nguyễn Văn An" not in anonymous


def test_a_step_offered_to_a_head_is_never_offered_to_a_visitor_or_the_office(
    client, public, page_cache
):
    # A theme without pledges offers each kind of reader their own next step (_empty.html).
    empty = Theme.objects.create(campaign=public.campaign, number=9, title="Chủ đề trống")
    url = empty.get_absolute_url()
    workspace_link = reverse("pledges:workspace")
    login_link = reverse("login")
    assert workspace_link in logged_in(public.head).get(url).content.decode()
    visitor = client.get(url).content.decode()
    assert f"{login_link}?next=" in visitor
    assert f'<a href="{workspace_link}"' not in visitor
    office = logged_in(make_user(office=True)).get(url).content.decode()
    assert "empty-action" not in office


def test_each_language_and_page_number_has_its_own_fragment(public, page_cache):
    head = logged_in(public.head)
    contact = '<h2 id="unit-contact" class="h5">Contact</h2>'
    assert contact not in head.get(public.unit.get_absolute_url()).content.decode()
    assert contact in head.get("/en" + public.unit.get_absolute_url()).content.decode()
    assert len(fragments()) == 2
    head.get(public.theme.get_absolute_url())
    head.get(public.theme.get_absolute_url() + "?page=2")
    assert len(fragments()) == 4


# --- A write shows on the next request -----------------------------------------------------------


def report_progress(w):
    response = logged_in(w.head).post(
        reverse("pledges:report", args=[w.pledge.pk]),
        {"percent": 75, "narrative": "Đã lắp đặt thêm 10 điểm bán bình ổn giá."},
    )
    assert response.status_code == 302
    return "75%"


def rename_head(w):
    w.head.last_name = "Bình"
    w.head.save()
    return "Nguyễn Văn Bình"


def retitle_theme(w):
    w.theme.title = "Ổn định thị trường hàng hóa thiết yếu"
    w.theme.save()
    return "Ổn định thị trường hàng hóa thiết yếu"


def retitle_commendation(w):
    w.commendation.title = "Tuyên dương chị Mai"
    w.commendation.save()
    return "Tuyên dương chị Mai"


@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("theme", report_progress),
        ("campaign", report_progress),
        ("unit", rename_head),
        ("home", retitle_theme),
        ("theme", retitle_theme),
        ("news detail", retitle_commendation),
    ],
)
def test_a_write_shows_to_a_logged_in_head_on_the_next_request(
    public, page_cache, django_capture_on_commit_callbacks, name, write
):
    url = pages(public)[name]
    head = logged_in(public.head)
    head.get(url)
    assert fragments()  # the public part is kept
    with django_capture_on_commit_callbacks(execute=True):
        shown = write(public)
    assert shown in head.get(url).content.decode()


# --- Fewer, fixed queries ------------------------------------------------------------------------

# name -> (queries with the caches off, queries once the public part is kept). What is left:
# the session, the user and what the view reads to answer 404 (the theme, the unit, the
# campaign with its phases, the commendation).
BUDGETS = {
    "home": (6, 2),
    "campaign": (10, 4),
    "theme": (10, 3),
    "unit": (8, 3),
    "news detail": (5, 3),
}


@pytest.mark.parametrize("name", list(BUDGETS))
def test_a_kept_public_part_costs_fewer_fixed_queries(
    public, settings, django_assert_num_queries, name
):
    url = pages(public)[name]
    head = logged_in(public.head)
    uncached, cached = BUDGETS[name]
    with django_assert_num_queries(uncached):
        drawn = head.get(url)
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()
    head.get(url)
    with django_assert_num_queries(cached):
        kept = head.get(url)
    cache.clear()
    assert kept.status_code == drawn.status_code == 200
    # The same page: only the CSRF token of the header's log-out form differs.
    assert _without_tokens(kept.content) == _without_tokens(drawn.content)


def _without_tokens(html: bytes) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html.decode())


# --- The tag ------------------------------------------------------------------------------------


def test_the_tag_refuses_an_unknown_topic(page_cache):
    template = Template(
        '{% load fragments %}{% publicfragment "x" "weather" %}-{% endpublicfragment %}'
    )
    with pytest.raises(TemplateSyntaxError):
        template.render(Context({}))


def test_without_the_cache_the_fragment_is_drawn_every_time(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    template = Template(
        '{% load fragments %}{% publicfragment "x" "news" %}{{ n }}{% endpublicfragment %}'
    )
    assert [template.render(Context({"n": n})) for n in (1, 2)] == ["1", "2"]


# --- Pages that are all personal: what is the same for everyone comes from the cache ------------


@pytest.mark.parametrize(
    ("who", "name", "uncached", "cached"),
    [
        # The running campaigns with their phases and themes, and the footer's campaign.
        ("head", "pledges:workspace", 8, 4),
        ("office", "pledges:review-queue", 6, 5),  # the footer's campaign
    ],
)
def test_personal_pages_read_the_shared_structure_from_the_cache(
    public, settings, django_assert_num_queries, who, name, uncached, cached
):
    client = logged_in(public.head if who == "head" else make_user(office=True))
    url = reverse(name)
    with django_assert_num_queries(uncached):
        drawn = client.get(url)
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()
    client.get(url)
    with django_assert_num_queries(cached):
        kept = client.get(url)
    cache.clear()
    assert _without_tokens(kept.content) == _without_tokens(drawn.content)
