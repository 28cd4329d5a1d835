"""Issue 23, end to end on the production task configuration and a real Elasticsearch.

From an empty engine (no index under the test's prefix), the demo is loaded with the tasks
going to the database queue, and only a real worker process (`manage.py db_worker`, the
production settings) talks to Elasticsearch: it must create the index with the portal's
mapping before writing, and send every page. Readers then search over HTTP (a live server):
every request answers 200, from the engine, with the demo's entries, in French and English.
"""

import json
from urllib.error import HTTPError
from urllib.parse import urlencode, urlsplit
from urllib.request import urlopen

import pytest

from search.elastic import index, mirror
from search.elastic.health import engine_health

from .elastic_support import PRODUCTION_TASKS, run_worker, search_engine  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

DIRECTORY = {
    "/fr/annuaire/": [
        ("citoyen", "Les Co-citoyens"),
        ("democratie", "Les Halles Civiques"),
        ("ateliers", "Ponyride"),
        ("medialab", "Medialab Prado"),
        ("medialob", "Medialab Prado"),  # a typo
        ("grands voisins", "Les Grands Voisins"),
        ("living", "Liberté Living-Lab"),
    ],
    "/en/directory/": [
        ("crowdfunding", "Les Co-citoyens"),
        ("civic hall", "Civic Hall"),
        ("ponyride", "Ponyride"),
    ],
}
SITE_SEARCH = {
    "/fr/recherche/": ["citoyen", "démocratie", "tiers-lieux", "nesta", "atelier"],
    "/en/search/": ["citizens", "democracy", "workshop", "nesta"],
}
HARD_QUERIES = ['"', "*", "NEAR(a b)", "a AND -b", "title:x^2", "x" * 1000, "!!!"]
RAW_QUERIES = ["q=%ED%A0%80", "q=%00", "q=%FF%FE"]  # a lone surrogate, NUL, invalid UTF-8


def get(url, params):
    """(status, body) of a GET over HTTP (`params` a dict, or a query string as sent)."""
    query = params if isinstance(params, str) else urlencode(params)
    try:
        with urlopen(f"{url}?{query}", timeout=60) as response:  # noqa: S310
            return response.status, response.read().decode()
    except HTTPError as error:
        return error.code, error.read().decode()


def engine_searches():
    stats = index.client().indices.stats(index=index.alias_name(), metric="search")
    return stats["_all"]["total"]["search"]["query_total"]


@pytest.mark.usefixtures("search_engine")
def test_demo_through_the_worker_then_search_over_http(settings, live_server, tmp_path):
    settings.TASKS = PRODUCTION_TASKS
    assert index.inspect().status == "missing"  # an empty engine for this prefix

    from django.core.management import call_command

    call_command("load_demo", "--no-admin", verbosity=0)
    assert index.inspect().status == "missing"  # nothing but the worker writes to it
    assert not mirror.is_current()

    run_worker(settings.SEARCH_URL, tmp_path / "worker.log")

    assert index.inspect().ok  # created with the portal's mapping, before the first write
    # The worker also ran Wagtail's own index updates: those stay in the database (the
    # admin's backend), so the portal's index is the only one under its prefix.
    names = index.client().indices.get(index=f"{urlsplit(settings.SEARCH_URL).path[1:]}_*")
    assert [name.startswith(index.alias_name() + "_") for name in names] == [True]
    report = engine_health()
    assert report["pending"] == 0 and not report["degraded"], report
    assert report["documents"] == report["read_model"]
    assert set(report["documents"]) == {"fr", "en"}

    before = engine_searches()
    for path, cases in DIRECTORY.items():
        for query, expected in cases:
            status, body = get(live_server.url + path, {"q": query})
            assert status == 200, (path, query)
            assert expected in body, (path, query)
            assert "directory-notice" not in body  # answered by the engine, not degraded
        status, body = get(live_server.url + path + "autocomplete/", {"q": "co"})
        assert status == 200 and "Les Co-citoyens" in body
    for path, queries in SITE_SEARCH.items():
        for query in queries:
            status, body = get(live_server.url + path, {"q": query})
            assert status == 200, (path, query)
            assert "site-search__result" in body, (path, query)  # found something
            assert "site-search__notice" not in body
        for query in [*({"q": text} for text in HARD_QUERIES), *RAW_QUERIES]:
            status, body = get(live_server.url + path, query)
            assert status == 200, (path, query)
            assert "site-search__notice" not in body
        status, body = get(live_server.url + path + "suggest/", {"q": "ci"})
        assert status == 200 and json.loads(body)["results"]
    assert engine_searches() > before  # the engine answered those searches
