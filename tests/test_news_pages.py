"""The news as readers see it: index and articles in both languages, theme filter, pagination,
JSON-LD and OpenGraph, related links, and the latest-news block of the home page."""

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from demo.images import generated_image
from tests import factories as f


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def card_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".card--article .card__title a")]


def json_ld(response):
    script = soup(response).find("script", type="application/ld+json")
    return json.loads(script.string)


def days_ago(n):
    return timezone.localdate() - dt.timedelta(days=n)


@pytest.fixture
def articles(news, translate):
    """Three French articles (one unpublished), two of them translated into English."""
    image = generated_image("Belvédère", ["#172033", "#235b3f"], size=(1600, 900))
    opening = f.article(
        news["fr"],
        "La Halle civique ouvre",
        slug="la-halle-civique-ouvre",
        kind="press-release",
        date=days_ago(10),
        introduction="Le pavillon du parc de Belleville ouvre ses portes.",
        lead_image=image,
        lead_image_alt="Le pavillon vu du parc",
        author=news["author"],
        themes=[news["themes"]["democracy"], news["themes"]["places"]],
        body=[{"type": "rich_text", "value": "<p>Un lieu pour la démocratie.</p>"}],
    )
    festival = f.article(
        news["fr"],
        "Les Festives",
        slug="les-festives",
        kind="story",
        date=days_ago(3),
        introduction="Le festival revient.",
        themes=[news["themes"]["democracy"]],
    )
    draft = f.article(news["fr"], "Brouillon secret", slug="brouillon", publish=False)
    en = news["en_locale"]
    opening_en = translate(
        opening,
        en,
        {
            "La Halle civique ouvre": "The Halle civique opens",
            "la-halle-civique-ouvre": "halle-civique-opens",
            "Le pavillon du parc de Belleville ouvre ses portes.": "The pavilion opens.",
            "Le pavillon vu du parc": "The pavilion seen from the park",
            "Un lieu pour la démocratie.": "A place for democracy.",
        },
    )
    festival_en = translate(
        festival,
        en,
        {
            "Les Festives": "The Festives",
            "les-festives": "the-festives",
            "Le festival revient.": "The festival is back.",
        },
    )
    return {
        "opening": opening,
        "festival": festival,
        "draft": draft,
        "opening_en": opening_en,
        "festival_en": festival_en,
    }


def test_index_lists_live_articles_newest_first_in_each_language(client, articles):
    fr = client.get("/fr/actualites/")
    assert card_titles(fr) == ["Les Festives", "La Halle civique ouvre"]
    assert "Brouillon secret" not in fr.text
    en = client.get("/en/news/")
    assert card_titles(en) == ["The Festives", "The Halle civique opens"]
    assert "Les Festives" not in en.text
    page = soup(en)
    assert page.find("html")["lang"] == "en"
    # Kinds are labelled in the reader's language; authors are shown.
    assert "Press release" in en.text and "By Camille Martin" in en.text


def test_index_announces_its_atom_feed(client, articles):
    for url, feed in [("/fr/actualites/", "/fr/actualites/feed/"), ("/en/news/", "/en/news/feed/")]:
        link = soup(client.get(url)).find("link", rel="alternate", type="application/atom+xml")
        assert link["href"] == feed


def test_theme_filter_in_the_readers_language(client, articles, news):
    fr = client.get("/fr/actualites/?theme=tiers-lieux")
    assert card_titles(fr) == ["La Halle civique ouvre"]
    # English articles point at the French theme rows; the English slug still finds them.
    en = client.get("/en/news/?theme=third-places")
    assert card_titles(en) == ["The Halle civique opens"]
    options = [a.get_text(strip=True) for a in soup(en).select(".news-themes a")]
    assert options == ["All themes", "Participatory democracy", "Third places"]
    current = soup(en).select_one('.news-themes a[aria-current="true"]')
    assert current.get_text(strip=True) == "Third places"
    # A French slug in the English index, or an unknown one, is ignored: everything is listed.
    for url in ["/en/news/?theme=tiers-lieux", "/en/news/?theme=<script>", "/en/news/?theme="]:
        assert card_titles(client.get(url)) == ["The Festives", "The Halle civique opens"], url


