"""The portal's SQLite FTS5 backend answers exactly as modelsearch's, without its quadratic cost.

modelsearch orders by relevance with a correlated subquery that re-runs the full-text query for
every candidate row; `search.database_backend` runs it once. Same rows, same order, same scores.
"""

import random

import pytest
from django.db import connection
from wagtail.models import Page

from search.database_backend import SearchBackend
from search.query import prepare
from tests import factories as f

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite FTS5 backend only runs on SQLite"
)

WORDS = "citoyen citoyenne démocratie locale jardin partagé atelier réparation quartier".split()


@pytest.fixture
def entries(site_tree):
    rng = random.Random(7)
    index = f.directory_index(site_tree["fr"])
    for n in range(40):
        title = " ".join(rng.sample(WORDS, 2)).capitalize() + f" {n}"
        summary = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12)))
        f.organisation(index, title, slug=f"entry-{n}", summary=summary)
    return Page.objects.child_of(index).live()


def both():
    # Imported here: modelsearch's SQLite module cannot even be imported on PostgreSQL.
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from search.sqlite_backend import SQLiteSearchBackend as PortalSQLiteSearchBackend

    return SQLiteSearchBackend({}), PortalSQLiteSearchBackend({})


def test_the_database_backend_setting_picks_the_portal_backend_on_sqlite(db):
    from search.sqlite_backend import SQLiteSearchBackend

    assert type(SearchBackend({})) is SQLiteSearchBackend


@pytest.mark.parametrize("query", ["citoyens", "démocratie locale", "jardin", "atelier quartier"])
def test_search_gives_modelsearch_rows_order_and_scores(entries, query):
    _words, _stems, search_query = prepare(query, "fr")
    stock, portal = both()
    expected = stock.search(search_query, entries).annotate_score("score")
    found = portal.search(search_query, entries).annotate_score("score")
    assert [(p.pk, p.score) for p in found] == [(p.pk, p.score) for p in expected]
    assert len(expected) > 1
    assert list(portal.search(search_query, entries)[2:5]) == list(expected[2:5])
    assert (
        portal.search(search_query, entries).count() == stock.search(search_query, entries).count()
    )


@pytest.mark.parametrize("prefix", ["ci", "dem", "jardin pa", "zz"])
def test_autocomplete_gives_modelsearch_rows_and_order(entries, prefix):
    stock, portal = both()
    expected = list(stock.autocomplete(prefix, entries, operator="and"))
    assert list(portal.autocomplete(prefix, entries, operator="and")) == expected


def test_unordered_search_and_facets_agree(entries):
    _words, _stems, search_query = prepare("citoyenne", "fr")
    stock, portal = both()
    assert list(portal.search(search_query, entries, order_by_relevance=False)) == list(
        stock.search(search_query, entries, order_by_relevance=False)
    )
    assert portal.search(search_query, entries).facet("content_type_id") == stock.search(
        search_query, entries
    ).facet("content_type_id")
