"""The site search page: every type in the reader's language, filters, promotions, reports."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from programme.models import EventPage, ProgrammePage
from search.models import SearchPage, SearchQueryLog
from tests import factories as f


def _event(parent, title, start, **fields):
    event = EventPage(title=title, start=start, end=start + dt.timedelta(hours=2), **fields)
    parent.add_child(instance=event)
    event.save_revision().publish()
    return event


@pytest.fixture
def site(site_tree, translate):
    home = site_tree["fr"]
    search = SearchPage(title="Recherche", slug="recherche", locale=home.locale)
    home.add_child(instance=search)
    search.save_revision().publish()
    translate(search, site_tree["locales"]["en"], {"Recherche": "Search", "recherche": "search"})
    index = f.directory_index(home)
    f.organisation(index, "Démocratie ouverte", summary="Un collectif pour la démocratie.")
    f.place(index, "Maison de la démocratie", summary="Un lieu à Bruxelles.")
    programme = ProgrammePage(title="Programme", slug="programme", locale=home.locale)
    home.add_child(instance=programme)
    programme.save_revision().publish()
    now = timezone.now()
    _event(programme, "Débat passé sur la démocratie", now - dt.timedelta(days=30))
    _event(programme, "Débat à venir sur la démocratie", now + dt.timedelta(days=10))
    return {"home": home, "search": search, "index": index, "programme": programme}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_search_page_lists_every_type_with_highlights(client, site):
    response = client.get("/fr/recherche/", {"q": "democratie"})
    assert response.status_code == 200
    html = soup(response)
    titles = [h3.get_text() for h3 in html.select(".site-search__result h3")]
    assert set(titles) == {
        "Démocratie ouverte",
        "Maison de la démocratie",
        "Débat passé sur la démocratie",
        "Débat à venir sur la démocratie",
    }
    assert html.select_one(".site-search__result h3 mark").get_text().lower() == "démocratie"
    assert titles[-1] == "Débat passé sur la démocratie"  # past events come last
    assert titles.index("Débat à venir sur la démocratie") < titles.index(
        "Débat passé sur la démocratie"
    )


def test_type_filter_and_counts(client, site):
    # The old plural values ("events") still work; links use the kinds pages declare.
    response = client.get("/fr/recherche/", {"q": "democratie", "type": "events"})
    counts = {link["key"]: link["count"] for link in response.context["type_links"]}
    assert counts == {"organisation": 1, "place": 1, "event": 2, "page": 0}
    titles = [r["page"].title for r in response.context["results"]]
    assert titles == ["Débat à venir sur la démocratie", "Débat passé sur la démocratie"]
    # Several types at once: organisations or places.
    both = client.get("/fr/recherche/?q=democratie&type=organisation&type=place")
    assert {r["page"].title for r in both.context["results"]} == {
        "Démocratie ouverte",
        "Maison de la démocratie",
    }
    links = {link["key"]: link for link in both.context["type_links"]}
    assert links["place"]["selected"] and links["organisation"]["selected"]
    assert links["place"]["url"] == "?q=democratie&type=organisation"  # unticks "place"
    bad = client.get("/fr/recherche/", {"q": "democratie", "type": "nonsense"})
    assert bad.status_code == 200
    assert len(bad.context["results"]) == 4


@pytest.mark.parametrize("page", ["abc", "999", "-1", "0", ""])
def test_pagination_never_fails(client, site, page):
    response = client.get("/fr/recherche/", {"q": "democratie", "page": page})
    assert response.status_code == 200


def test_english_search_page_searches_english_only(client, site):
    response = client.get("/en/search/", {"q": "democratie"})
    assert response.status_code == 200
    assert response.context["results"] == []


def test_header_box_and_opensearch_are_announced(client, site):
    html = soup(client.get("/fr/"))
    form = html.select_one("form.header-search")
    assert form["action"] == "/fr/recherche/"
    field = form.select_one("input[name=q]")
    assert html.select_one(f"label[for={field['id']}]") is not None
    assert field["data-search-suggest"] == "/fr/recherche/suggest/"
    link = html.select_one('link[rel=search][type="application/opensearchdescription+xml"]')
    response = client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    assert b"http://testserver/fr/recherche/?q={searchTerms}" in response.content
    assert not html.select("script:not([src]):not([type='application/ld+json'])")


def test_suggestions_cover_every_type(client, site):
    results = client.get("/fr/recherche/suggest/", {"q": "deb"}).json()["results"]
    assert {r["title"] for r in results} == {
        "Débat passé sur la démocratie",
        "Débat à venir sur la démocratie",
    }
    results = client.get("/fr/recherche/suggest/", {"q": "maison"}).json()["results"]
    assert [r["url"] for r in results] == ["/fr/annuaire/" + "maison-de-la-democratie/"] or len(
        results
    ) == 1


@pytest.mark.parametrize("query", ['"', "*", "OR", "((", "\x00", "é" * 3000, "🙂"])
def test_hostile_queries(client, site, query):
    assert client.get("/fr/recherche/", {"q": query}).status_code == 200
    assert client.get("/fr/recherche/suggest/", {"q": query}).status_code == 200


def test_promotions_are_shown_above_results(client, site):
    target = site["index"]
    SearchPromotion.objects.create(
        query=Query.get("démocratie"), page=target, sort_order=0, description="Tout l'annuaire"
    )
    html = soup(client.get("/fr/recherche/", {"q": "Démocratie"}))
    promoted = html.select_one(".site-search__promotions")
    assert promoted is not None
    assert "Tout l'annuaire" in promoted.get_text()


def test_queries_are_logged_and_reported(client, site, admin_client):
    client.get("/fr/recherche/", {"q": "Démocratie"})
    client.get("/fr/recherche/", {"q": "democratie", "page": "2"})  # later pages not counted
    client.get("/fr/recherche/", {"q": "jardin partagé"})
    client.get("/fr/recherche/", {"q": "Jardin partage"})
    assert SearchQueryLog.objects.get(query="democratie").hits == 1
    log = SearchQueryLog.objects.get(query="jardin partage")
    assert (log.hits, log.empty_hits) == (2, 2)
    response = admin_client.get("/admin/reports/search-queries/")
    assert response.status_code == 200
    without = [row["query"] for row in response.context["without_results"]]
    assert without == ["jardin partage"]
