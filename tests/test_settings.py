"""Settings come from the environment; the production flag passes Django's deployment check."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_PRODUCTION": "1",
    "DJANGO_SECRET_KEY": "x" * 20 + "-production-secret-key-with-enough-entropy-0123456789",
    "DJANGO_ALLOWED_HOSTS": "thidua.example.gov.vn",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://thidua.example.gov.vn",
    "EMAIL_URL": "smtp+tls://portal:secret@mail.example.gov.vn:587",
    "PORTAL_URL": "https://thidua.example.gov.vn",
}


def manage(*args, env=None):
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_", "CACHE_URL"))
    }
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_environment_passes_check_deploy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_rate_limit_checks_pass_with_the_default_cache_and_with_redis(tmp_path):
    """django-ratelimit judges the cache; the default file cache, local memory and Django's
    Redis backend all pass (config/settings.py says why its E003 is silenced)."""
    embedded = {**PRODUCTION_ENV, "PORTAL_VAR_DIR": str(tmp_path)}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=embedded)
    assert result.returncode == 0, result.stdout + result.stderr
    result = manage("check", "--fail-level", "WARNING", env={"CACHE_URL": "locmemcache://portal"})
    assert result.returncode == 0, result.stdout + result.stderr
    redis = {**PRODUCTION_ENV, "CACHE_URL": "redis://127.0.0.1:6379/1"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=redis)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_cache_that_keeps_nothing_fails_the_rate_limit_check():
    result = manage("check", env={"CACHE_URL": "dummycache://"})
    assert result.returncode != 0
    assert "django_ratelimit.E003" in result.stdout + result.stderr


def test_development_defaults_fail_check_deploy():
    """The check is real: without the production flag it reports the missing HTTPS settings."""
    result = manage("check", "--deploy", "--fail-level", "WARNING", env={"DJANGO_SECRET_KEY": "x"})
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout  # no HSTS


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def show(expr: str, env: dict) -> str:
    result = manage("shell", "-c", f"from django.conf import settings; print({expr})", env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_settings_are_read_from_the_environment():
    env = {
        "DATABASE_URL": "postgres://u:p@db.internal:5432/portal",
        "CACHE_URL": "redis://127.0.0.1:6379/1",
        "EMAIL_URL": "smtp+tls://mailer:secret@mail.internal:587",
        "DJANGO_ALLOWED_HOSTS": "a.example,b.example",
    }
    db = "settings.DATABASES['default']"
    mail = "settings.MAILERS['default']['OPTIONS']"
    out = show(
        f"{db}['ENGINE'], {db}['CONN_MAX_AGE'], {db}['CONN_HEALTH_CHECKS'],"
        f" settings.CACHES['default']['BACKEND'], {mail}['host'], {mail}['use_tls'],"
        " settings.ALLOWED_HOSTS, settings.DEBUG",
        env,
    )
    assert out == (
        "django.db.backends.postgresql 600 True django.core.cache.backends.redis.RedisCache "
        "mail.internal True ['a.example', 'b.example'] False"
    )


def test_intranet_mode_requires_login_everywhere():
    out = show(
        "'LoginRequiredMiddleware' in ' '.join(settings.MIDDLEWARE)", {"PORTAL_REQUIRE_LOGIN": "1"}
    )
    assert out == "True"
    assert show("'LoginRequiredMiddleware' in ' '.join(settings.MIDDLEWARE)", {}) == "False"


def test_production_warns_when_links_in_mails_would_point_nowhere():
    for url in ("http://127.0.0.1:8000", "http://thidua.example.gov.vn"):
        env = {**PRODUCTION_ENV, "PORTAL_URL": url}
        result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
        assert result.returncode != 0, url
        assert "portal.W002" in result.stderr + result.stdout


def test_a_secret_key_is_read_as_it_is_whatever_its_first_character():
    for key in ("$abc-starts-with-a-dollar", "${HOME}", "$$x", "plain"):
        assert show("settings.SECRET_KEY", {"DJANGO_SECRET_KEY": key}) == key


def test_without_a_key_every_process_reads_the_one_kept_in_var(tmp_path):
    env = {"PORTAL_VAR_DIR": str(tmp_path)}
    first = show("settings.SECRET_KEY", env)
    second = show("settings.SECRET_KEY", env)
    assert len(first) >= 50 and first == second
    assert (tmp_path / "secret_key").read_text().strip() == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0  # the owner's alone
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".secret_key")] == []


def test_a_kept_key_starting_with_a_dollar_is_used_as_it_is(tmp_path):
    (tmp_path / "secret_key").write_text("$" + "k" * 60 + "\n")
    assert show("settings.SECRET_KEY", {"PORTAL_VAR_DIR": str(tmp_path)}) == "$" + "k" * 60


def test_an_install_reads_its_environment_file(tmp_path):
    env_file = tmp_path / "portal.env"
    env_file.write_text("DJANGO_ALLOWED_HOSTS=from-file.example\nPORTAL_URL=https://file.example\n")
    env = {"PORTAL_ENV_FILE": str(env_file)}
    assert show("settings.ALLOWED_HOSTS, settings.PORTAL_URL", env) == (
        "['from-file.example'] https://file.example"
    )
    # What the process was given wins over the file.
    env["PORTAL_URL"] = "https://given.example"
    assert show("settings.PORTAL_URL", env) == "https://given.example"
