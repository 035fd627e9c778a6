"""Whole public pages cached for anonymous visitors: a stored page costs no query, every write
to public content shows on the next request, and logged-in users never get a stored page nor
have theirs stored."""

from __future__ import annotations

import datetime as dt
import gzip
import logging
import os
import uuid
from functools import partial

import pytest
from django.contrib import messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import cache, caches
from django.core.cache.backends.base import BaseCache
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import timezone

from campaign.models import LegalDocument
from kit.cache import _bump, generation_key, public_generation, schedule_key
from kit.pagecache import AnonymousPageCacheMiddleware, check_shared_cache
from kit.public import STRUCTURE, TOPICS
from news.models import Commendation
from tests.factories import make_commendation, make_role, make_unit, make_user
from tests.public_counters import generations, moved_since
from units.models import Unit

pytestmark = pytest.mark.django_db


def urls(w) -> dict[str, str]:
    return {
        "home": reverse("home"),
        "home-en": "/en/",
        "campaigns": reverse("campaign:list"),
        "campaign": w.campaign.get_absolute_url(),
        "announcement": reverse("campaign:announcement", args=[w.campaign.slug]),
        "theme": w.theme.get_absolute_url(),
        "theme-page-2": w.theme.get_absolute_url() + "?page=2",
        "units": reverse("units:list"),
        "unit": w.unit.get_absolute_url(),
        "unit-en": "/en" + w.unit.get_absolute_url(),
        "pledge": w.pledge.get_absolute_url(),
        "news": reverse("news:list"),
        "news-search": reverse("news:list") + "?q=tran+thi+mai",
        "news-detail": w.commendation.get_absolute_url(),
        "honour-board": reverse("news:honour-board", args=[w.campaign.slug]),
        "feed-rss": reverse("news:feed-rss"),
        "feed-atom": reverse("news:feed-atom"),
        "sitemap": reverse("sitemap"),
        "sitemap-units": reverse("sitemap-section", args=["units"]),
        "sitemap-commendations": reverse("sitemap-section", args=["commendations"]),
        "robots": reverse("robots"),
    }


PAGES = [
    "home", "home-en", "campaigns", "campaign", "announcement", "theme", "theme-page-2", "units",
    "unit", "unit-en", "pledge", "news", "news-search", "news-detail", "honour-board", "feed-rss",
    "feed-atom", "sitemap", "sitemap-units", "sitemap-commendations", "robots",
]  # fmt: skip


