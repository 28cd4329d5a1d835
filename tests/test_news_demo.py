"""The news demo: bilingual articles at stable addresses, a menu entry, the home page's
latest-news block, and a second run that changes nothing."""

from io import StringIO

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Revision

from home.models import HomePage
from navigation.models import MenuItem
from news.models import ArticlePage, Author, NewsIndexPage


def _load():
    output = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", "--no-admin", stdout=output)
    return output.getvalue()


def _state():
    return (
        NewsIndexPage.objects.count(),
        ArticlePage.objects.count(),
        Author.objects.count(),
        MenuItem.objects.count(),
        Revision.objects.count(),
    )


def test_demo_news_is_bilingual_and_idempotent(client, db):
    _load()
    first = _state()
    assert "nothing to do" in _load()
    assert _state() == first

    assert ArticlePage.objects.live().filter(locale__language_code="fr").count() == 4
    assert ArticlePage.objects.live().filter(locale__language_code="en").count() == 4
    assert Author.objects.filter(locale__language_code="en").count() == 2
    fr = client.get("/fr/actualites/")
    en = client.get("/en/news/")
    assert fr.status_code == en.status_code == 200
    assert "Wide Open Project : dix tiers-lieux en quinze mois" in fr.text
    assert "Wide Open Project: ten third places in fifteen months" in en.text
    assert "94%" in client.get("/en/news/les-co-citoyens-civic-crowdfunding/").text
    for article in ArticlePage.objects.live():
        response = client.get(article.url)
        assert response.status_code == 200, article.url
    assert client.get("/en/news/feed/").status_code == 200
    assert "Les Co-citoyens" in client.get("/en/news/?theme=civic-crowdfunding").text

    # Related pages are shown in English in the English article.
    festival = BeautifulSoup(
        client.get("/en/news/festives-halles-civiques-2018/").content, "html.parser"
    )
    related = {a["href"] for a in festival.select(".article__related a")}
    assert "/en/directory/les-halles-civiques/" in related
    assert all(href.startswith("/en/") for href in related)

    menu = BeautifulSoup(client.get("/en/").content, "html.parser").select(".main-nav a")
    assert "/en/news/" in [a["href"] for a in menu]
    for language, heading in [("fr", "Dernières actualités"), ("en", "Latest news")]:
        home = HomePage.objects.get(locale__language_code=language, depth=2)
        assert [b.block_type for b in home.body].count("latest_news") == 1
        page = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
        assert page.select_one(".latest-news h2").get_text() == heading
        assert len(page.select(".latest-news .card--article")) == 3
