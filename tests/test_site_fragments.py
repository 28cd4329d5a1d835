"""The menu, footer, site settings and language links are cached per site and language, and
what an editor saves or publishes shows on the next page, in every process.

Most tests run inside a transaction that never commits: writes are wrapped in `commit()`
(captured on-commit callbacks, executed), since the fragments are dropped at the commit. The
last test uses the production configuration: a cache in files shared with another process
running `portal.settings.production`, which makes the edit and commits it.
"""

import subprocess  # noqa: S404 - a second portal process
import sys

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import ContentPage
from navigation.models import MainMenu, MenuItem, SiteFooter, SiteSettings

from .worker_support import ROOT, cache_settings, production_env

ABOUT_EN = {"À propos": "About", "a-propos": "about"}


@pytest.fixture(autouse=True)
def fragment_cache(settings):
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def furnished(site_tree, commit):
    fr = site_tree["locales"]["fr"]
    with commit():
        about = ContentPage(title="À propos", slug="a-propos", locale=fr)
        site_tree["fr"].add_child(instance=about)
        about.save_revision().publish()
        menu = MainMenu.objects.create(locale=fr)
        item = MenuItem.objects.create(menu=menu, link_page=about, locale=fr)
        SiteFooter.objects.create(locale=fr, opening_hours="<p>Du mardi au samedi</p>")
        site_settings = SiteSettings.for_site(site_tree["site"])
        site_settings.street_address = "Pavillon du Parc"
        site_settings.save()
    return {**site_tree, "about": about, "item": item, "settings": site_settings}


def _soup(client, url="/fr/"):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _menu(soup):
    return [link.get_text() for link in soup.select(".main-nav a")]


def test_a_warm_page_reads_no_furniture_from_the_database(client, furnished):
    _soup(client)  # fills the fragments
    with CaptureQueriesContext(connection) as queries:
        soup = _soup(client)

    assert _menu(soup) == ["À propos"]
    assert "Pavillon du Parc" in soup.find("footer").get_text()
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    for table in ("navigation_", 'wagtailcore_locale" ORDER'):
        assert table not in tables


def test_menu_label_page_title_footer_and_settings_show_once_saved(client, furnished, commit):
    _soup(client)
    about, item = furnished["about"], furnished["item"]
    with commit():
        item.label = "Qui sommes-nous"
        item.save()
    assert _menu(_soup(client)) == ["Qui sommes-nous"]

    with commit():
        item.label = ""
        item.save()
        about.title = "La halle"
        about.save_revision().publish()
    assert _menu(_soup(client)) == ["La halle"]

    with commit():
        footer = SiteFooter.objects.get()
        footer.opening_hours = "<p>Tous les jours</p>"
        footer.save()
        furnished["settings"].street_address = "Quai des Halles"
        furnished["settings"].save()
    footer = _soup(client).find("footer").get_text()
    assert "Tous les jours" in footer
    assert "Quai des Halles" in footer


def test_an_unpublished_menu_page_leaves_the_menu(client, furnished, commit):
    _soup(client)
    with commit():
        furnished["about"].unpublish()
    assert _menu(_soup(client)) == []


def test_language_links_follow_a_new_translation(client, furnished, commit, translate):
    def english_link():
        return _soup(client, "/fr/a-propos/").select_one('.lang-switcher a[hreflang="en"]')

    assert english_link()["href"] == "/en/"  # not translated yet: the nearest translated page
    with commit():
        translate(furnished["about"], furnished["locales"]["en"], ABOUT_EN)
    assert english_link()["href"] == "/en/about/"


def test_the_menu_is_cached_per_language(client, furnished, commit, translate):
    with commit():
        translate(furnished["about"], furnished["locales"]["en"], ABOUT_EN)
    assert _menu(_soup(client, "/fr/")) == ["À propos"]
    assert _menu(_soup(client, "/en/")) == ["About"]


@pytest.mark.django_db(transaction=True)
def test_an_edit_committed_by_another_process_shows_here(client, site_tree, tmp_path, settings):
    """Production: fragments in a cache of files that a production process shares."""
    url = f"filecache://{tmp_path / 'cache'}"
    settings.CACHES = cache_settings(url)
    fr = site_tree["locales"]["fr"]
    about = ContentPage(title="À propos", slug="a-propos", locale=fr)
    site_tree["fr"].add_child(instance=about)
    about.save_revision().publish()
    item = MenuItem.objects.create(menu=MainMenu.objects.create(locale=fr), link_page=about)
    cache.clear()
    assert _menu(_soup(client)) == ["À propos"]
    assert _menu(_soup(client)) == ["À propos"]  # from the cache

    edit = (
        "from navigation.models import MenuItem; "
        f"item = MenuItem.objects.get(pk={item.pk}); item.label = 'Nous'; item.save()"
    )
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", edit],
        cwd=ROOT,
        env=production_env(tmp_path, url),
        check=True,
        timeout=120,
    )

    assert _menu(_soup(client)) == ["Nous"]


def test_the_site_is_found_without_a_query_when_warm_and_again_once_edited(
    client, furnished, commit
):
    _soup(client)
    with CaptureQueriesContext(connection) as queries:
        _soup(client)
    assert not [q for q in queries.captured_queries if 'FROM "wagtailcore_site"' in q["sql"]]

    site = furnished["site"]
    with commit():  # another site name: the cached one must not be served any more
        site.site_name = "Les Halles Civiques (essai)"
        site.save()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/")
    assert response.status_code == 200
    assert response.wsgi_request._wagtail_site.site_name == "Les Halles Civiques (essai)"
    assert [q for q in queries.captured_queries if 'FROM "wagtailcore_site"' in q["sql"]]
