"""Elasticsearch gives the database's answers: same matches, same order, same counts.

The corpus of test_search_behaviour.py (plus a few entries for ranking and compounds) is
written with SEARCH_URL set, so every page also lands in the engine's outbox; the mirror
sends it, then each query runs twice: on the database (SQLite or PostgreSQL, whichever the
suite runs on) and on Elasticsearch, which must have answered itself (`answered_by`). Each
forgiveness behaviour of issue 15 is one case.
"""

import pytest
from django.test import override_settings

from search.elastic import mirror
from search.elastic.searching import EngineAnswers
from search.models import IndexedPage
from search.query import KIND, RELEVANCE, Search, autocomplete
from tests import factories as f

from .elastic_support import search_engine  # noqa: F401
from .test_search_behaviour import corpus  # noqa: F401
from .test_search_site import site  # noqa: F401


@pytest.fixture
def mirrored(search_engine, corpus):  # noqa: F811 - fixtures
    """The corpus, with more entries for ranking and compounds, sent to the engine."""
    index = corpus["fr"]
    f.organisation(index, "Carto", slug="carto", summary="Des cartes.")
    f.organisation(index, "Cartographie libre", slug="cartographie", summary="Cartes.")
    f.organisation(index, "Réseau des tiers-lieux", slug="reseau", summary="Un réseau.")
    f.organisation(index, "Un tiers-lieu rural", slug="rural", summary="À la campagne.")
    f.organisation(
        index, "Atelier", slug="atelier-court", summary="Un lieu.", description="<p>Rien.</p>"
    )
    f.organisation(index, "Grand atelier", slug="grand", summary="Un lieu.")
    f.organisation(index, "Forum", slug="forum", summary="Un atelier par mois.")
    f.organisation(
        index, "Maison", slug="maison", summary="Un lieu.", description="<p>Atelier.</p>"
    )
    assert mirror.drain() > 0
    assert mirror.is_current()
    return corpus


def titles(ids):
    names = dict(IndexedPage.objects.filter(page_id__in=ids).values_list("page_id", "title"))
    return [names[pk] for pk in ids]


def on_database(build):
    with override_settings(SEARCH_URL=""):
        search = build()
        assert not isinstance(search.engine, EngineAnswers)
        return search


def on_engine(build):
    search = build()
    assert isinstance(search.engine, EngineAnswers)
    return search


def both(corpus, language, query, **kwargs):  # noqa: F811
    """(database titles, engine titles) for a reader of `language`'s directory."""
    index = corpus[language]

    def build():
        return Search(index.locale, query, under=index, **kwargs)

    database = titles(list(on_database(build).ordered()[:50]))
    engine_search = on_engine(build)
    engine = titles(list(engine_search.ordered()[:50]))
    assert engine_search.answered_by == "elasticsearch", query
    return database, engine


BEHAVIOURS = {
    "accents and case": [
        ("fr", "democratie", ["Démocratie ouverte", "Les Co-citoyens"]),
        ("fr", "DÉMOCRATIE", ["Démocratie ouverte", "Les Co-citoyens"]),
    ],
    "French and English word forms, elision": [
        ("fr", "citoyenne", ["Les Co-citoyens", "Medialab Prado"]),
        ("fr", "laboratoires", ["Medialab Prado"]),
        ("fr", "d'institution", ["Démocratie ouverte"]),
        ("en", "citizen", ["Open democracy lab"]),
        ("en", "halls", ["Civic Hall"]),
        ("en", "technologist experiment", []),
    ],
    "every word, the reader's language only": [
        ("fr", "démocratie madrid", []),
        ("fr", "démocratie paris collectif", ["Démocratie ouverte"]),
        ("fr", "democracy", []),
    ],
    "prefixes from four letters, below exact words": [
        ("fr", "partici", ["Les Co-citoyens"]),
        ("fr", "medi", ["Medialab Prado"]),
        ("fr", "lab", []),
        ("fr", "carto", ["Carto", "Cartographie libre"]),
    ],
    "one typo from five letters, two from nine": [
        ("fr", "medialob", ["Medialab Prado"]),
        ("fr", "laboratoir citoyan", ["Medialab Prado"]),
        ("fr", "prdo", []),
        ("fr", "demcoratie", ["Démocratie ouverte", "Les Co-citoyens"]),
        ("fr", "madrud", ["Medialab Prado"]),
        ("fr", "mdarid", []),
    ],
    "compounds in the singular and the plural": [
        ("fr", "tiers-lieu", ["Réseau des tiers-lieux", "Un tiers-lieu rural"]),
        ("fr", "tiers lieux", ["Réseau des tiers-lieux", "Un tiers-lieu rural"]),
    ],
    "the exact name first, then name, summary, body": [
        ("fr", "atelier", ["Atelier", "Grand atelier", "Forum", "Maison"]),
        ("fr", "grand atelier", ["Grand atelier"]),
    ],
    "engine operators are plain words": [
        ("fr", "prado!", ["Medialab Prado"]),
        ("fr", "NOT démocratie", []),
        ("fr", 'title:prado "democ* -x ^y', []),
    ],
}