def queries_of(client: Client, url: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


@pytest.mark.parametrize("name", PAGES)
def test_public_pages_set_no_cookie_for_anonymous_visitors(client, public, name):
    response = client.get(urls(public)[name])
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("name", PAGES)
def test_a_stored_page_is_served_without_a_query(
    client, public, page_cache, django_assert_num_queries, name
):
    url = urls(public)[name]
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    for header in ("Content-Type", "Content-Language", "Content-Security-Policy"):
        assert second.headers.get(header) == first.headers.get(header)


@pytest.mark.parametrize(
    ("accept", "gzipped"),
    [("gzip, deflate, br", True), ("br;q=1.0, gzip;q=0.5", True), ("gzip;q=0", False), ("", False)],
)
def test_stored_pages_are_sent_gzipped_to_browsers_that_take_it(
    client, public, page_cache, accept, gzipped
):
    url = reverse("news:honour-board", args=[public.campaign.slug])
    first = client.get(url)
    assert "Accept-Encoding" in first["Vary"]
    hit = client.get(url, headers={"accept-encoding": accept})
    assert hit["Vary"] == first["Vary"]
    body = hit.content
    if gzipped:
        assert hit["Content-Encoding"] == "gzip"
        body = gzip.decompress(body)
    else:
        assert "Content-Encoding" not in hit
    assert int(hit["Content-Length"]) == len(hit.content)
    assert body == first.content
    # A few bytes are not worth compressing.
    client.get(reverse("robots"))
    assert "Content-Encoding" not in client.get(
        reverse("robots"), headers={"accept-encoding": "gzip"}
    )


def test_each_language_and_query_string_is_a_page_of_its_own(client, public, page_cache):
    vietnamese = client.get(public.unit.get_absolute_url()).content.decode()
    english = client.get("/en" + public.unit.get_absolute_url()).content.decode()
    assert '<html lang="vi">' in vietnamese
    assert '<html lang="en">' in english
    found = client.get(reverse("news:list") + "?q=tran+thi+mai").content.decode()
    nothing = client.get(reverse("news:list") + "?q=khong+ai").content.decode()
    assert public.commendation.title in found
    assert public.commendation.title not in nothing


def test_the_page_cache_is_off_in_the_suite(client, public, settings):
    assert settings.PORTAL_PAGE_CACHE_SECONDS == 0
    client.get(reverse("home"))
    _response, count = queries_of(client, reverse("home"))
    assert count == 4


# --- Every kind of write shows on the next request --------------------------------------------


def report_progress(w, anon):
    head = Client()
    head.force_login(w.head)
    response = head.post(
        reverse("pledges:report", args=[w.pledge.pk]),
        {"percent": 75, "narrative": "Đã lắp đặt thêm 10 điểm bán bình ổn giá."},
    )
    assert response.status_code == 302
    return w.pledge.get_absolute_url(), "Đã lắp đặt thêm 10 điểm bán", None


def rename_unit(w, anon):
    w.unit.name = "Văn phòng Sở Công Thương"
    w.unit.save()
    return reverse("units:list"), "Văn phòng Sở Công Thương", None


def rename_head(w, anon):
    w.head.last_name = "Bình"
    w.head.save()
    return w.unit.get_absolute_url(), "Nguyễn Văn Bình", "Nguyễn Văn An"


def retitle_theme(w, anon):
    w.theme.title = "Ổn định thị trường hàng hóa thiết yếu"
    w.theme.save()
    return reverse("home"), "Ổn định thị trường hàng hóa thiết yếu", None


def publish_commendation(w, anon):
    make_commendation(campaign=w.campaign, unit=w.unit, title="Biểu dương anh Lê Văn Tám")
    return reverse("news:list"), "Biểu dương anh Lê Văn Tám", None


def delete_commendation(w, anon):
    Commendation.objects.filter(pk=w.commendation.pk).delete()
    return reverse("news:list"), None, w.commendation.title


def close_unit(w, anon):
    w.unit.is_active = False
    w.unit.save()
    return reverse("sitemap-section", args=["units"]), None, w.unit.get_absolute_url()


def list_commendation_in_the_sitemap(w, anon):
    new = make_commendation(campaign=w.campaign, unit=w.unit, title="Biểu dương anh Lê Văn Tám")
    return reverse("sitemap-section", args=["commendations"]), new.get_absolute_url(), None


def link_legal_document(w, anon):
    document = LegalDocument.objects.create(
        number="99/QĐ-SCT", issuer="Sở Công Thương", title="Về việc bình ổn giá"
    )
    w.pledge.legal_documents.add(document)
    return w.pledge.get_absolute_url(), "99/QĐ-SCT", None


WRITES = [
    report_progress,
    rename_unit,
    rename_head,
    retitle_theme,
    publish_commendation,
    delete_commendation,
    link_legal_document,
    close_unit,
    list_commendation_in_the_sitemap,
]


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__ for w in WRITES])
def test_a_write_shows_on_the_next_request(
    client, public, page_cache, django_capture_on_commit_callbacks, write
):
    # Every page that might show it is stored first.
    pages = {name: client.get(url).content for name, url in urls(public).items()}
    assert pages
    # Each write in a transaction of its own, as the admin, the services and autocommit do.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        url, shown, gone = write(public, client)
    html = client.get(url).content.decode()
    if shown:
        assert shown in html
    if gone:
        assert gone not in html


