"""Lectern's settings: one module, read from the environment through small typed helpers.

Every variable read here is listed in README.md with its default.
"""

from __future__ import annotations

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent

# A checkout's development settings: `make run` writes `.env` (DEBUG=true) so that every
# `manage.py` command in the README runs as written. Variables already in the environment
# win over the file; LECTERN_ENV_FILE names another file, or none when set empty. A
# deployment has no `.env` and reads the environment alone.
ENV_FILE = os.environ.get("LECTERN_ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE:
    load_dotenv(ENV_FILE, override=False)


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: set[str]) -> str:
    value = os.environ.get(name, "").strip() or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {sorted(choices)}, not {value!r}")
    return value


# Off unless asked for: a production deployment that forgets the variable must not
# leak tracebacks. `make run` sets DEBUG=true for the development server.
DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105

# Behind our own reverse proxy, which sets X-Forwarded-Proto and X-Forwarded-For.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
# How many proxies of ours a request passes (a load balancer, then nginx: 2). Each appends
# the address it received from to X-Forwarded-For; the client's address is the entry the
# first of ours added, and anything before it is whatever the client chose to send.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
if BEHIND_PROXY and TRUSTED_PROXY_COUNT < 1:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be at least 1 with BEHIND_PROXY.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "course.accounts",
    "course.catalog",
    "course.progress",
    "course.quizzes",
    "course.discussions",
    "course.authoring",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "course.middleware.AdminStyleCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Serves a reader's cached page before the rest runs (course/pagecache.py).
    "course.pagecache.PerPersonPageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A course's old address (its slug before a rename): a 404 becomes a 301 to the new one.
    "course.catalog.middleware.CourseSlugRedirectMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A signed-in person's pages: Cache-Control: private, no-store.
    "course.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# One upload limit, for the largest file anyone may send (a question bank to import). It is
# checked where the file is read, with a message that says it. The import's confirmation
# posts the previewed file back as text, and browsers send each line break as CRLF, so a
# file of bare line feeds comes back at up to twice its size: Django's own limit on a
# request body sits above that, so a file under the upload limit never meets it.
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 5) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * UPLOAD_MAX_BYTES + 256 * 1024

# A course from a paste longer than this is generated in a background thread while the
# page shows its progress (course/authoring/jobs.py); a shorter one (a typical abstract, a
# second or less) in the request, with any problem shown on the form. A job that reports
# nothing for GENERATION_TIMEOUT_SECONDS (its process restarted or died) is failed.
GENERATION_IN_BACKGROUND_BYTES = env_int("GENERATION_IN_BACKGROUND_BYTES", 20_000)
GENERATION_TIMEOUT_SECONDS = env_int("GENERATION_TIMEOUT_SECONDS", 180)

ROOT_URLCONF = "course.urls"
WSGI_APPLICATION = "course.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite file by default, so `make run` needs nothing installed; DATABASE_URL switches to
# PostgreSQL (psycopg 3). Connections are kept open between requests in production.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / '.lectern.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One writer at a time, readers beside it: WAL keeps a reader (the progress poll) from
    # blocking the background generation's write, IMMEDIATE takes the write lock at the
    # start of a transaction (a read lock upgraded later fails at once, "database is
    # locked", without waiting), and the timeout makes a second writer wait its turn.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests on SQLite use a file too, not Django's shared-cache in-memory database: there a
    # reader fails at once ("database table is locked") while another thread writes, as the
    # background generation and its progress page do in the browser tests; a file waits.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"lectern-test-{os.getpid()}.sqlite3")
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        # django-redis keeps one client per process (Django's own backend builds one per
        # call) and parses replies with hiredis: a round trip costs about half as much.
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# How the lesson page is cached: "middleware", the whole page per reader
# (course/pagecache.py); "standard", its course-wide parts as template fragments and a
# conditional GET (ETag) on the same version keys (course/progress/views.py).
PAGE_CACHE = env_choice("PAGE_CACHE", "middleware", {"middleware", "standard"})

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a username and address pair after repeated failures.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Count failures per username and client address (django-ipware reads the address). Behind
# our proxies every request comes from the last one's address: counting that would let five
# wrong passwords from anywhere lock an account for everyone. X-Forwarded-For is read only
# when proxies we run set it (BEHIND_PROXY), and only the entry our first proxy added: the
# entries before it are the client's to forge, so a new one with every guess gains nothing.
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if BEHIND_PROXY else ["REMOTE_ADDR"]
)
AXES_IPWARE_PROXY_ORDER = "left-most"
# ipware counts the proxies listed in the header; the one that talks to us is not in it.
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT - 1 if BEHIND_PROXY else None
# Not strict: a chain longer than our proxies (the client's own entries, a school's proxy)
# still gives the entry our first proxy added, instead of falling back to the proxy's address.
IPWARE_STRICT = False
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "progress:dashboard"
LOGOUT_REDIRECT_URL = "catalog:index"

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "lectern@localhost")

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / ".staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# A strict policy: scripts only from our own origin (there is no inline script, so no nonce
# either), no inline styles, no eval. htmx is configured (base.html) not to inject styles or
# evaluate code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    if BEHIND_PROXY:
        # Only our own TLS-terminating proxy may say a request came in over HTTPS.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"expected_refusals": {"()": "course.logs.ExpectedRefusalFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # django-axes logs every successful log-in at INFO; failures and lockouts are warnings.
        "axes": {"level": "WARNING"},
        # A 403 is one warning line, without the traceback Django attaches to it.
        "django.request": {"filters": ["expected_refusals"]},
    },
}
