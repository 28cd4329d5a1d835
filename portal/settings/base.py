"""Settings shared by every environment.

Everything that differs between machines (secrets, services, hosts) is read from the
environment with django-environ; the defaults give a working local portal on SQLite with
Wagtail's database search backend and no other service.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ

from search.backends import search_backends_from_url

from .cache_keys import caches_from_environment

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# Only the dev and test layers set a default; production refuses to start without one.
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Our apps: the content apps and search, then the foundations (docs/architecture.md).
INSTALLED_APPS = [
    "home",
    "directory",
    "programme",
    "news",
    "search",
    "submissions",
    "rooms",
    # What a French association's site must have (issue 21, docs/privacy.md).
    "legal",
    "contact",
    "newsletter",
    "embed_builder",
    "privacy",
    "streamblocks",
    "navigation",
    "languages",
    "publicforms",
    "outbox",
    "backups",
    "fileimports",
    "security",
    "pagecache",
    "taskqueue",
    "dashboard",
    "audience",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "axes",
    "csp",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "security.headers.PermissionsPolicyMiddleware",
    "security.headers.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "languages.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After authentication and messages (it serves anonymous visitors only) and below the
    # header middleware, so cached pages still get fresh security headers.
    "pagecache.middleware.AnonymousPageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into a 429.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses logins for an account and address that failed too often.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
    {
        # The programme's agenda rows (portal/jinja2.py): templates under <app>/jinja2/.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,
        "OPTIONS": {"environment": "portal.jinja2.environment"},
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite under var/ by default; DATABASE_URL (postgres://...) switches to PostgreSQL.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
}
# Connections are kept between requests (on SQLite too: opening one, with its pragmas and
# Django's functions, cost 3 to 4 ms of each uncached page).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# Without health checks the first request after a database restart fails.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # WAL lets readers and one writer work at once; the busy timeout makes a
            # writer wait for the lock instead of failing with "database is locked".
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# Shared by every process of the machine out of the box (files under var/cache): the page
# cache, the content version that invalidates it, and the rate limits must agree between
# gunicorn workers and the task worker. Several machines: CACHE_URL=redis://host:6379/0.
CACHES = caches_from_environment(env, VAR_DIR, DATABASES["default"])

# --- Search ---------------------------------------------------------------------------------
# SEARCH_URL unset: readers search the read model in the database; elasticsearch://host:9200
# (see search/backends.py): the read model is mirrored into Elasticsearch 8, which answers
# readers, with the database as the fallback. The admin's search uses the database always.
SEARCH_URL = env.str("SEARCH_URL", default="")
WAGTAILSEARCH_BACKENDS = search_backends_from_url(SEARCH_URL)
# Seconds a reader's search waits for the engine before the database answers instead.
SEARCH_ENGINE_TIMEOUT = env.float("SEARCH_ENGINE_TIMEOUT", default=1.0)

# --- Background tasks: the queue, its worker and the scheduler (tasks.py) ---
from .tasks import *  # noqa: E402, F403

# --- Health (/healthz, portal/health.py) ----------------------------------------------------
# Each returns a dict with "ok"; a failing one makes /healthz answer 503 with its reason.
PORTAL_HEALTH_CHECKS = [
    "portal.health.database",
    "taskqueue.health.task_queue",
    "portal.health.search_engine",
    "search.health.index_health",  # indexed entries against live pages
]
# 503 when the oldest task due has waited longer than this (seconds).
PORTAL_HEALTH_MAX_TASK_WAIT = env.int("PORTAL_HEALTH_MAX_TASK_WAIT", default=300)

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Les Halles Civiques <portail@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
PORTAL_STAFF_EMAILS = env.list("PORTAL_STAFF_EMAILS", default=[])

# --- Public forms (publicforms/defences.py, publicforms/uploads.py) -------------------------
PORTAL_FORM_RATE = env.str("PORTAL_FORM_RATE", default="10/h")  # posts per address
PORTAL_FORM_MIN_SECONDS = env.int("PORTAL_FORM_MIN_SECONDS", default=3)
PORTAL_SUBMISSION_LINK_DAYS = env.int("PORTAL_SUBMISSION_LINK_DAYS", default=60)
# A room is often booked months ahead: the requester's status link lives longer.
PORTAL_ROOM_LINK_DAYS = env.int("PORTAL_ROOM_LINK_DAYS", default=180)
PORTAL_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
PORTAL_UPLOAD_MAX_PIXELS = 24_000_000
# Behind a proxy, set this to the header that carries the client address.
RATELIMIT_IP_META_KEY = env.str("RATELIMIT_IP_META_KEY", default="REMOTE_ADDR")

# --- Passwords ------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ------------------------------------------------------------------------------
# French is the source language. A third locale is one more entry here plus its catalogue
# in locale/ (and a Locale row, which `manage.py sync_locales` creates).
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
MEDIA_URL = "/media/"
# Let Django serve uploads when no web server in front does (local runs, one-machine installs).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Les Halles Civiques"
# The portal's one public origin: in JSON-LD, feeds, sitemaps, e-mails and canonical links
# (languages/origin.py); the default Site record is set from it by the demo loader.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=PORTAL_BASE_URL)
PORTAL_ADMIN_PATH = env.str("PORTAL_ADMIN_PATH", default="admin/")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents are downloaded, never rendered inline, so an uploaded HTML file cannot run script:
# served through Django (the checks below always apply), every type an attachment (PDFs
# included: a PDF can carry script too), with nosniff and a CSP that blocks embedded content.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# No SVG: it is a document that can carry script, not a picture.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Unreadable "images" (a bitmap's header followed by markup) are a form error, not a 500.
WAGTAILIMAGES_IMAGE_FORM_BASE = "security.images.PortalImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 8 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar in the admin: the CSP allows no remote image, and editors' e-mail hashes stay here.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Machine translation in wagtail-localize's editor, only when a DeepL key is configured.
if DEEPL_API_KEY := env.str("DEEPL_API_KEY", default=""):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }

# --- Security defaults shared by every layer ------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
PERMISSIONS_POLICY = (
    "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), "
    "accelerometer=(), gyroscope=(), magnetometer=(), interest-cohort=()"
)
# Map tiles come from this server; its origin is allowed by the Content-Security-Policy.
PORTAL_MAP_TILE_URL = env.str(
    "PORTAL_MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
_tile_origin = urlsplit(PORTAL_MAP_TILE_URL.replace("{s}", "*"))
MAP_TILE_ORIGIN = f"{_tile_origin.scheme}://{_tile_origin.netloc}"

# No inline script, no remote asset: only map tiles come from elsewhere. Pages may be framed
# by nobody; the embeddable directory and programme views relax frame-ancestors themselves.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", MAP_TILE_ORIGIN],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin uses inline scripts and styles; it is reached by signed-in staff only.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", MAP_TILE_ORIGIN],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

# Admin logins: 5 failures for one account from one address lock that pair for 15 minutes;
# the same account from another address still works, so an attacker cannot lock staff out.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin_lockout.html"
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)

# Demo content (`manage.py load_demo`, the demo app): on in development and tests; elsewhere
# only with PORTAL_DEMO=true (a throwaway site for a drill or a demonstration).
if env.bool("PORTAL_DEMO", default=False):
    INSTALLED_APPS.append("demo")

# Anonymous pages are cached this long, and the cache is dropped whenever content changes.
PORTAL_PAGE_CACHE_SECONDS = env.int("PORTAL_PAGE_CACHE_SECONDS", default=300)
# The menu, footer, language links and site settings, shared by every page and visitor, are
# cached under the same content version (pagecache/fragments.py); 0 turns that off.
PORTAL_FRAGMENT_CACHE_SECONDS = env.int("PORTAL_FRAGMENT_CACHE_SECONDS", default=3600)
# What public pages show: a save or delete of these (app labels, or app_label.Model and its
# subclasses: every page type) drops the page cache when its transaction commits
# (pagecache/signals.py). Publishing, unpublishing and moving pages drop it too.
PORTAL_PAGE_CACHE_CONTENT = [
    "home",
    "navigation",
    "directory",
    "programme",
    "news",
    "legal.LegalPagesSettings",  # every footer links to the pages it names
    "wagtailcore.Page",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailsearchpromotions.SearchPromotion",
    "wagtailredirects.Redirect",
]
# Tasks whose end drops the page cache. None today: readers' search index is written in the
# publishing transaction, and its writes drop the cache when they commit (search/apps.py);
# the worker's index task only updates the admin's search.
PORTAL_PAGE_CACHE_AFTER_TASKS = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# --- Listings, open data, partners (listings.py); personal data (personal_data.py) ---
from .listings import *  # noqa: E402, F403
from .personal_data import *  # noqa: E402, F403
from .personal_data import PORTAL_AUDIENCE_TOOL, PORTAL_AUDIENCE_URL  # noqa: E402

if PORTAL_AUDIENCE_TOOL and PORTAL_AUDIENCE_URL:
    # The tracker posts to that server and nowhere else.
    _audience = urlsplit(PORTAL_AUDIENCE_URL)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["connect-src"] = [
        *CONTENT_SECURITY_POLICY["DIRECTIVES"]["connect-src"],
        f"{_audience.scheme}://{_audience.netloc}",
    ]
