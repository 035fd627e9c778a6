"""The project's configuration lives in `config/`; installs set up when it lived in `campaign/`
keep running and are told what to change."""

import os
import subprocess
import sys

from tests.test_settings import PRODUCTION_ENV, ROOT, manage


def python(code: str, env: dict) -> subprocess.CompletedProcess:
    """A fresh interpreter in the install folder, as gunicorn or a cron job starts one."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_configuration_package_holds_settings_urls_wsgi_and_asgi_only():
    modules = sorted(path.name for path in (ROOT / "config").iterdir() if path.suffix == ".py")
    assert modules == ["__init__.py", "asgi.py", "settings.py", "urls.py", "wsgi.py"]
    assert not [
        path.name
        for path in (ROOT / "config").iterdir()
        if path.is_dir() and path.name != "__pycache__"
    ]


def test_manage_py_runs_on_config_settings_without_a_warning():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.SETTINGS_MODULE, "
        "s.ROOT_URLCONF, s.WSGI_APPLICATION, s.BASE_DIR == __import__('pathlib').Path.cwd())",
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last == "config.settings config.urls config.wsgi.application True"
    assert "FutureWarning" not in result.stderr


def test_an_install_still_set_to_campaign_settings_passes_check_deploy_and_is_told_to_change():
    env = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "campaign.settings"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    assert "FutureWarning" in result.stderr
    assert "set it to config.settings" in result.stderr


def test_gunicorn_campaign_wsgi_still_serves_the_portal_and_says_to_serve_config_wsgi():
    code = (
        "import campaign.wsgi, config.wsgi; "
        "from django.conf import settings; "
        "print(campaign.wsgi.application is config.wsgi.application, settings.ROOT_URLCONF)"
    )
    result = python(code, env={})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True config.urls"
    assert "FutureWarning" in result.stderr
    assert "serve config.wsgi instead" in result.stderr


def test_the_current_wsgi_module_starts_without_a_warning():
    result = python("import config.wsgi; print(type(config.wsgi.application).__name__)", env={})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "WSGIHandler"
    assert "FutureWarning" not in result.stderr


def test_manage_py_shell_imports_every_model_it_offers():
    """The shell imports each model from its module; the historical models of the news package
    must be found where django-simple-history says they live."""
    result = manage("shell", "--verbosity", "2", "-c", "pass")
    assert result.returncode == 0, result.stderr
    assert "could not be automatically imported" not in result.stdout + result.stderr
    assert "from news.models import" in result.stdout
    assert "HistoricalCommendation" in result.stdout
