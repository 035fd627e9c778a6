"""The production-like stack `make bench` and `make loadtest` measure: gunicorn with the
production settings on PostgreSQL with the scale data (seeded once, then reused), and a Redis of
its own as the shared cache, all on this machine's loopback.

Environment: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/portal_bench), BENCH_PORT
(8071), BENCH_REDIS_PORT (8079; or BENCH_CACHE_URL to use a running cache), BENCH_WORKERS (2).
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var"
PYTHON = sys.executable
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"
)
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8071"))
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "8079"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
# The production settings redirect plain HTTP; the proxy in front would say it was HTTPS.
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "Host": f"{HOST}:{PORT}"}
OFFICE_USERNAME = "scale-office"


def log(message: str) -> None:
    print(message, flush=True)


def manage(*args: str, env: dict | None = None, quiet: bool = False) -> None:
    subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": DATABASE_URL, **(env or {})},
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
        stderr=subprocess.DEVNULL if quiet else None,
    )


def password() -> str:
    """The scale accounts' password, made on the first seed and kept beside the database."""
    keep = VAR / "bench_password"
    if not keep.exists():
        VAR.mkdir(exist_ok=True)
        keep.write_text(secrets.token_urlsafe(16))
        keep.chmod(0o600)
    return keep.read_text().strip()


def ensure_data() -> None:
    """Create, migrate and seed the benchmark database the first time; reuse it afterwards."""
    import psycopg2

    url = urlsplit(DATABASE_URL)
    name = url.path.lstrip("/")
    admin = psycopg2.connect(
        host=url.hostname, port=url.port or 5432, user=url.username, dbname="postgres"
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            log(f"Creating the database {name}")
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    manage("migrate", "--noinput", quiet=True)
    database = psycopg2.connect(DATABASE_URL)
    with database.cursor() as cursor:
        cursor.execute("SELECT 1 FROM units_unit WHERE slug = 'bo-cong-thuong'")
        seeded = cursor.fetchone() is not None
    database.close()
    if seeded:
        log(f"Reusing the scale data in {name}")
        # Data seeded before the commendation decisions were part of it gets them (else no-op).
        manage("seed_scale", "--awards-only", quiet=True)
    else:
        log(f"Seeding the scale data into {name} (manage.py seed_scale)")
        manage("seed_scale", env={"SCALE_PASSWORD": password()})


def setup_django() -> None:
    """Django in this process, on the benchmark database, for reading what to measure."""
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


@dataclass
class Stack:
    cache_url: str
    processes: list[subprocess.Popen] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)


