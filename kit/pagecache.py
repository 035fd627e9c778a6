"""Whole public pages kept in the cache for anonymous visitors.

A page is stored only when an anonymous visitor without a session, CSRF or messages cookie asked
for one of the public pages the apps declare (kit/public.py, PAGES) and got a plain 200 that
sets no cookie; it is served again only to such visitors, by URL (scheme, host, language
prefix, path and query string) under the counters of the topics of public content it shows
(kit/cache.py), which every write to them moves on.
Logged-in users never get a stored page and their pages are never stored.
"""

from __future__ import annotations

import gzip
import hashlib
import logging

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.checks import Tags, Warning, register
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import split_header_value

from kit.cache import CACHE_ERRORS, cache_seconds, public_generation
from kit.public import registry

log = logging.getLogger(__name__)

# A response varying on anything else is not the same for every anonymous visitor.
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}
# Stored pages are kept gzipped (compressed once, served many times: a national honour board is
# megabytes of HTML); visitors whose browser does not take gzip get them unpacked.
COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/atom+xml")
MIN_COMPRESS = 1024


def _visitor_cookies() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, CookieStorage.cookie_name)


class AnonymousPageCacheMiddleware:
    """Placed right after WhiteNoise: a stored page is answered before sessions, locale or
    authentication run, with the headers the inner middleware gave it when it was rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = cache_seconds()
        if (
            seconds <= 0
            or settings.PORTAL_REQUIRE_LOGIN
            or request.method != "GET"
            or any(name in request.COOKIES for name in _visitor_cookies())
            or (topics := _public_topics(request)) is None
        ):
            return self.get_response(request)
        try:
            key = page_key(request, public_generation(topics))
            stored = cache.get(key)
        except CACHE_ERRORS:
            # The cache is down: serve the page as if there were none, and say so in the log.
            log.exception("page cache unavailable")
            return self.get_response(request)
        if stored is not None:
            return _thaw(stored, gzip_ok=_accepts_gzip(request))
        response = self.get_response(request)
        if _storable(request, response):
            patch_vary_headers(response, ["Accept-Encoding"])
            try:
                cache.set(key, _freeze(response), seconds)
            except CACHE_ERRORS:
                log.exception("page cache unavailable")
        return response


def _public_topics(request: HttpRequest) -> tuple[str, ...] | None:
    """The topics of the page if the URL is one of the public pages (other requests cost no
    cache round trip). Resolved in the URL's own language, as LocaleMiddleware (which runs
    later) will.
    """
    path = request.path_info
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path, getattr(request, "urlconf", None))
        except Resolver404:
            return None
    return registry().pages.get(match.view_name)


def page_key(request: HttpRequest, generation: str) -> str:
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"portal:page:{generation}:{hashlib.sha256(url.encode()).hexdigest()}"


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in registry().pages:
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.lower() for v in split_header_value(response.get("Vary", ""))}
    if vary - HARMLESS_VARY:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    # A message added or shown while the page was made is someone's own.
    return not len(get_messages(request))


def _freeze(response: HttpResponse) -> tuple[int, list[tuple[str, str]], bytes, bool]:
    content = response.content
    compress = len(content) >= MIN_COMPRESS and response.get("Content-Type", "").startswith(
        COMPRESSIBLE
    )
    headers = [(k, v) for k, v in response.headers.items() if k.lower() != "content-length"]
    if compress:
        content = gzip.compress(content, compresslevel=6, mtime=0)
    return response.status_code, headers, content, compress


def _thaw(stored: tuple, *, gzip_ok: bool) -> HttpResponse:
    status, headers, content, compressed = stored
    if compressed and not gzip_ok:
        content, compressed = gzip.decompress(content), False
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    if compressed:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Content-Length"] = str(len(content))
    return response


def _accepts_gzip(request: HttpRequest) -> bool:
    for part in request.headers.get("Accept-Encoding", "").lower().split(","):
        coding, _sep, params = part.partition(";")
        if coding.strip() == "gzip":
            quality = params.strip().removeprefix("q=")
            try:
                return not params.strip() or float(quality) > 0
            except ValueError:
                return False
    return False


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Each process has its own local-memory cache: a write seen by one would leave the others
    serving their stored pages."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.PORTAL_PAGE_CACHE_SECONDS > 0 and backend.endswith("LocMemCache"):
        return [
            Warning(
                "PORTAL_PAGE_CACHE_SECONDS is on with a local-memory cache.",
                hint="Leave CACHE_URL unset (files in var/cache, shared by the processes of "
                "one machine) or set it to Redis (redis://…, several app servers), or set "
                "PORTAL_PAGE_CACHE_SECONDS=0.",
                id="portal.W001",
            )
        ]
    return []