def test_article_shows_themes_in_the_readers_language(client, articles):
    page = soup(client.get("/en/news/halle-civique-opens/"))
    themes = [a.get_text(strip=True) for a in page.select(".article__aside .news-tags a")]
    assert themes == ["Participatory democracy", "Third places"]
    assert page.select_one(".news-tags a")["href"] == "/en/news/?theme=participatory-democracy"
    assert "Démocratie" not in page.get_text()


def test_bad_page_numbers_never_fail(client, articles):
    for query in ["page=abc", "page=0", "page=-3", "page=999999", "page=1e9", "page=" + "9" * 400]:
        response = client.get(f"/fr/actualites/?{query}")
        assert response.status_code == 200, query
        assert len(card_titles(response)) == 2, query


def test_ten_articles_per_page_keeping_the_theme(client, news):
    for n in range(23):
        f.article(
            news["fr"],
            f"Article {n:02d}",
            date=days_ago(n),
            themes=[news["themes"]["places"]],
        )
    first = client.get("/fr/actualites/?theme=tiers-lieux")
    assert card_titles(first) == [f"Article {n:02d}" for n in range(10)]
    next_link = soup(first).find("a", rel="next")["href"]
    assert next_link == "?theme=tiers-lieux&page=2"
    third = client.get("/fr/actualites/" + next_link.replace("page=2", "page=3"))
    assert card_titles(third) == ["Article 20", "Article 21", "Article 22"]
    assert "(page 3)" in soup(third).title.string


def test_article_page_renders_in_both_languages(client, articles):
    fr = client.get("/fr/actualites/la-halle-civique-ouvre/")
    en = client.get("/en/news/halle-civique-opens/")
    assert "Un lieu pour la démocratie." in fr.text
    assert "A place for democracy." in en.text
    page = soup(en)
    assert page.h1.get_text(strip=True) == "The Halle civique opens"
    # The author is the English version of the snippet (a translated role).
    assert "Communications officer" in en.text and "Chargée" not in en.text
    # The lead image is the French article's (synchronised), with translated alternative text.
    assert page.select_one(".article__image img")["alt"] == "The pavilion seen from the park"
    link = page.find("link", rel="alternate", type="application/atom+xml")
    assert link["href"] == "/en/news/feed/"


def test_article_json_ld_and_opengraph(client, articles):
    response = client.get("/en/news/halle-civique-opens/")
    data = json_ld(response)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "The Halle civique opens"
    assert data["description"] == "The pavilion opens."
    assert data["datePublished"] == days_ago(10).isoformat()
    assert dt.datetime.fromisoformat(data["dateModified"]).tzinfo is not None
    assert data["author"] == {
        "@type": "Person",
        "name": "Camille Martin",
        "jobTitle": "Communications officer",
    }
    assert data["publisher"]["name"] == "Les Halles Civiques"
    assert data["inLanguage"] == "en"
    assert data["articleSection"] == "Press release"
    assert data["url"] == "http://testserver/en/news/halle-civique-opens/"
    assert data["keywords"] == ["Participatory democracy", "Third places"]
    assert data["image"][0].startswith("http://testserver/") and "fill-1200x630" in data["image"][0]
    page = soup(response)
    meta = {tag["property"]: tag["content"] for tag in page.find_all("meta", property=True)}
    assert meta["og:type"] == "article"
    assert meta["og:image"] == data["image"][0]
    assert meta["og:description"] == "The pavilion opens."
    assert meta["article:published_time"] == days_ago(10).isoformat()


def test_json_ld_cannot_close_the_script_element(client, news):
    title = "Evil </script><script>alert(1)</script> & co"
    article = f.article(news["fr"], title, introduction="<!-- x --> & <b>")
    response = client.get(article.url)
    assert "</script><script>alert(1)" not in response.text
    data = json_ld(response)
    assert data["headline"] == title
    assert data["description"] == "<!-- x --> & <b>"


