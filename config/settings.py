"""Settings for the portal, configured only through environment variables.

See the configuration table in docs/operations.md. Nothing here is meant to be edited per install.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from kit.secret_key import stored_secret_key

# The repository root: config/settings.py is one folder down.
BASE_DIR = Path(__file__).resolve().parent.parent

# An install keeps its environment in one file that every process reads for itself: gunicorn,
# manage.py, cron jobs and timers alike (docs/operations.md, "Production").
# Variables already set win.
environ.Env.read_env(os.environ.get("PORTAL_ENV_FILE") or BASE_DIR / ".env")

env = environ.Env()

# What an install writes at run time: the SQLite database, the key, uploads, backups.
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR") or BASE_DIR / "var")

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# One flag turns on everything HTTPS deployment needs (see "Production" in docs/operations.md).
PRODUCTION = env.bool("DJANGO_PRODUCTION", default=False)

# Read as it is: django-environ takes a value starting with "$" for the name of another
# variable, and a random key may start with one.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_PRODUCTION is on.")
    # The embedded install (`make run`): one key kept in var/ and shared by every worker, never
    # one per process, which would log people out whenever another worker answered.
    SECRET_KEY = stored_secret_key(VAR_DIR / "secret_key")

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])


INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    # The admin with the office's own site: the day's work first (kit/admin_site.py).
    "kit.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_include_bootstrap",
    "simple_history",
    # The commendation body's visual editor (news/editor.py): its scripts and styles.
    "django_prose_editor",
    # django-axes under a name the office reads in its own language (kit/apps.py).
    "kit.apps.AxesConfig",
    # The kit every app uses (kit/); the apps; then the pages that combine them.
    "kit",
    "campaign",
    "units",
    "outbox",
    "audit",
    "pledges",
    "news",
    "scoring",
    "awards",
    "office",
    "portal",
    "devtools",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "audit.context.RequestContextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so that its 400 has the language and headers of any page; it answers before any view
    # or the admin's filters put a NUL character into a query.
    "portal.middleware.RejectNulMiddleware",
]

# Intranet mode: every page, public ones included, needs a login.
PORTAL_REQUIRE_LOGIN = env.bool("PORTAL_REQUIRE_LOGIN", default=False)
if PORTAL_REQUIRE_LOGIN:
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "django.contrib.auth.middleware.LoginRequiredMiddleware",
    )

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "portal.context_processors.portal",
                "office.context_processors.office",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A new connection per request costs several times the throughput; keep them, checked.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=600)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    if not env.str("DATABASE_URL", default=""):
        VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: CACHE_URL names one (redis://… for several app servers; locmemcache:// keeps one per
# process). Without it, files under var/cache that every process of this machine shares, so the
# workers of `make run` keep one page cache and see each other's writes (kit/cache.py). The
# folder is made on first use; a cache that cannot be read or written only costs the rendering.
if env.str("CACHE_URL", default=""):
    CACHES = {"default": env.cache_url("CACHE_URL")}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            # What is stored with no time of its own: django-ratelimit's counters, which the
            # file cache's increment stores again, must outlive their hour's window.
            "TIMEOUT": 3600,
            # Bounded: at most 2,000 files (a gzipped page is a few to a few hundred KB); when
            # full, a quarter of them, taken at random, is removed. Every write lists the folder,
            # so this stays in the thousands.
            "OPTIONS": {"MAX_ENTRIES": 2000, "CULL_FREQUENCY": 4},
        }
    }

# E-mail: EMAIL_URL (smtp://user:password@host:587/?tls=True, consolemail://, filemail://path),
# turned into Django 6.1's MAILERS.
_mail = env.email_url("EMAIL_URL", default="consolemail://")
_mail_options = {}
if _mail["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
    _mail_options = {
        "host": _mail.get("EMAIL_HOST") or "localhost",
        "port": _mail.get("EMAIL_PORT") or 25,
        "username": _mail.get("EMAIL_HOST_USER", ""),
        "password": _mail.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": bool(_mail.get("EMAIL_USE_TLS")),
        "use_ssl": bool(_mail.get("EMAIL_USE_SSL")),
        "timeout": env.int("DJANGO_EMAIL_TIMEOUT", default=10),
    }
elif _mail["EMAIL_BACKEND"].endswith("filebased.EmailBackend"):
    _mail_options = {"file_path": _mail.get("EMAIL_FILE_PATH") or str(VAR_DIR / "mail")}
MAILERS = {"default": {"BACKEND": _mail["EMAIL_BACKEND"], "OPTIONS": _mail_options}}
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="thidua@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Older hashes still verify and are upgraded to Argon2 at the next login.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# Unit heads land on their workspace, office admins on the review queue (pledges.views.start).
LOGIN_REDIRECT_URL = "pledges:start"
LOGOUT_REDIRECT_URL = "home"

# Language, dates and time: Vietnamese first, English second; dd/mm/yyyy in both.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("vi",)
# The portal's own strings (kept in step with the code by `make messages-extract`), then the
# Vietnamese that Django and the installed packages lack, kept by hand: extraction would drop
# every msgid it does not find in the portal's code. Both override the packages' catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "packages" / "locale"]
FORMAT_MODULE_PATH = ["kit.formats"]
# Numbers in the reader's notation, grouped: 2.500 and 1.234,5 in Vietnamese, 2,500 and 1,234.5
# in English (campaign/formats). Years, ids and document numbers are not quantities: templates
# print them with `unlocalize` (or as text) so 2022 never reads 2.022.
USE_THOUSAND_SEPARATOR = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# Files only the portal itself may read and hand out after a permission check (evidence photos
# of pledges that are not public): outside MEDIA_ROOT, never served by a web server.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private")
# The portal serves MEDIA_URL itself (the embedded install has nothing in front of it); a reverse
# proxy that serves MEDIA_ROOT may take the work over and this be turned off.
PORTAL_SERVE_MEDIA = env.bool("PORTAL_SERVE_MEDIA", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/no-direct-access/"},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600  # fingerprinted files get a year from WhiteNoise itself

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Login throttling: 5 failures for one username from one address lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "kit.axes.client_username"
AXES_IPWARE_PROXY_COUNT = env.int("DJANGO_PROXY_COUNT", default=0)

# Pledges: the portal's address for links in e-mails, and after how many days without progress
# an accepted pledge's heads are reminded (manage.py send_reminders, run daily).
PORTAL_URL = env.str("PORTAL_URL", default="http://127.0.0.1:8000")
PLEDGE_STALE_DAYS = env.int("PLEDGE_STALE_DAYS", default=30)

# Office dashboard and reminders: after how many days a submitted pledge not yet reviewed, or an
# accepted one without progress, is flagged in the coverage matrix (the page's `days` parameter
# overrides it), and how many days ahead `send_reminders` warns of deadlines.
OFFICE_FLAG_DAYS = env.int("OFFICE_FLAG_DAYS", default=30)
REMINDER_DAYS_AHEAD = env.int("REMINDER_DAYS_AHEAD", default=7)

# Security headers. The portal's own pages carry no inline script or style, so the policy needs
# neither 'unsafe-inline' nor a nonce; public pages stay cacheable whole.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    # One inline style attribute in django-simple-history's admin history list
    # (style="border-top: 0"), allowed by its hash alone; no other inline style runs.
    "style-src-attr": [CSP.UNSAFE_HASHES, "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
}
# The admin's pages only (kit/admin_site.py): the commendation body's editor loads its
# modules through an import map, an inline <script type="importmap"> that Django's admin prints
# with the request's nonce; and the editor's core (tiptap) puts its few base rules in a <style>
# of its own, allowed by their hash (tests/news/test_editor.py checks it against the installed
# editor). Public pages keep the policy above, without a nonce, so they stay cacheable whole.
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "portal.site.csrf_failure"
SESSION_COOKIE_AGE = 9 * 60 * 60  # a working day

if PRODUCTION:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Secure-sessionid"
    CSRF_COOKIE_NAME = "__Secure-csrftoken"

if not DEBUG:
    TEMPLATES[0]["APP_DIRS"] = False
    TEMPLATES[0]["OPTIONS"]["loaders"] = [
        (
            "django.template.loaders.cached.Loader",
            [
                "django.template.loaders.filesystem.Loader",
                "django.template.loaders.app_directories.Loader",
            ],
        )
    ]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}

# --- Performance at scale: page cache, benchmark, scale-out storage ---------------------------
# Whole public pages are kept for anonymous visitors (kit/pagecache.py) and aggregates with
# them (kit/cache.py), keyed by a counter that every public write moves on. On with a cache
# every process shares: the default file cache (one machine) or Redis (CACHE_URL=redis://…,
# several app servers). Off with a per-process local-memory cache, where a write seen by one
# gunicorn worker would not reach the others' stored pages.
_SHARED_CACHE = not CACHES["default"]["BACKEND"].endswith(("LocMemCache", "DummyCache"))
PORTAL_PAGE_CACHE_SECONDS = env.int(
    "PORTAL_PAGE_CACHE_SECONDS", default=600 if _SHARED_CACHE else 0
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "kit.pagecache.AnonymousPageCacheMiddleware",
)
# `make bench` only: adds the reference view /bench/fortunes/ (devtools/benchmark.py).
PORTAL_BENCHMARK = env.bool("PORTAL_BENCHMARK", default=False)
# Sessions live in the database by default, so any app server can serve any request;
# django.contrib.sessions.backends.cached_db keeps them in the shared cache as well.
SESSION_ENGINE = env.str("DJANGO_SESSION_ENGINE", default="django.contrib.sessions.backends.db")
# Media on S3-compatible object storage (the optional extra: pip install -e ".[s3]"), so no app
# server keeps uploads on its own disk. The bucket stays private: public photos get signed URLs
# that outlive a cached page, and evidence is still handed out only through the portal's check.
if PORTAL_S3_BUCKET := env.str("PORTAL_S3_BUCKET", default=""):
    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfigured(
            'PORTAL_S3_BUCKET needs the optional s3 extra: pip install -e ".[s3]"'
        )
    _S3 = {
        "bucket_name": PORTAL_S3_BUCKET,
        "endpoint_url": env.str("PORTAL_S3_ENDPOINT_URL", default=None),
        "region_name": env.str("PORTAL_S3_REGION", default=None),
        "access_key": env.str("PORTAL_S3_ACCESS_KEY", default=None),
        "secret_key": os.environ.get("PORTAL_S3_SECRET_KEY") or None,  # verbatim, as above
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": True,
        "querystring_expire": max(3600, 3 * PORTAL_PAGE_CACHE_SECONDS),
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_S3, "location": "media"},
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_S3, "location": "private"},
    }

# --- Password reset throttling (portal/accounts.py) -----------------------------------------
# django-ratelimit counts requests in the default cache; its checks judge that cache.
INSTALLED_APPS += ["django_ratelimit"]
SILENCED_SYSTEM_CHECKS = [
    # W001 "not officially supported" names every backend outside the library's short list,
    # which predates Django's own Redis backend (what CACHE_URL=redis://… gives; its add() and
    # incr() are Redis SET NX and INCR, atomic as the library needs). E003 below is the check
    # that tells a cache which cannot count.
    "django_ratelimit.W001",
]
if not CACHES["default"]["BACKEND"].endswith("DummyCache"):
    # E003 "not a shared cache" / "no atomic increment": the limits hold without exact counts.
    # On the file cache (`make run`, the default) or a database cache two requests at once may
    # be counted as one; in local memory (locmemcache://) each worker process counts on its
    # own. Either way an address gets at most a few times the limit: still bounded. Redis
    # counts exactly. A cache that keeps nothing would lift the limits, so the check stays for
    # it. (django-axes counts failed logins in the database, not in the cache.)
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")
