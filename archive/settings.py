"""Settings, all read from the environment (see README "Configuration").

With nothing set, the archive runs on a SQLite file in ./data/ with DEBUG off.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def local_secret(path: Path) -> str:
    """The key `make run` generated for this checkout, so that manage.py works here without
    exporting it. Deployments set SECRET_KEY in the environment."""
    try:
        return path.read_text().strip()
    except OSError:
        return ""


DEBUG = env_bool("DEBUG")
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "data"))
SECRET_KEY = os.environ.get("SECRET_KEY", "") or local_secret(DATA_DIR / "secret_key")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (`make run` generates one in data/secret_key)."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Deployments behind HTTPS set HTTPS=true: HSTS, redirects and secure cookies.
HTTPS = env_bool("HTTPS")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
BEHIND_PROXY = env_bool("BEHIND_PROXY")
if BEHIND_PROXY:
    # The proxy terminates TLS and says so in this header; only trust it behind such a proxy.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp): scripts, styles and images from this site only, no inline
# script, no plugins, no framing. The pages keep their scripts in static/js/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}


def static_file_headers(headers, path, url):
    """WhiteNoise serves static files before any middleware runs: the same headers as the pages."""
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = SECURE_REFERRER_POLICY
    headers["X-Frame-Options"] = X_FRAME_OPTIONS
    headers["Content-Security-Policy"] = "; ".join(
        f"{name} {' '.join(values)}" for name, values in CONTENT_SECURITY_POLICY["DIRECTIVES"].items()
    )
    if SECURE_HSTS_SECONDS:
        headers["Strict-Transport-Security"] = f"max-age={SECURE_HSTS_SECONDS}; includeSubDomains; preload"


WHITENOISE_ADD_HEADERS_FUNCTION = static_file_headers

# Admin sign-in throttling (django-axes): after LOGIN_FAILURE_LIMIT failed sign-ins from one
# address, that address is refused (429) for LOGIN_COOLOFF_MINUTES: the LOGIN_FAILURE_LIMIT-th failure
# is itself answered 429, with Retry-After (archive.auth.lockout_response).
AUTHENTICATION_BACKENDS = [
    "archive.auth.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "archive.auth.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "archive.auth.lockout_response"
AXES_VERBOSE = False

INSTALLED_APPS = [
    "archive.apps.ArchiveAdminConfig",  # django.contrib.admin with the archive's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "axes",
    "csp",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "archive",
]

# Background tasks (django-tasks, the backport of Django 6's tasks, with its database backend: no
# other server). Imports uploaded in the admin run there; `manage.py db_worker` runs them (README).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "archive.public.errors.RequestSizeLimitMiddleware",
    "archive.replicas.ReplicaReadsMiddleware",  # before anything that reads the database
    "archive.public.ceiling.CostCeilingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "archive.public.reader_formats.ReaderFormatsMiddleware",  # dates and numbers in the reader's language
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into the 429 page
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

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

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'archive.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers go on while an import writes; IMMEDIATE avoids "database is locked"
    # when a reading transaction later wants to write.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# Read replicas (PostgreSQL streaming replicas of the primary): the public pages read from them
# (archive/replicas.py). In tests they mirror the primary.
REPLICA_ALIASES = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), 1):
    REPLICA_ALIASES.append(f"replica_{_number}")
    DATABASES[REPLICA_ALIASES[-1]] = {
        **dj_database_url.parse(_url, conn_max_age=env_int("CONN_MAX_AGE", 60), conn_health_checks=True),
        "TEST": {"MIRROR": "default"},
    }
# PostgreSQL's JIT compiles a query whose estimated cost passes jit_above_cost: the pages' facet
# counts over a common word at 10x the corpus pass it and spent 56 ms of their 390 compiling, for
# queries that run a few hundred ms at most. The archive's queries are a page's; JIT is off for its
# connections (the server's setting stays for anything else). DATABASE_JIT=on keeps it.
for _database in DATABASES.values():
    if _database["ENGINE"].startswith("django.db.backends.postgresql") and not env_bool("DATABASE_JIT"):
        _options = _database.setdefault("OPTIONS", {})
        _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
if REPLICA_ALIASES:
    DATABASE_ROUTERS = ["archive.replicas.ReplicaRouter"]
REPLICA_MAX_LAG_SECONDS = env_int("REPLICA_MAX_LAG_SECONDS", 5)
REPLICA_CHECK_SECONDS = env_int("REPLICA_CHECK_SECONDS", 2)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The languages whose dates and numbers the public pages write for a reader who asks for them
# (Accept-Language; archive/public/reader_formats.py): Django's format files and month names. The
# words of the pages stay English. Any English variant gets the site's en-gb formats. Left-to-right
# languages only: an Arabic or Hebrew date inside English text needs more than a format.
LANGUAGES = [
    ("en-gb", "English"),
    ("fr", "French"),
    ("de", "German"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("nl", "Dutch"),
    ("pl", "Polish"),
    ("sv", "Swedish"),
    ("da", "Danish"),
    ("nb", "Norwegian Bokmål"),
    ("fi", "Finnish"),
    ("cs", "Czech"),
    ("ru", "Russian"),
    ("uk", "Ukrainian"),
    ("tr", "Turkish"),
    ("ja", "Japanese"),
    ("zh-hans", "Simplified Chinese"),
    ("ko", "Korean"),
]
FORMAT_MODULE_PATH = ["archive.formats"]  # dates as the site writes them, in the admin too
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The cache: local memory (per process) unless CACHE_URL names a shared one, e.g.
# redis://127.0.0.1:6379/1 (Django's Redis backend; needs the `redis` package). The API's rate
# limit counts in it: with several workers, use a shared cache so that the limit is the site's.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL:
    raise ImproperlyConfigured(f"CACHE_URL must be a redis:// URL, not {CACHE_URL!r}")
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The API's rate limit: API_RATE_LIMIT requests per client address every API_RATE_WINDOW seconds
# (then 429 with Retry-After); 0 turns it off.
API_RATE_LIMIT = env_int("API_RATE_LIMIT", 120)
API_RATE_WINDOW = env_int("API_RATE_WINDOW", 60)
API_RATE_CACHE = "default"

# Where `import_documents` looks when given no path.
SEEDS_DIR = BASE_DIR / "seeds"

# The cost ceiling of a public request (archive/public/ceiling.py): seconds of database work at a
# stretch (a page, or one chunk of a streamed export) before the database stops it (503); 0: none.
REQUEST_QUERY_SECONDS = float(env_int("REQUEST_QUERY_MS", 5000)) / 1000
# Streamed exports one client may run at once (more: 429 with Retry-After); 0: no limit.
EXPORTS_PER_CLIENT = env_int("EXPORTS_PER_CLIENT", 2)
# Where the export slots are held (a lock file per client and slot: shared by every worker process).
EXPORT_LOCK_DIR = Path(os.environ.get("EXPORT_LOCK_DIR", "") or DATA_DIR / "export-locks")

# Limits for imports (bytes): one file, one upload, everything an archive may expand to.
IMPORT_MAX_FILE_BYTES = env_int("IMPORT_MAX_FILE_BYTES", 50 * 1024 * 1024)
IMPORT_MAX_UPLOAD_BYTES = env_int("IMPORT_MAX_UPLOAD_BYTES", 100 * 1024 * 1024)
IMPORT_MAX_ARCHIVE_BYTES = env_int("IMPORT_MAX_ARCHIVE_BYTES", 1024 * 1024 * 1024)
# Where uploaded files wait for the import worker (removed when their import ends).
IMPORT_UPLOAD_DIR = Path(os.environ.get("IMPORT_UPLOAD_DIR", DATA_DIR / "uploads"))
# One story: a file read whole (text, HTML, NITF, NewsML) larger than IMPORT_MAX_PAGE_BYTES is
# refused unread, a story text longer than IMPORT_MAX_STORY_CHARS before extraction (whose time
# grows faster than the text: 250,000 characters take about 2 s, 1,000,000 about 30 s).
IMPORT_MAX_PAGE_BYTES = env_int("IMPORT_MAX_PAGE_BYTES", 16 * 1024 * 1024)
IMPORT_MAX_STORY_CHARS = env_int("IMPORT_MAX_STORY_CHARS", 200_000)
# Where large archive members are unpacked (unnamed files, gone with the process) and Django keeps
# uploads larger than FILE_UPLOAD_MAX_MEMORY_SIZE while they are read; what a killed process left
# there and nobody touched for IMPORT_STALE_TMP_SECONDS is removed when the next import starts.
IMPORT_TMP_DIR = Path(os.environ.get("IMPORT_TMP_DIR", "") or DATA_DIR / "import-tmp")
IMPORT_STALE_TMP_SECONDS = env_int("IMPORT_STALE_TMP_SECONDS", 6 * 3600)
try:
    IMPORT_TMP_DIR.mkdir(parents=True, exist_ok=True)
    FILE_UPLOAD_TEMP_DIR = str(IMPORT_TMP_DIR)
except OSError:
    pass  # not writable here (a read-only image): imports say so when they need it; uploads use the system's
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
