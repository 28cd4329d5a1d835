"""SEARCH_URL names the readers' engine; a dead engine never breaks publishing nor searching.

The admin's search stays on Wagtail's database backend whatever SEARCH_URL says. Readers'
searches run on the read model in the database unless the engine holds every change; an
engine that is down, or stops mid-run, leaves them whole (the database answers, the page says
so when the engine failed), and /healthz reports it.
"""

import socket
import threading
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Page

from portal.health import search_engine
from search.backends import parse_search_url, search_backends_from_url
from search.elastic import mirror, searching
from search.elastic.models import MirrorChange
from search.query import Search
from tests import factories as f

from .elastic_support import delete_indexes, elasticsearch_url, new_search_url


def test_no_url_means_the_database_backend():
    assert search_backends_from_url("") == {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
    }
    assert parse_search_url("") is None


def test_elasticsearch_url_with_credentials_tls_and_prefix():
    url = parse_search_url("elasticsearchs://user:p%40ss@search.example:9243/halles")
    assert url.node == "https://search.example:9243"
    assert (url.username, url.password) == ("user", "p@ss")
    assert url.index_prefix == "halles_"
    # The admin's search keeps the database backend: only readers use the engine.
    backends = search_backends_from_url("elasticsearchs://user:p%40ss@search.example:9243/h")
    assert backends["default"]["BACKEND"] == "wagtail.search.backends.database"


def test_plain_elasticsearch_url_defaults():
    url = parse_search_url("elasticsearch://localhost")
    assert url.node == "http://localhost:9200"
    assert url.index_prefix == ""
    assert url.username is None
    assert parse_search_url("https://es.example").scheme == "https"


@pytest.mark.parametrize("url", ["ftp://host", "elasticsearch://", "elasticsearch://h:notaport"])
def test_bad_urls_are_refused_at_start(url):
    with pytest.raises(ImproperlyConfigured):
        search_backends_from_url(url)


@pytest.fixture
def dead_engine(settings):
    """Elasticsearch configured on a closed port: every request fails at once."""
    settings.SEARCH_URL = "elasticsearch://127.0.0.1:1/dead"
    searching.resume()


def found(index, query):
    search = Search(index.locale, query, under=index)
    return list(Page.objects.filter(pk__in=list(search.ordered())).values_list("title", flat=True))


def test_publishing_succeeds_and_readers_search_ignores_the_dead_engine(
    client, site_tree, dead_engine
):
    index = f.directory_index(site_tree["fr"])
    page = f.organisation(index, "Démocratie ouverte", summary="Des citoyennes engagées.")
    assert page.live
    assert MirrorChange.objects.filter(page_id=page.pk).exists()  # waits for the engine

    assert found(index, "citoyens") == ["Démocratie ouverte"]
    response = client.get("/fr/annuaire/", {"q": "democratie"})
    assert response.status_code == 200
    assert [entry.title for entry in response.context["entries"]] == ["Démocratie ouverte"]
    # The engine is behind: the database answers, in full, so there is nothing to warn about.
    assert b"directory-notice" not in response.content


def test_health_reports_the_dead_engine(client, db, dead_engine):
    assert search_engine()["degraded"] is True
    payload = client.get("/healthz").json()
    assert payload["search"] == "degraded"
    assert payload["database"] == "ok"
    assert payload["checks"]["search_engine"]["status"] == "unreachable"
    assert "ConnectionError" in payload["checks"]["search_engine"]["error"]


def test_site_search_answers_in_full_with_the_engine_dead(client, site_tree, dead_engine):
    from search.models import SearchPage

    search = SearchPage(title="Recherche", slug="recherche", locale=site_tree["fr"].locale)
    site_tree["fr"].add_child(instance=search)
    search.save_revision().publish()
    index = f.directory_index(site_tree["fr"])
    f.organisation(index, "Démocratie ouverte")
    response = client.get("/fr/recherche/", {"q": "démocratie"})
    assert response.status_code == 200
    assert b"site-search__notice" not in response.content
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
    parts = urlsplit(elasticsearch_url())
    proxy = EngineProxy(parts.hostname, parts.port or 9200)
    settings.SEARCH_URL = new_search_url(f"http://127.0.0.1:{proxy.port}")
    yield proxy
    proxy.stop()
    delete_indexes(elasticsearch_url() + urlsplit(settings.SEARCH_URL).path)


def test_engine_stopped_between_two_searches(client, site_tree, engine_behind_proxy, caplog):
    index = f.directory_index(site_tree["fr"])
    f.organisation(index, "Démocratie ouverte", summary="Des citoyennes engagées.")
    assert mirror.drain() > 0  # through the proxy
    response = client.get("/fr/annuaire/", {"q": "citoyens"})
    assert response.context["search"].search.answered_by == "elasticsearch"
    assert client.get("/healthz").json()["search"] == "ok"

    engine_behind_proxy.stop()

    response = client.get("/fr/annuaire/", {"q": "citoyens"})
    assert response.status_code == 200
    assert [entry.title for entry in response.context["entries"]] == ["Démocratie ouverte"]
    assert b"directory-notice" in response.content  # the engine failed: the page says so
    payload = client.get("/healthz").json()
    assert (payload["search"], payload["database"]) == ("degraded", "ok")

    page = f.organisation(index, "Atelier citoyen", summary="Un atelier ouvert.")
    assert page.live  # published although the engine cannot receive it
    assert MirrorChange.objects.filter(page_id=page.pk).exists()
    assert found(index, "atelier") == ["Atelier citoyen"]
