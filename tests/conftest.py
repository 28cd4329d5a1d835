"""The page tree, locales and site every test starts from.

`site_tree` gives a French home page at the root of the default site and its English
translation (made with wagtail-localize, as editors make it), so tests render real pages
through the real URL configuration.
"""

import os

import pytest
from django.test import TestCase
from wagtail.models import Collection, Locale, Page, Site

from languages.translation import translate as translate_with_glossary


def translate_now(instance, locale, glossary, **kwargs):
    """wagtail-localize publishes translations on commit; tests run inside a transaction
    that never commits, so run those callbacks straight away."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_with_glossary(instance, locale, glossary, **kwargs)
    translated = instance.get_translation(locale)
    return getattr(translated, "specific", translated)


@pytest.fixture
def translate():
    return translate_now


@pytest.fixture(autouse=True)
def fresh_content_type_cache():
    """A transactional test's flush gives content types new keys; forget the cached ones, and
    the renditions and routes cached by an earlier test (their rows were rolled back)."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches

    ContentType.objects.clear_cache()
    caches["renditions"].clear()
    caches["local"].clear()


@pytest.fixture
def locales(db):
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"fr": fr, "en": en}


@pytest.fixture
def site_tree(locales):
    from home.models import HomePage

    # A reused test database (a file, see settings/test.py) may have been flushed by a
    # transactional test, which removes the root page and collection migrations created.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["fr"])
    )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    Site.objects.all().delete()
    root.get_children().delete()  # Wagtail's "Welcome" placeholder page
    home_fr = HomePage(title="Accueil", slug="accueil", locale=locales["fr"])
    root.add_child(instance=home_fr)
    home_fr.save_revision().publish()
    site = Site.objects.create(
        hostname="testserver",
        port=80,
        root_page=home_fr,
        is_default_site=True,
        site_name="Les Halles Civiques",
    )
    home_en = translate_now(home_fr, locales["en"], {"Accueil": "Home", "accueil": "home"})
    return {"site": site, "root": root, "fr": home_fr, "en": home_en, "locales": locales}


# --- Real-browser journeys -------------------------------------------------------------------
# Playwright drives Debian's Chromium (never a downloaded browser). On a developer machine
# without Chromium the journeys are skipped with a reason; in CI (CI=true) they fail instead,
# so a missing browser can never pass unnoticed.

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _chromium_path():
    import shutil

    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    path = _chromium_path()
    if not os.path.exists(path):
        message = f"Chromium not found at {path}: install Debian's chromium package"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # around it are still synchronous.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab that records console errors and uncaught exceptions."""
    context = browser.new_context(locale="fr-FR")
    tab = context.new_page()
    tab.console_errors = []
    tab.on(
        "console", lambda msg: tab.console_errors.append(msg.text) if msg.type == "error" else None
    )
    tab.on("pageerror", lambda exc: tab.console_errors.append(str(exc)))
    tab.on(
        "response",
        lambda r: tab.console_errors.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    yield tab
    context.close()


# SQLite test database files holding the demo just loaded, one per process (see demo_site).
_demo_snapshots = {}


def _copy_sqlite(source, target):
    """Every page of one SQLite database into another (SQLite's online backup): the target's
    content becomes the source's, committed, for every connection to it."""
    source.backup(target)


@pytest.fixture
def demo_site(transactional_db):
    """The demo content, committed, for the journeys whose live server reads it.

    A transactional test's flush also removes the root page and collection that Wagtail's
    migrations create; the demo loader puts them back like it would after `manage.py flush`.
    Loading the demo takes seconds, so on SQLite the database is copied aside after the first
    load in a process and copied back for the next journeys (the same rows, committed)."""
    import sqlite3

    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "sqlite":
        call_command("load_demo", "--no-admin", verbosity=0)
        return
    connection.ensure_connection()
    snapshot = _demo_snapshots.get(connection.settings_dict["NAME"])
    if snapshot is None:
        call_command("load_demo", "--no-admin", verbosity=0)
        snapshot = f"{connection.settings_dict['NAME']}.demo"
        with sqlite3.connect(snapshot) as copy:
            _copy_sqlite(connection.connection, copy)
        copy.close()
        _demo_snapshots[connection.settings_dict["NAME"]] = snapshot
    else:
        with sqlite3.connect(snapshot) as copy:
            _copy_sqlite(copy, connection.connection)
        copy.close()
    # Keys cached from the rows the flush removed (content types, Wagtail's site paths).
    ContentType.objects.clear_cache()
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _forget_demo_snapshots():
    yield
    for snapshot in _demo_snapshots.values():
        if os.path.exists(snapshot):
            os.remove(snapshot)


@pytest.fixture
def news(site_tree):
    """A French news index with its English translation, two themes translated into English
    and an author translated into English; articles are added by each test."""
    from tests import factories as f

    en = site_tree["locales"]["en"]
    index = f.news_index(site_tree["fr"])
    index_en = translate_now(index, en, {"Actualités": "News", "actualites": "news"})
    democracy = f.theme("Démocratie participative", "democratie-participative")
    places = f.theme("Tiers-lieux", "tiers-lieux")
    democracy_en = translate_now(
        democracy,
        en,
        {
            "Démocratie participative": "Participatory democracy",
            "democratie-participative": ("participatory-democracy"),
        },
    )
    places_en = translate_now(
        places, en, {"Tiers-lieux": "Third places", "tiers-lieux": "third-places"}
    )
    author = f.author("Camille Martin", role="Chargée de communication")
    author_en = translate_now(author, en, {"Chargée de communication": "Communications officer"})
    return {
        "fr": index,
        "en": index_en,
        "en_locale": en,
        "themes": {"democracy": democracy, "places": places},
        "themes_en": {"democracy": democracy_en, "places": places_en},
        "author": author,
        "author_en": author_en,
    }
