"""The demo loader builds a bilingual site and a second run changes nothing.

Loading the demo is the suite's slowest setup (every page is written and translated), so one
test loads it twice and checks each part of the site in turn: home and furniture, directory,
programme, news, rooms. Each part's checks are a function of their own below.
"""

from io import StringIO

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import TestCase
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from directory.models import DirectoryIndexPage, OrganisationPage, PlacePage, Theme
from home.models import HomePage
from navigation.models import MainMenu, MenuItem
from news.models import ArticlePage, Author, NewsIndexPage
from programme.models import EventPage
from rooms.models import RoomPage, RoomRequest, RoomsIndexPage


def _load():
    output = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", "--no-admin", stdout=output)
    return output.getvalue()


def _state():
    return {
        "pages": list(
            Page.objects.order_by("path").values_list("path", "slug", "live", "locale_id")
        ),
        "revisions": Revision.objects.count(),
        "themes": Theme.objects.count(),
        "authors": Author.objects.count(),
        "menu items": MenuItem.objects.count(),
        "room requests": RoomRequest.objects.count(),
    }


def test_demo_is_bilingual_and_idempotent(client, db):
    _load()
    first = _state()
    assert "nothing to do" in _load()
    assert _state() == first

    _check_home_and_furniture(client)
    _check_directory(client)
    _check_programme(client)
    _check_news(client)
    _check_rooms(client)


def _menu_links(client, language):
    page = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
    return [a["href"] for a in page.select(".main-nav a")]


def _check_home_and_furniture(client):
    assert client.get("/fr/").status_code == 200
    assert client.get("/en/").status_code == 200
    en_about = client.get("/en/about/")
    assert en_about.status_code == 200 and "About us" in en_about.text
    assert "Pavillon du Parc de Belleville" in client.get("/fr/venir/").text
    # The illustrations (issue 19) describe what they show and are credited in the legal notice.
    hall = get_image_model().objects.get(title="La grande halle, un jour de rencontres")
    assert (hall.width, hall.height) == (1600, 900) and "halle" in hall.description
    assert "dedicated to the public domain (CC0)" in client.get("/en/legal-notice/").text
    # The Site record names the one origin of PORTAL_BASE_URL (issue 18), not http://localhost.
    assert Site.objects.get(is_default_site=True).root_url == "http://testserver"
    # Every menu item has its own position, in both languages (issue 18: the admin kept
    # reordering items that had none).
    for menu in MainMenu.objects.all():
        positions = list(menu.items.values_list("sort_order", flat=True))
        assert None not in positions and len(set(positions)) == len(positions) > 0


def _check_directory(client):
    assert DirectoryIndexPage.objects.count() == 2
    assert OrganisationPage.objects.count() >= 12 and PlacePage.objects.count() >= 12
    for url in [
        "/fr/annuaire/",
        "/en/directory/",
        "/en/directory/les-co-citoyens/",
        "/fr/annuaire/les-grands-voisins/",
    ]:
        assert client.get(url).status_code == 200, url
    response = client.get("/en/directory/?theme=civic-crowdfunding")
    assert "Les Co-citoyens" in [entry.title for entry in response.context["entries"]]
    assert "/en/directory/" in _menu_links(client, "en")


def _check_programme(client):
    assert EventPage.objects.filter(locale__language_code="fr").count() == 8
    assert EventPage.objects.filter(locale__language_code="en", live=True).count() == 8
    fr, en = client.get("/fr/programme/"), client.get("/en/programme/")
    assert fr.status_code == en.status_code == 200
    assert "Café citoyen du mercredi" in fr.text
    assert "Wednesday citizens’ café" in en.text
    for event in EventPage.objects.live():
        assert client.get(event.url).status_code == 200, event.url
    assert "/en/programme/" in _menu_links(client, "en")


def _check_news(client):
    assert NewsIndexPage.objects.count() == 2
    assert ArticlePage.objects.live().filter(locale__language_code="fr").count() == 4
    assert ArticlePage.objects.live().filter(locale__language_code="en").count() == 4
    assert Author.objects.filter(locale__language_code="en").count() == 2
    fr, en = client.get("/fr/actualites/"), client.get("/en/news/")
    assert fr.status_code == en.status_code == 200
    assert "Wide Open Project : dix tiers-lieux en quinze mois" in fr.text
    assert "Wide Open Project: ten third places in fifteen months" in en.text
    assert "94%" in client.get("/en/news/les-co-citoyens-civic-crowdfunding/").text
    for article in ArticlePage.objects.live():
        assert client.get(article.url).status_code == 200, article.url
    assert client.get("/en/news/feed/").status_code == 200
    assert "Les Co-citoyens" in client.get("/en/news/?theme=civic-crowdfunding").text
    # Related pages are shown in English in the English article.
    festival = BeautifulSoup(
        client.get("/en/news/festives-halles-civiques-2018/").content, "html.parser"
    )
    related = {a["href"] for a in festival.select(".article__related a")}
    assert "/en/directory/les-halles-civiques/" in related
    assert all(href.startswith("/en/") for href in related)
    assert "/en/news/" in _menu_links(client, "en")
    for language, heading in [("fr", "Dernières actualités"), ("en", "Latest news")]:
        home = HomePage.objects.get(locale__language_code=language, depth=2)
        assert [b.block_type for b in home.body].count("latest_news") == 1
        page = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
        assert page.select_one(".latest-news h2").get_text() == heading
        assert len(page.select(".latest-news .card--article")) == 3


def _check_rooms(client):
    assert RoomsIndexPage.objects.filter(url_path__endswith="/salles/").exists()
    assert RoomsIndexPage.objects.filter(url_path__endswith="/rooms/").exists()
    assert RoomPage.objects.filter(locale__language_code="en").count() == 3
    assert set(RoomRequest.objects.values_list("status", flat=True)) == {"pending", "confirmed"}