def test_related_links_in_the_readers_language(client, news, translate, site_tree):
    en = news["en_locale"]
    directory = f.directory_index(site_tree["fr"])
    translate(directory, en, {"Annuaire": "Directory", "annuaire": "directory"})
    cocity = f.organisation(directory, "Les Co-citoyens", slug="les-co-citoyens")
    translate(
        cocity,
        en,
        {
            "Les Co-citoyens": "Les Co-citoyens",
            "les-co-citoyens": "les-co-citoyens",
            "Summary of Les Co-citoyens": "Civic crowdfunding",
        },
    )
    voisins = f.place(directory, "Les Grands Voisins", slug="grands-voisins")  # French only
    article = f.article(
        news["fr"],
        "Financer à plusieurs",
        slug="financer",
        introduction="Une collecte.",
        related_organisations=[cocity],
        related_places=[voisins],
    )
    fr = soup(client.get("/fr/actualites/financer/"))
    links = {a["href"] for a in fr.select(".article__related a")}
    assert links == {"/fr/annuaire/les-co-citoyens/", "/fr/annuaire/grands-voisins/"}
    translate(
        article,
        en,
        {"Financer à plusieurs": "Funding together", "financer": "funding", "Une collecte.": "A"},
    )
    en_page = soup(client.get("/en/news/funding/"))
    links = {a["href"] for a in en_page.select(".article__related a")}
    # The English organisation, and no French page left in the English article.
    assert links == {"/en/directory/les-co-citoyens/"}
    assert "Civic crowdfunding" in en_page.select_one(".article__related").get_text()


def test_latest_news_block_on_the_home_page(client, articles, site_tree, translate):
    home = site_tree["fr"]
    home.body = [{"type": "latest_news", "value": {"heading": "Dernières actualités", "count": 1}}]
    home.save_revision().publish()
    translate(home, site_tree["locales"]["en"], {"Dernières actualités": "Latest news"})
    fr = client.get("/fr/")
    assert card_titles(fr) == ["Les Festives"]
    assert soup(fr).select_one(".latest-news__more a")["href"] == "/fr/actualites/"
    en = client.get("/en/")
    assert card_titles(en) == ["The Festives"]
    assert "Latest news" in en.text
    assert soup(en).select_one(".latest-news__more a")["href"] == "/en/news/"


def test_latest_news_block_without_articles(client, site_tree):
    home = site_tree["fr"]
    home.body = [{"type": "latest_news", "value": {"heading": "Actualités", "count": 3}}]
    home.save_revision().publish()
    response = client.get("/fr/")
    assert response.status_code == 200
    assert soup(response).select_one(".latest-news .empty-state")


# --- Constant SQL queries ---------------------------------------------------------------------


def _fill(news, count, start=0):
    image = generated_image("Une", ["#000000", "#ffffff"], size=(64, 36))
    for n in range(start, start + count):
        f.article(
            news["fr"],
            f"Article {n:02d}",
            date=days_ago(n),
            lead_image=image,
            author=news["author"],
            themes=[news["themes"]["democracy"], news["themes"]["places"]],
        )


def _count_queries(client, url):
    client.get(url)  # the first request creates renditions and warms the site caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_articles(client, news, site_tree):
    home = site_tree["fr"]
    home.body = [{"type": "latest_news", "value": {"heading": "Actualités", "count": 6}}]
    home.save_revision().publish()
    urls = [
        "/fr/actualites/",
        "/fr/actualites/?theme=tiers-lieux&page=2",
        "/fr/actualites/feed/",
        "/fr/",
    ]
    _fill(news, 10)
    few = [_count_queries(client, url) for url in urls]
    _fill(news, 20, start=10)
    many = [_count_queries(client, url) for url in urls]
    assert many == few
    assert max(few) < 40  # and small: one query per kind of thing shown, not per article