@pytest.mark.parametrize("behaviour", list(BEHAVIOURS))
def test_same_results_in_the_same_order(mirrored, behaviour):
    for language, query, expected in BEHAVIOURS[behaviour]:
        database, engine = both(mirrored, language, query)
        assert engine == database, query
        assert engine == expected, query


def test_fuzzy_notice_and_did_you_mean_agree(mirrored):
    index = mirrored["fr"]
    fuzzy = on_engine(lambda: Search(index.locale, "medialob", under=index))
    assert fuzzy.fuzzy and titles(list(fuzzy.ordered()[:5])) == ["Medialab Prado"]
    nothing = on_engine(lambda: Search(index.locale, "medialab prdo", under=index))
    assert nothing.count() == 0
    assert nothing.answered_by == "elasticsearch"
    assert nothing.suggestion() == "medialab prado"


def test_sorting_by_name_and_date_and_paging_agree(mirrored):
    from search.query import NAME, NEWEST

    index = mirrored["fr"]
    for sort in (NAME, NEWEST, RELEVANCE):
        database = list(on_database(lambda: Search(index.locale, under=index)).ordered(sort))
        engine = on_engine(lambda: Search(index.locale, under=index))
        assert engine.ordered(sort)[0:50] == database
        assert engine.ordered(sort)[3:6] == database[3:6]  # a page in the middle
        assert len(engine.ordered(sort)) == len(database)


def test_facet_counts_agree_with_several_values_and_facets(mirrored):
    index = mirrored["fr"]
    names = [KIND, "organisation_type", "city"]
    cases = [
        ("", {}),
        ("citoyens", {}),
        ("citoyens", {KIND: ["place"]}),
        ("", {"organisation_type": ["collective", "association"], "city": ["Paris"]}),
        ("democratie", {KIND: ["organisation", "place"], "city": ["Paris", "Madrid"]}),
    ]
    for text, filters in cases:

        def build(text=text, filters=filters):
            return Search(index.locale, text, under=index, filters=filters)

        database, engine = on_database(build), on_engine(build)
        assert engine.facet_counts(names) == database.facet_counts(names), (text, filters)
        assert engine.count() == database.count()
        assert engine.answered_by == "elasticsearch"


def test_autocomplete_agrees(mirrored):
    cases = [
        ("fr", "medi", ["Medialab Prado"]),
        ("fr", "démoc", ["Démocratie ouverte"]),
        ("fr", "DEMOC", ["Démocratie ouverte"]),
        ("en", "open dem", ["Open democracy lab"]),
        ("fr", "pr", ["Medialab Prado"]),
        ("fr", "at", ["Atelier", "Grand atelier"]),
        ("fr", "m", []),
    ]
    for language, typed, expected in cases:
        index = mirrored[language]

        def names(index=index, typed=typed):
            return [name.title for name in autocomplete(index.locale, typed, under=index)]

        with override_settings(SEARCH_URL=""):
            database = names()
        assert names() == database == expected, typed