def test_publishing_in_the_admin_shows_on_the_next_request(
    client, public, page_cache, django_capture_on_commit_callbacks
):
    draft = make_commendation(
        campaign=public.campaign, unit=public.unit, status="draft", title="Gương sáng mới"
    )
    assert "Gương sáng mới" not in client.get(reverse("news:list")).content.decode()
    office = Client()
    office.force_login(make_user(office=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(
            reverse("admin:news_commendation_changelist"),
            {"action": "publish", "_selected_action": [draft.pk]},
        )
    assert response.status_code == 302
    assert "Gương sáng mới" in client.get(reverse("news:list")).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_committed_write_shows_without_test_helpers(client, page_cache):
    """A real commit (no captured callbacks): the counter moves on when the transaction ends."""
    unit = make_unit(name="Phòng Quản lý Thương mại")
    assert "Phòng Quản lý Thương mại" in client.get(reverse("units:list")).content.decode()
    with transaction.atomic():
        unit.name = "Phòng Thương mại điện tử"
        unit.save()
    assert "Phòng Thương mại điện tử" in client.get(reverse("units:list")).content.decode()


def test_a_progress_report_leaves_the_news_pages_stored(
    client, public, page_cache, django_capture_on_commit_callbacks, django_assert_num_queries
):
    honour_board = reverse("news:honour-board", args=[public.campaign.slug])
    news = [reverse("home"), reverse("news:list"), honour_board, reverse("units:list")]
    for url in [*news, public.pledge.get_absolute_url()]:
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        report_progress(public, client)
    with django_assert_num_queries(0):
        for url in news:
            assert client.get(url).status_code == 200
    assert "Đã lắp đặt thêm" in client.get(public.pledge.get_absolute_url()).content.decode()


def test_writes_in_one_transaction_move_the_counter_once(
    public, page_cache, django_capture_on_commit_callbacks
):
    before = generations()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for _ in range(3):
            make_unit()
    assert moved_since(before) == {STRUCTURE}


def test_a_rolled_back_write_leaves_the_pages_alone(
    client, public, page_cache, django_capture_on_commit_callbacks, django_assert_num_queries
):
    client.get(reverse("units:list"))
    before = generations()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        make_unit(name="Phòng sẽ không có")
        raise RuntimeError
    assert moved_since(before) == set()
    with django_assert_num_queries(0):
        client.get(reverse("units:list"))
    # The next write in the same connection still registers its own change.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        make_unit(name="Phòng có thật")
    assert moved_since(before) == {STRUCTURE}
    assert "Phòng có thật" in client.get(reverse("units:list")).content.decode()


def test_a_write_kept_after_a_rolled_back_savepoint_still_shows(
    client, public, page_cache, django_capture_on_commit_callbacks
):
    client.get(reverse("units:list"))
    before = generations()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            make_unit(name="Phòng sẽ không có")
            raise RuntimeError
        make_unit(name="Phòng có thật")
    assert moved_since(before) == {STRUCTURE}
    html = client.get(reverse("units:list")).content.decode()
    assert "Phòng có thật" in html
    assert "Phòng sẽ không có" not in html


def test_a_lost_counter_never_brings_back_old_pages(client, public, page_cache):
    client.get(reverse("units:list"))
    cache.delete(generation_key(STRUCTURE))  # evicted, or the cache restarted
    # Changed behind the ORM's back (no signal): only a new counter can show it.
    Unit.objects.filter(pk=public.unit.pk).update(name="Văn phòng (đổi tên)")
    assert "Văn phòng (đổi tên)" in client.get(reverse("units:list")).content.decode()


def test_two_processes_moving_a_topic_on_at_once_give_two_new_counters(page_cache, monkeypatch):
    """The file and database caches increment by reading, then writing: two processes that both
    read the counter before either wrote would write the same number, and a page stored under
    the first would then be served after the second write."""
    stale = int(public_generation([STRUCTURE]))  # what both processes read
    backend = caches["default"]
    read = backend.get

    def get(key, default=None, version=None):
        return stale if key == generation_key(STRUCTURE) else read(key, default, version)

    monkeypatch.setattr(backend, "get", get)
    monkeypatch.setattr(backend, "incr", partial(BaseCache.incr, backend))  # read, then write
    counters = []
    for _process in range(2):
        _bump(STRUCTURE)
        counters.append(read(generation_key(STRUCTURE)))
    assert len({stale, *counters}) == 3


def test_a_scheduled_commendation_appears_when_its_time_comes(
    client, public, page_cache, monkeypatch
):
    now = timezone.now()
    make_commendation(
        campaign=public.campaign,
        unit=public.unit,
        title="Tin đăng theo lịch",
        publish_at=now + dt.timedelta(hours=1),
    )
    assert "Tin đăng theo lịch" not in client.get(reverse("news:list")).content.decode()
    monkeypatch.setattr(timezone, "now", lambda: now + dt.timedelta(hours=2))
    assert "Tin đăng theo lịch" in client.get(reverse("news:list")).content.decode()


# --- Logged-in users and visitors with cookies ---------------------------------------------------


def test_logged_in_users_never_get_the_stored_page(client, public, page_cache):
    anonymous = client.get(reverse("home")).content.decode()
    assert "Đăng xuất" not in anonymous
    head = Client()
    head.force_login(public.head)
    response, count = queries_of(head, reverse("home"))
    assert "Đăng xuất" in response.content.decode()
    assert count > 0


def test_pages_of_logged_in_users_are_never_stored(client, public, page_cache):
    head = Client()
    head.force_login(public.head)
    other = Client()
    other.force_login(make_role(unit=make_unit()).user)
    url = public.pledge.get_absolute_url()
    report_button = reverse("pledges:report", args=[public.pledge.pk])
    assert report_button in head.get(url).content.decode()
    assert report_button not in other.get(url).content.decode()
    response, count = queries_of(client, url)
    assert count > 0  # nothing was stored by the heads' visits
    html = response.content.decode()
    assert report_button not in html
    assert "Đăng xuất" not in html
    assert "csrfmiddlewaretoken" not in html


@pytest.mark.parametrize("cookie", ["csrftoken", "sessionid", "messages"])
def test_a_visitor_with_a_session_or_csrf_cookie_is_never_served_nor_stored(
    client, public, page_cache, cookie
):
    client.get(reverse("home"))  # stored for cookie-less visitors
    visitor = Client()
    visitor.cookies[cookie] = "x" * 32
    # Rendered for them (its public part may come from the fragment cache, with no query).
    assert visitor.get(reverse("home")).templates
    cache.clear()
    visitor.get(reverse("units:list"))
    _response, count = queries_of(client, reverse("units:list"))
    assert count > 0  # the visitor's page was not stored


@pytest.mark.parametrize("shown", [False, True], ids=["queued", "shown"])
def test_a_page_made_with_a_message_is_never_stored(rf, public, page_cache, shown):
    made = []

    def view(request):
        # What the URL resolver, then a view telling its visitor something, would do.
        request.resolver_match = resolve(request.path_info)
        made.append(request)
        if len(made) == 1:
            messages.info(request, "Đã gửi ý kiến.")
            if shown:
                list(messages.get_messages(request))  # as the page's template does
        return HttpResponse("<p>Trang chủ</p>")

    stack = AnonymousPageCacheMiddleware(SessionMiddleware(MessageMiddleware(view)))
    for _ in range(3):
        assert stack(rf.get(reverse("home"))).status_code == 200
    # The first page (with its message) was not kept; the second (without) was.
    assert len(made) == 2


def test_only_public_pages_and_plain_answers_are_stored(client, public, page_cache):
    for url in ("/units/khong-co-don-vi-nay/", reverse("news:honour-board-current")):
        first = client.get(url)
        assert first.status_code in (302, 404)
        # Made again (the current campaign a redirect needs may come from the cache, so the
        # count of queries tells nothing): no page was stored.
        assert client.get(url).status_code == first.status_code
        assert not [key for key in cache._cache if ":portal:page:" in key]  # locmem's keys


# --- Aggregates under the same counter ---------------------------------------------------------


def test_campaign_figures_are_cached_for_logged_in_users_and_fresh_after_a_write(
    public, settings, django_capture_on_commit_callbacks
):
    head = Client()
    head.force_login(public.head)
    url = public.campaign.get_absolute_url()
    _response, uncached = queries_of(head, url)
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()
    head.get(url)  # computes and keeps the figures
    second, cached = queries_of(head, url)
    # Left: the session, the user, the campaign and its phases; the page's public part (with
    # the rollup's two queries) and the current campaign come from the cache.
    assert (uncached, cached) == (10, 4)
    assert "40%" in second.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        head.post(
            reverse("pledges:report", args=[public.pledge.pk]),
            {"percent": 90, "narrative": "Gần hoàn thành."},
        )
    third, count = queries_of(head, url)
    # The public part again, with the rollup: its pledges changed. The current campaign is
    # still the cached one (the structure did not change).
    assert count == uncached - 1
    assert "90%" in third.content.decode()


# --- Files under var/cache, the default: shared by the processes of one machine ----------------


@pytest.fixture
def file_cache(settings, tmp_path):
    """The cache an install gets without CACHE_URL (config/settings.py), in a folder of the
    test's own that does not exist yet."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "var" / "cache"),
            "TIMEOUT": 3600,
            "OPTIONS": {"MAX_ENTRIES": 2000, "CULL_FREQUENCY": 4},
        }
    }
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    return tmp_path / "var" / "cache"


def test_with_the_file_cache_a_stored_page_costs_no_query_and_a_write_shows(
    client, public, file_cache, django_assert_num_queries, django_capture_on_commit_callbacks
):
    url = reverse("units:list")
    first = client.get(url)
    assert list(file_cache.glob("*.djcache"))  # the folder was made and the page kept there
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        public.unit.name = "Văn phòng Sở (tệp)"
        public.unit.save()
    assert "Văn phòng Sở (tệp)" in client.get(url).content.decode()
    with django_assert_num_queries(0):
        assert "Văn phòng Sở (tệp)" in client.get(url).content.decode()


def test_a_file_cache_that_cannot_be_written_only_costs_the_rendering(
    client, public, file_cache, settings, caplog, django_capture_on_commit_callbacks
):
    # A file where the folder should be: no process, root included, can make it.
    (file_cache.parent).mkdir(parents=True)
    file_cache.write_text("")
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": str(file_cache / "x")}}
    url = reverse("units:list")
    with caplog.at_level(logging.ERROR, logger="kit"):
        for _ in range(2):
            assert client.get(url).status_code == 200
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            public.unit.name = "Văn phòng Sở (không có bộ nhớ đệm)"
            public.unit.save()
        assert "Văn phòng Sở (không có bộ nhớ đệm)" in client.get(url).content.decode()
    assert "page cache unavailable" in caplog.text


# --- Redis, shared by several app servers -------------------------------------------------------


@pytest.fixture
def redis_cache(settings):
    url = "redis://127.0.0.1:6379/15"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",  # shares nothing with other runs
        }
    }
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    try:
        cache.set("ping", 1, 5)
    except Exception as error:  # noqa: BLE001 - any failure means there is no Redis here
        if os.environ.get("PORTAL_TESTS_NEED_REDIS"):  # .ci/run starts one: never skipped there
            pytest.fail(f"no Redis at {url}: {error}")
        pytest.skip(f"no Redis at {url}: {error}")
    yield
    cache.delete_many([*map(generation_key, TOPICS), *map(schedule_key, TOPICS), "ping"])


def test_with_redis_a_stored_page_costs_no_query_and_a_write_shows(
    client, public, redis_cache, django_assert_num_queries, django_capture_on_commit_callbacks
):
    url = reverse("units:list")
    client.get(url)
    with django_assert_num_queries(0):
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        public.unit.name = "Văn phòng Sở (Redis)"
        public.unit.save()
    assert "Văn phòng Sở (Redis)" in client.get(url).content.decode()


def test_pages_are_served_while_the_cache_is_down(client, public, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    for url in (reverse("home"), public.campaign.get_absolute_url()):
        assert client.get(url).status_code == 200
    assert "cache unavailable" in caplog.text


def test_the_deploy_check_warns_of_a_per_process_page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    assert [w.id for w in check_shared_cache(None)] == ["portal.W001"]
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    assert check_shared_cache(None) == []
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    assert check_shared_cache(None) == []
