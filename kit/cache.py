"""Public content generations: counters in the shared cache that every cached public page and
aggregate is keyed by.

There is one counter per topic of public content (kit/public.py). A write to any of them calls
`public_content_changed(topic=…)`; once the write commits, that topic's counter is set to a value
it never had before, so every page and aggregate made from that topic is never read again (it
simply expires). A progress report thus leaves the honour board and the news pages in the cache.
Nothing is deleted key by key, and every process sharing the cache (the workers of one machine
on the file cache, several app servers on Redis) sees the new counters on its next request.

The counter is set, never incremented: the file and database caches increment by reading then
writing, so two processes moving a topic on at once could both write the same number, and a page
stored under the first would then be served after the second write. A fresh value is one write
on every backend, and unlike an increment it cannot land on a number used before.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Sequence
from functools import partial
from weakref import WeakKeyDictionary

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from kit.public import TOPICS, registry

log = logging.getLogger(__name__)

# What a cache that cannot be reached raises (Redis: connection errors and timeouts, both
# OSError or redis' own errors); the pages are then made without it.
try:
    from redis.exceptions import RedisError

    CACHE_ERRORS: tuple[type[Exception], ...] = (OSError, RedisError)
except ImportError:  # pragma: no cover - redis is a dependency; kept for other cache backends
    CACHE_ERRORS = (OSError,)


def generation_key(topic: str) -> str:
    return f"portal:generation:{topic}"


def schedule_key(topic: str) -> str:
    """Kept beside the counter of a topic whose content changes with no write (kit/public.py,
    NEXT_CHANGE): (the counter, POSIX time of the next such change or 0)."""
    return f"portal:schedule:{topic}"


def cache_seconds() -> int:
    """How long a public page or aggregate is kept; 0 turns both caches off."""
    return settings.PORTAL_PAGE_CACHE_SECONDS


def public_content_changed(*, topic: str, using: str | None = None) -> None:
    """Call on every write to what the public pages show: the topic's counter goes up after
    commit (at once outside a transaction), once per commit however many rows it writes."""
    pending = _PENDING.setdefault(transaction.get_connection(using), set())
    pending.add(topic)
    # Every write registers its own callback: one registered by an earlier write may belong to
    # a savepoint that is rolled back. At commit the first callback of a topic moves it on and
    # the others find it done. A topic left pending by a rolled-back write moves on only with
    # the next committed write to it.
    transaction.on_commit(partial(_flush, pending, topic), using=using, robust=True)


# Topics written to and not yet moved on, per database connection (each thread has its own).
_PENDING: WeakKeyDictionary[object, set[str]] = WeakKeyDictionary()


def _flush(pending: set[str], topic: str) -> None:
    if topic in pending:
        pending.discard(topic)
        _bump(topic)


def fresh_generation() -> int:
    """A counter value never given before, by any process: the time in nanoseconds with random
    digits after it. Each is larger than those given earlier (clocks permitting), and a counter
    that was evicted or lost with a restarted cache starts again above every value it had."""
    return time.time_ns() * 1_000_000 + secrets.randbelow(1_000_000)


def _bump(topic: str) -> None:
    cache.set(generation_key(topic), fresh_generation(), timeout=None)


def public_generation(topics: Sequence[str] = TOPICS) -> str:
    """The counters of `topics` as one version for a cache key, read in one round trip.

    Some content changes with no write when its time comes (a commendation scheduled for later:
    kit/public.py, NEXT_CHANGE): the first request after that time moves its topic on.
    """
    scheduled = registry().next_change
    found = cache.get_many([*map(generation_key, TOPICS), *map(schedule_key, scheduled)])
    counters = {}
    for topic in TOPICS:
        counters[topic] = found.get(generation_key(topic))
        if counters[topic] is None:
            # First use, or evicted. On a cache whose add() is not atomic (file, database) two
            # processes may each keep their own value for a moment: both are new, so a page
            # stored under the one that loses is simply never read again.
            counters[topic] = fresh_generation()
            if not cache.add(generation_key(topic), counters[topic], timeout=None):
                counters[topic] = cache.get(generation_key(topic), counters[topic])
    for topic, functions in scheduled.items():
        schedule = found.get(schedule_key(topic))
        if schedule is None or schedule[0] != counters[topic]:
            moment = _next_change(functions)
            cache.set(schedule_key(topic), (counters[topic], moment), timeout=None)
        elif schedule[1] and schedule[1] <= timezone.now().timestamp():
            _bump(topic)
            return public_generation(topics)
    return ".".join(str(counters[topic]) for topic in topics)


def _next_change(functions: Sequence[Callable[[], float]]) -> float:
    """The earliest of the times the apps give (POSIX time), or 0 if none gives one."""
    return min((moment for function in functions if (moment := function())), default=0)


def cached_aggregate[T](name: str, compute: Callable[[], T], *, topics: Sequence[str]) -> T:
    """`compute()`, kept under the counters of the topics it is made from."""
    seconds = cache_seconds()
    if seconds <= 0:
        return compute()
    try:
        key = f"portal:aggregate:{public_generation(topics)}:{name}"
        value = cache.get(key)
    except CACHE_ERRORS:
        log.exception("aggregate cache unavailable")
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, seconds)
        except CACHE_ERRORS:
            log.exception("aggregate cache unavailable")
    return value
