"""Full-text search in the directory, through Wagtail's configured search backend."""

import pytest

from tests import factories as f


@pytest.fixture
def index(site_tree):
    index = f.directory_index(site_tree["fr"])
    f.organisation(
        index,
        "Démocratie ouverte",
        summary="Un collectif pour des institutions plus ouvertes.",
        city="Paris",
    )
    f.organisation(
        index,
        "Les Co-citoyens",
        summary="Financement participatif civique.",
        description="<p>Nous travaillons pour la démocratie locale avec les habitants.</p>",
        city="Paris",
    )
    f.place(index, "Medialab Prado", summary="Un laboratoire citoyen à Madrid.", city="Madrid")
    return index


def titles(response):
    return [entry.title for entry in response.context["entries"]]


def test_search_is_accent_and_case_insensitive(client, index):
    response = client.get("/fr/annuaire/", {"q": "DEMOCRATIE"})
    assert response.status_code == 200
    assert set(titles(response)) == {"Démocratie ouverte", "Les Co-citoyens"}


def test_name_match_ranks_above_description_match(client, index):
    response = client.get("/fr/annuaire/", {"q": "démocratie"})
    assert titles(response)[0] == "Démocratie ouverte"
    assert response.context["search"].sort == "relevance"


def test_sort_by_name_keeps_alphabetical_order_with_a_query(client, index):
    response = client.get("/fr/annuaire/", {"q": "democratie", "sort": "name"})
    assert titles(response) == ["Démocratie ouverte", "Les Co-citoyens"]


def test_search_combines_with_facets(client, index):
    response = client.get("/fr/annuaire/", {"q": "laboratoire", "entry": "place"})
    assert titles(response) == ["Medialab Prado"]
    assert (
        client.get("/fr/annuaire/", {"q": "laboratoire", "entry": "organisation"}).context[
            "entries"
        ]
        == []
    )


@pytest.mark.parametrize(
    "query",
    [
        '"démocratie',
        "*",
        "democ*",
        "OR",
        "démocratie OR",
        "NOT AND OR",
        "'; DROP TABLE wagtailcore_page; --",
        'a" OR 1=1 --',
        "(((",
        "NEAR(a b)",
        "title:prado",
        "\x00",
        "🙂",
        "é" * 5000,
        "mot " * 1500,
    ],
)
def test_hostile_queries_never_fail(client, index, query):
    response = client.get("/fr/annuaire/", {"q": query})
    assert response.status_code == 200
    assert len(response.context["search"].query) <= 200
    assert client.get("/fr/annuaire/autocomplete/", {"q": query}).status_code == 200


def test_search_is_limited_to_the_readers_language(client, index, site_tree):
    from languages.translation import translate

    index_en = translate(
        index, site_tree["locales"]["en"], {"Annuaire": "Directory", "annuaire": "directory"}
    )
    f.organisation(index_en, "Open democracy lab", summary="Democracy in English.")
    french = client.get("/fr/annuaire/", {"q": "democracy"})
    assert titles(french) == []
    assert "Open democracy lab" not in str(french.content)


def test_autocomplete_suggests_names(client, index):
    response = client.get("/fr/annuaire/autocomplete/", {"q": "medi"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [result["title"] for result in results] == ["Medialab Prado"]
    assert results[0]["url"].startswith("/fr/annuaire/")
