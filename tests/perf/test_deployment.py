"""What several app servers need: compressed, fingerprinted static files with far-future
headers, the page cache on only with a shared cache, and media on S3 when asked for."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client

from tests.test_settings import ROOT, manage


@pytest.fixture
def collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def test_static_files_are_fingerprinted_compressed_and_kept_for_a_year(collected):
    url = static("portal/portal.css")
    assert url.startswith("/static/portal/portal.") and url != "/static/portal/portal.css"
    response = Client().get(url, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    # The unhashed name is still served, for an hour only.
    plain = Client().get("/static/portal/portal.css")
    assert plain["Cache-Control"] == "max-age=3600, public"


def settings_of(env: dict) -> dict:
    """The settings module as it reads `env`, imported on its own (the s3 extra's package need
    not be installed to see which storage it names)."""
    code = (
        "import importlib.util, json, sys; "
        "real = importlib.util.find_spec; "
        "importlib.util.find_spec = lambda n, *a: object() if n == 'storages' else real(n, *a); "
        "import config.settings as s; print(json.dumps({"
        "'cache': s.PORTAL_PAGE_CACHE_SECONDS, 'caches': s.CACHES, 'storages': s.STORAGES, "
        "'sessions': s.SESSION_ENGINE, 'conn': s.DATABASES['default'].get('CONN_MAX_AGE'), "
        "'health': s.DATABASES['default'].get('CONN_HEALTH_CHECKS')}, default=str))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    clean.pop("CACHE_URL", None)
    clean.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_page_cache_is_on_only_with_a_shared_cache(tmp_path):
    # Without CACHE_URL: files in the install's var folder, shared by its gunicorn workers.
    embedded = settings_of({"PORTAL_VAR_DIR": str(tmp_path)})
    assert embedded["cache"] == 600
    default = embedded["caches"]["default"]
    assert default["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert default["LOCATION"] == str(tmp_path / "cache")
    assert default["OPTIONS"] == {"MAX_ENTRIES": 2000, "CULL_FREQUENCY": 4}
    assert not (tmp_path / "cache").exists()  # made on first use, not by every import
    assert settings_of({"CACHE_URL": ""})["caches"]["default"]["BACKEND"].endswith("FileBasedCache")
    # Local memory only when asked for, and then one cache per process: off.
    assert settings_of({"CACHE_URL": "locmemcache://portal"})["cache"] == 0
    assert settings_of({"CACHE_URL": "redis://127.0.0.1:6379/1"})["cache"] == 600
    assert (
        settings_of({"CACHE_URL": "redis://127.0.0.1:6379/1", "PORTAL_PAGE_CACHE_SECONDS": "60"})[
            "cache"
        ]
        == 60
    )


def test_media_go_to_s3_when_a_bucket_is_named_and_sessions_stay_shared():
    local = settings_of({})
    assert local["storages"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert local["sessions"] == "django.contrib.sessions.backends.db"
    s3 = settings_of(
        {
            "PORTAL_S3_BUCKET": "thidua-media",
            "PORTAL_S3_ENDPOINT_URL": "https://s3.example.gov.vn",
            "DJANGO_SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
        }
    )
    for name, location in (("default", "media"), ("private", "private")):
        storage = s3["storages"][name]
        assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
        assert storage["OPTIONS"]["bucket_name"] == "thidua-media"
        assert storage["OPTIONS"]["location"] == location
        assert storage["OPTIONS"]["querystring_auth"] is True
    assert s3["sessions"] == "django.contrib.sessions.backends.cached_db"


def test_a_bucket_without_the_s3_extra_is_a_clear_error():
    if importlib.util.find_spec("storages") is not None:
        pytest.skip("the s3 extra is installed here")
    result = manage("check", env={"PORTAL_S3_BUCKET": "thidua-media"})
    assert result.returncode != 0
    assert 'pip install -e ".[s3]"' in result.stderr


def test_postgresql_connections_are_kept_and_checked():
    pg = settings_of({"DATABASE_URL": "postgres://thidua@127.0.0.1:5432/thidua"})
    assert (pg["conn"], pg["health"]) == (600, True)
