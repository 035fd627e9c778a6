"""The public content generation: one counter in the shared cache that every cached public page
and aggregate is keyed by.

A write to anything the public pages show calls `public_content_changed()`; once the write
commits, the counter goes up, so every page and aggregate cached before it is never read again
(it simply expires). Nothing is deleted key by key, and several app servers sharing one cache
(Redis) see the new generation on their next request.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

GENERATION_KEY = "portal:public-generation"
# (generation, POSIX time of the next scheduled publication or 0): kept beside the counter.
SCHEDULE_KEY = "portal:public-schedule"


def cache_seconds() -> int:
    """How long a public page or aggregate is kept; 0 turns both caches off."""
    return settings.PORTAL_PAGE_CACHE_SECONDS


def public_content_changed(*, using: str | None = None) -> None:
    """Call on every write to what the public pages show: the generation goes up after commit
    (at once outside a transaction), once per transaction however many rows it writes."""
    connection = transaction.get_connection(using)
    if connection.in_atomic_block:
        # Already registered at this savepoint level: that one runs, or is rolled back, with
        # this write. (Each on_commit entry is (savepoint ids, function, robust).)
        here = set(connection.savepoint_ids)
        if any(sids == here and func is _bump for sids, func, _r in connection.run_on_commit):
            return
    transaction.on_commit(_bump, using=using, robust=True)


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        # Not there (evicted, or the cache restarted): start a new sequence that no earlier
        # one reached, so pages kept under an old number can never be read again.
        if not cache.add(GENERATION_KEY, time.time_ns(), timeout=None):
            cache.incr(GENERATION_KEY)


def public_generation() -> int:
    """The current generation. Commendations scheduled for a later time change what the pages
    show when that time comes, with no write: the first request after it bumps the counter."""
    found = cache.get_many([GENERATION_KEY, SCHEDULE_KEY])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    schedule = found.get(SCHEDULE_KEY)
    if schedule is None or schedule[0] != generation:
        cache.set(SCHEDULE_KEY, (generation, _next_publication()), timeout=None)
    elif schedule[1] and schedule[1] <= timezone.now().timestamp():
        _bump()
        return public_generation()
    return generation


def _next_publication() -> float:
    """When the next scheduled commendation becomes public (POSIX time), or 0 if none is."""
    from django.db.models import Min

    from news.models import Commendation

    moment = Commendation.objects.filter(
        status=Commendation.Status.PUBLISHED, publish_at__gt=timezone.now()
    ).aggregate(first=Min("publish_at"))["first"]
    return moment.timestamp() if moment else 0


def cached_aggregate[T](name: str, compute: Callable[[], T]) -> T:
    """`compute()`, kept under the current generation (so it is fresh after every write)."""
    seconds = cache_seconds()
    if seconds <= 0:
        return compute()
    key = f"portal:aggregate:{public_generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
