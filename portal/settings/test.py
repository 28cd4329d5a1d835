"""Fast, isolated settings for the test suite."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# As large as production's: a page that stores many entries must not cull the fragments the
# next request reads (tests/test_query_counts.py). Renditions apart, as in production.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal-local",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
if "demo" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # the tests build pages with its factories
PORTAL_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
SERVE_MEDIA = True  # browser journeys load images from the in-memory storage
PORTAL_PAGE_CACHE_SECONDS = 0  # tests that exercise the page cache turn it on
# Tests change content inside transactions that never commit, so nothing would drop the
# fragments: the tests of the fragment cache and of query counts turn it on.
PORTAL_FRAGMENT_CACHE_SECONDS = 0
# Tests sign users in with client.login(), which gives django-axes no request to inspect;
# the throttling tests turn it back on.
AXES_ENABLED = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file rather than Django's shared-cache in-memory database: shared-cache SQLite answers
    # "table is locked" at once instead of waiting, so tests of concurrent writers (threads
    # signing up for the same event) need the file's real locks and busy timeout. One file per
    # run, like the in-memory database: a reused file would keep what a transactional test's
    # flush removed (the root page, locales, the site).
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"portal-test-{os.getpid()}.sqlite3")
    }
