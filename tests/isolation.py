"""Settings every test runs with, also for data built once per module."""

from __future__ import annotations

from pathlib import Path


def isolated_settings(folder: Path) -> dict:
    """Speed-ups and isolation for tests only; production settings stay untouched."""
    from django.conf import settings

    private = {**settings.STORAGES["private"], "OPTIONS": {"location": folder / "private"}}
    return {
        # Uploads of a test go to its own folders, never into var/.
        "MEDIA_ROOT": folder / "media",
        "STORAGES": {
            **settings.STORAGES,
            "private": private,
            # Unit tests render templates without running collectstatic first.
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        # Query-count tests measure the uncached work: the page and aggregate caches stay off
        # unless a test turns them on (tests/perf/test_page_cache.py).
        "PORTAL_PAGE_CACHE_SECONDS": 0,
    }