def test_site_search_orders_upcoming_events_first_on_both(client, search_engine, site):  # noqa: F811
    assert mirror.drain() > 0

    def answer():
        response = client.get("/fr/recherche/", {"q": "democratie"})
        assert response.status_code == 200
        kinds = {link["key"]: link["count"] for link in response.context["type_links"]}
        return [r["page"].title for r in response.context["results"]], kinds, response

    with override_settings(SEARCH_URL=""):
        database = answer()
    engine = answer()
    assert engine[2].context["search"].answered_by == "elasticsearch"
    assert engine[:2] == database[:2]
    assert engine[0][-1] == "Débat passé sur la démocratie"
    assert b"site-search__notice" not in engine[2].content


def test_counts_without_words_are_asked_once_per_index_version(mirrored, monkeypatch):
    """A listing's counts depend only on the index version, as on the database engines: the
    engine is asked once, and again after any write (a new version)."""
    from search.elastic import queries

    asked = []
    original = queries.facet_counts
    monkeypatch.setattr(
        queries, "facet_counts", lambda *args: asked.append(args[1]) or original(*args)
    )
    index = mirrored["fr"]
    names = [KIND, "organisation_type", "city"]

    def counts(text="", **filters):
        search = on_engine(lambda: Search(index.locale, text, under=index, filters=filters))
        found = search.facet_counts(names)
        assert search.answered_by == "elasticsearch"
        return found

    first = counts(city=["Paris"])
    assert counts(city=["Paris"]) == first and len(asked) == 1
    counts("citoyens")
    counts("citoyens")  # with words: asked each time, as the database engines count them
    assert len(asked) == 3

    f.organisation(index, "Collectif de Paris", slug="collectif-paris", city="Paris")
    assert mirror.drain() > 0
    assert counts(city=["Paris"]) != first and len(asked) == 4


def test_counts_and_the_expected_page_come_in_one_request(mirrored, monkeypatch):
    """A page of results says which page it will read: the engine answers the counts and
    that page together (facet selections as a post filter), the same as the database."""
    from search.elastic import queries
    from search.query import NAME

    sent = []
    original = queries._search
    monkeypatch.setattr(
        queries, "_search", lambda es, **body: sent.append(body) or original(es, **body)
    )
    index = mirrored["fr"]
    names = [KIND, "organisation_type", "city"]
    cases = [
        ("atelier", {}, RELEVANCE, None),
        ("citoyens", {KIND: ["place"]}, RELEVANCE, "1"),
        ("", {"city": ["Paris"]}, NAME, "1"),
        ("atelier", {KIND: ["organisation"]}, NAME, "2"),
        ("democratie", {KIND: ["organisation", "place"], "city": ["Madrid"]}, RELEVANCE, "x"),
    ]
    for text, filters, sort, number in cases:

        def build(text=text, filters=filters):
            return Search(index.locale, text, under=index, filters=filters)

        offset = 2 if number == "2" else 0
        database = on_database(build)
        expected = (database.facet_counts(names), database.ordered(sort)[offset : offset + 2])
        engine = on_engine(build)
        engine.expect_page(sort, number, per_page=2)
        before = len(sent)
        found = (engine.facet_counts(names), engine.ordered(sort)[offset : offset + 2])
        assert found == expected, (text, filters, sort, number)
        assert engine.count() == database.count()
        assert engine.answered_by == "elasticsearch"
        assert len(sent) - before == 1, (text, filters)  # counts and page at once
        assert "post_filter" in sent[before]

    # Another page than the one expected is asked for on its own.
    engine = on_engine(lambda: Search(index.locale, "atelier", under=index))
    engine.expect_page(RELEVANCE, "1", per_page=2)
    engine.facet_counts(names)
    before = len(sent)
    database = on_database(lambda: Search(index.locale, "atelier", under=index))
    assert engine.ordered()[1:3] == database.ordered()[1:3]
    assert len(sent) - before == 1