@contextlib.contextmanager
def running_stack(cache: str = "redis") -> Iterator[Stack]:
    """gunicorn with its cache, stopped on the way out. `cache="redis"`: a Redis of its own
    (unless BENCH_CACHE_URL names one); `cache="embedded"`: no CACHE_URL, as under `make run`,
    so the settings' default shared cache in a var directory of its own, emptied first."""
    stack = Stack(cache_url=os.environ.get("BENCH_CACHE_URL", "") if cache == "redis" else "")
    try:
        env = {
            "DJANGO_PRODUCTION": "1",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
            "DJANGO_STATIC_ROOT": str(VAR / "bench-static"),
            "DJANGO_LOG_LEVEL": "WARNING",
            "DATABASE_URL": DATABASE_URL,
            "PORTAL_BENCHMARK": "1",
        }
        if cache == "redis":
            if not stack.cache_url:
                stack.processes.append(_start_redis())
                stack.cache_url = f"redis://{HOST}:{REDIS_PORT}/0"
            env["CACHE_URL"] = stack.cache_url
        else:
            var = VAR / "bench-embedded"
            shutil.rmtree(var, ignore_errors=True)
            var.mkdir(parents=True)
            env["PORTAL_VAR_DIR"] = str(var)
            stack.cache_url = _default_cache(env)
        base = {key: value for key, value in os.environ.items() if key != "CACHE_URL"}
        manage("collectstatic", "--noinput", "--verbosity", "0", env=env, quiet=True)
        gunicorn = ROOT / ".venv" / "bin" / "gunicorn"
        log_file = (VAR / "bench-gunicorn.log").open("w")
        stack.processes.append(
            subprocess.Popen(  # noqa: S603 - fixed command
                [
                    str(gunicorn if gunicorn.exists() else shutil.which("gunicorn")),
                    "config.wsgi",
                    "--bind",
                    f"{HOST}:{PORT}",
                    "--workers",
                    str(WORKERS),
                    "--forwarded-allow-ips",
                    HOST,
                ],  # fmt: skip
                cwd=ROOT,
                env={**base, **env},
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        )
        _wait_until_up()
        stack.versions["gunicorn"] = _gunicorn_version()
        yield stack
    finally:
        for process in reversed(stack.processes):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _default_cache(env: dict) -> str:
    """What the settings make of no CACHE_URL, as `backend location` (for the notes)."""
    code = (
        "from django.conf import settings; c = settings.CACHES['default']; "
        "print(c['BACKEND'].rsplit('.', 1)[-1], c.get('LOCATION', ''), "
        "settings.PORTAL_PAGE_CACHE_SECONDS)"
    )
    base = {key: value for key, value in os.environ.items() if key != "CACHE_URL"}
    output = subprocess.run(  # noqa: S603 - our own interpreter with fixed code
        [PYTHON, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**base, **env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    backend, *location, seconds = output
    return f"{backend} {' '.join(location)} (page cache {seconds} s)".replace("  ", " ")


def _start_redis() -> subprocess.Popen:
    server = shutil.which("redis-server")
    if server is None:
        raise SystemExit("redis-server not found: apt-get install redis-server, or BENCH_CACHE_URL")
    process = subprocess.Popen(  # noqa: S603 - fixed command
        [server, "--port", str(REDIS_PORT), "--bind", HOST, "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        with contextlib.suppress(OSError):
            import redis

            if redis.Redis(host=HOST, port=REDIS_PORT).ping():
                return process
        time.sleep(0.1)
    process.terminate()
    raise SystemExit(f"Redis did not start on port {REDIS_PORT}")


def _wait_until_up() -> None:
    for _ in range(100):
        with contextlib.suppress(OSError):
            if request("GET", "/healthz").status == 200:
                return
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer on port {PORT}; see var/bench-gunicorn.log")


def _gunicorn_version() -> str:
    import gunicorn

    return gunicorn.__version__


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def request(
    method: str,
    path: str,
    *,
    cookies: dict | None = None,
    form: dict | None = None,
    timeout: float = 60,
) -> Response:
    """One request to the portal as the reverse proxy would pass it on."""
    connection = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    headers = dict(PROXY_HEADERS)
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Origin"] = f"https://{HOST}:{PORT}"
        headers["Referer"] = f"https://{HOST}:{PORT}{path}"
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


def set_cookies(response: Response, jar: dict) -> None:
    for header in response.headers.get_all("Set-Cookie") or []:
        cookie = SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            jar[name] = morsel.value


CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_token(body: bytes) -> str:
    match = CSRF_INPUT.search(body)
    if match is None:
        raise RuntimeError("no CSRF token in the form")
    return match.group(1).decode()


def login(username: str, secret: str) -> dict:
    """A logged-in session's cookies, through the login form like a browser."""
    jar: dict = {}
    page = request("GET", "/accounts/login/")
    set_cookies(page, jar)
    response = request(
        "POST",
        "/accounts/login/",
        cookies=jar,
        form={
            "username": username,
            "password": secret,
            "csrfmiddlewaretoken": csrf_token(page.body),
        },
    )
    if response.status != 302:
        raise RuntimeError(f"login of {username} failed with HTTP {response.status}")
    set_cookies(response, jar)
    return jar
