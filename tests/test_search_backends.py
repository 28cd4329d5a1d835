"""SEARCH_URL picks the engine; a dead engine degrades search and never breaks publishing."""

import os
import socket
import threading
import uuid
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Page

from portal.health import _search_state
from search.backends import search_backends_from_url
from search.query import search_pages
from tests import factories as f


def test_no_url_means_the_database_backend():
    assert search_backends_from_url("") == {
        "default": {"BACKEND": "search.database_backend", "SEARCH_CONFIG": "simple"}
    }


def test_elasticsearch_url_with_credentials_tls_and_prefix():
    backends = search_backends_from_url("elasticsearchs://user:p%40ss@search.example:9243/halles")
    default = backends["default"]
    assert default["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert default["HOSTS"] == [{"host": "search.example", "port": 9243, "scheme": "https"}]
    assert default["OPTIONS"]["basic_auth"] == ("user", "p@ss")
    assert default["OPTIONS"]["max_retries"] == 0
    assert default["INDEX_PREFIX"] == "halles_"
    assert default["TIMEOUT"] <= 5
    assert backends["database"]["BACKEND"] == "search.database_backend"


def test_plain_elasticsearch_url_defaults():
    default = search_backends_from_url("elasticsearch://localhost")["default"]
    assert default["HOSTS"] == [{"host": "localhost", "port": 9200, "scheme": "http"}]
    assert default["INDEX_PREFIX"] == ""
    assert "basic_auth" not in default["OPTIONS"]
    https = search_backends_from_url("https://es.example")["default"]
    assert https["HOSTS"][0]["scheme"] == "https"


@pytest.mark.parametrize("url", ["ftp://host", "elasticsearch://", "elasticsearch://h:notaport"])
def test_bad_urls_are_refused_at_start(url):
    with pytest.raises(ImproperlyConfigured):
        search_backends_from_url(url)


@pytest.fixture
def dead_engine(settings):
    """Elasticsearch configured on a closed port: every request fails at once."""
    settings.WAGTAILSEARCH_BACKENDS = search_backends_from_url("elasticsearch://127.0.0.1:1/dead")
    from search import query

    query._engine_down_until.clear()
    yield
    query._engine_down_until.clear()


def test_publishing_succeeds_and_search_falls_back_when_the_engine_is_down(
    client, site_tree, dead_engine, caplog
):
    index = f.directory_index(site_tree["fr"])
    f.organisation(index, "Démocratie ouverte", summary="Des citoyennes engagées.")
    assert "Exception raised while adding" in caplog.text  # logged, not raised

    hits = search_pages(Page.objects.live().child_of(index), "citoyens", "fr")
    assert hits.degraded
    assert [page.title for page in hits.pages] == ["Démocratie ouverte"]

    response = client.get("/fr/annuaire/", {"q": "democratie"})
    assert response.status_code == 200
    assert [entry.title for entry in response.context["entries"]] == ["Démocratie ouverte"]
    assert b"directory-notice" in response.content


def test_health_reports_the_dead_engine(client, db, dead_engine):
    assert _search_state() == "degraded"
    payload = client.get("/healthz").json()
    assert payload["search"] == "degraded"
    assert payload["database"] == "ok"


def test_site_search_says_results_may_be_incomplete(client, site_tree, dead_engine):
    from search.models import SearchPage

    search = SearchPage(title="Recherche", slug="recherche", locale=site_tree["fr"].locale)
    site_tree["fr"].add_child(instance=search)
    search.save_revision().publish()
    index = f.directory_index(site_tree["fr"])
    f.organisation(index, "Démocratie ouverte")
    response = client.get("/fr/recherche/", {"q": "démocratie"})
    assert response.status_code == 200
    assert response.context["hits"].degraded
    assert b"site-search__notice" in response.content
    assert [r["page"].title for r in response.context["results"]] == ["Démocratie ouverte"]


# --- An engine that stops while the portal is running ------------------------------------------

ES_URL_VARIABLE = "SEARCH_TEST_ELASTICSEARCH_URL"


class EngineProxy:
    """A TCP relay in front of the real Elasticsearch that the test switches off mid-run.

    Stopping it closes the listening port and cuts the connections the client keeps open,
    which is what a reader's request meets when the engine dies between two searches.
    """

    def __init__(self, host, port):
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                return
            upstream.settimeout(None)
            with self.lock:
                self.sockets += [client, upstream]
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, target), daemon=True).start()

    @staticmethod
    def _pipe(source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        for sock in (source, target):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def stop(self):
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() above
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()


@pytest.fixture
def engine_behind_proxy(settings):
    url = os.environ.get(ES_URL_VARIABLE)
    if not url:
        message = f"{ES_URL_VARIABLE} is not set: no Elasticsearch to stop mid-run"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    parts = urlsplit(url)
    proxy = EngineProxy(parts.hostname, parts.port or 9200)
    prefix = f"test{uuid.uuid4().hex[:10]}"
    settings.WAGTAILSEARCH_BACKENDS = search_backends_from_url(
        f"elasticsearch://127.0.0.1:{proxy.port}/{prefix}"
    )
    from search import query

    query._engine_down_until.clear()
    yield proxy
    proxy.stop()
    query._engine_down_until.clear()
    from elasticsearch import Elasticsearch

    es = Elasticsearch(url.rstrip("/"))
    for name in es.indices.get(index=f"{prefix}_*"):
        es.indices.delete(index=name)


def test_engine_stopped_between_two_searches(client, site_tree, engine_behind_proxy, caplog):
    from django.core.management import call_command

    index = f.directory_index(site_tree["fr"])
    f.organisation(index, "Démocratie ouverte", summary="Des citoyennes engagées.")
    call_command("update_index", backend_name="default", verbosity=0)  # through the proxy
    entries = Page.objects.live().child_of(index)

    first = search_pages(entries, "citoyens", "fr")
    assert not first.degraded  # Elasticsearch answered
    assert [page.title for page in first.pages] == ["Démocratie ouverte"]
    assert client.get("/healthz").json()["search"] == "ok"

    engine_behind_proxy.stop()

    response = client.get("/fr/annuaire/", {"q": "citoyens"})
    assert response.status_code == 200
    assert [entry.title for entry in response.context["entries"]] == ["Démocratie ouverte"]
    assert response.context["search"].search_degraded
    assert b"directory-notice" in response.content  # the reader is told
    second = search_pages(entries, "citoyens", "fr")
    assert second.degraded
    assert [page.title for page in second.pages] == ["Démocratie ouverte"]

    payload = client.get("/healthz").json()
    assert (payload["search"], payload["database"]) == ("degraded", "ok")

    caplog.clear()
    page = f.organisation(index, "Atelier citoyen", summary="Un atelier ouvert.")
    assert page.live  # published although the engine could not index it
    assert "Exception raised while adding" in caplog.text
    third = search_pages(entries, "atelier", "fr")
    assert third.degraded
    assert [p.title for p in third.pages] == ["Atelier citoyen"]
