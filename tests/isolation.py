"""Settings every test runs with, also for data built once per module."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

# Each test process keeps its cache in its own memory (the installed default is var/cache).
TEST_CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


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
        "CACHES": TEST_CACHES,
        # Query-count tests measure the uncached work: the page and aggregate caches stay off
        # unless a test turns them on (tests/perf/test_page_cache.py).
        "PORTAL_PAGE_CACHE_SECONDS": 0,
    }


def replay_data_migrations() -> None:
    """Run every data migration's forward code again (they are written to be idempotent).

    A transactional test flushes the database when it ends, data migrations' rows included (the
    office group and its permissions), so a later transactional test that needs them calls this.
    Serialized rollback cannot be used for the browser tests: Playwright's event loop gives them
    another context than the one the test database was set up in, so Django's saved copy is not
    seen.
    """
    from django.apps import apps
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    graph = MigrationLoader(connection).graph
    plan = dict.fromkeys(node for leaf in graph.leaf_nodes() for node in graph.forwards_plan(leaf))
    for node in plan:
        for operation in graph.nodes[node].operations:
            if isinstance(operation, RunPython):
                with connection.schema_editor() as editor:
                    operation.code(apps, editor)


@contextmanager
def records_for_the_module(django_db_blocker, folder: Path):
    """A transaction around a whole test module: what is made in the block (with its uploads in
    `folder`) is there for every test of the module, and rolled back after the last one.

    Each test still runs in its own savepoint inside it (pytest-django's `db`), so a test's
    writes are undone before the next test, as with Django's `TestCase.setUpTestData`.
    """
    from django.db import transaction
    from django.test import override_settings

    with (
        override_settings(**isolated_settings(folder)),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        yield
        transaction.set_rollback(True)
