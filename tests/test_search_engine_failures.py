"""Issue 23: whatever goes wrong in the engine, readers get the database's answer, never a 500.

Fake engines (a local HTTP server answering nonsense, errors, too slowly, or nothing at all)
need no Elasticsearch and always run. The wrong-mapping case needs the real one: the test
creates the portal's index itself with wrong field types, as an index created by a stray
write would have, then shows the fallback, the report, and the repair.
"""

import json
import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from search.elastic import index, searching
from search.elastic.health import engine_health
from search.elastic.models import MirrorChange
from search.models import SearchPage
from tests import factories as f

from .elastic_support import search_engine  # noqa: F401

FAILED = "Search engine failed"


@pytest.fixture
def portal(site_tree, settings):
    """A directory and a site search page, written with no engine configured (so nothing is
    waiting to be sent: readers would ask the engine)."""
    settings.SEARCH_URL = ""
    home = site_tree["fr"]
    search = SearchPage(title="Recherche", slug="recherche", locale=home.locale)
    home.add_child(instance=search)
    search.save_revision().publish()
    index_page = f.directory_index(home)
    f.organisation(index_page, "Démocratie ouverte", summary="Des citoyennes engagées.")
    f.place(index_page, "Medialab Prado", summary="Un laboratoire citoyen.")
    assert not MirrorChange.objects.exists()
    return index_page


def reader_pages(client):
    """Every reader's search route once, each answering 200 with the database's results."""
    directory = client.get("/fr/annuaire/", {"q": "citoyens"})
    assert directory.status_code == 200
    titles = [entry.title for entry in directory.context["entries"]]
    assert titles == ["Démocratie ouverte", "Medialab Prado"]
    site = client.get("/fr/recherche/", {"q": "citoyens"})
    assert site.status_code == 200
    assert len(site.context["results"]) == 2
    listing = client.get("/fr/annuaire/", {"type": "association", "page": "2"})
    assert listing.status_code == 200
    suggest = client.get("/fr/annuaire/autocomplete/", {"q": "med"})
    assert [item["title"] for item in suggest.json()["results"]] == ["Medialab Prado"]
    api = client.get("/api/v1/directory/places/", {"q": "laboratoire", "lang": "fr"})
    assert [record["name"] for record in api.json()["results"]] == ["Medialab Prado"]
    return directory, site


def failure_logs(caplog):
    return [record for record in caplog.records if record.getMessage().startswith(FAILED)]


# --- Fake engines ------------------------------------------------------------------------------


class FakeEngine(BaseHTTPRequestHandler):
    """Answers every request the way `server.behaviour` says."""

    def do_GET(self):  # noqa: N802 - http.server's name
        self._answer()

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer()

    do_HEAD = do_GET  # noqa: N815

    def _answer(self):
        self.server.hits += 1
        behaviour = self.server.behaviour
        if behaviour == "slow":
            time.sleep(2)
        status, body, product = {
            "malformed": (200, {"took": 1, "hits": {"total": 3}}, True),
            "mapping error": (400, {"error": {"type": "query_shard_exception"}}, True),
            "server error": (500, {"error": {"type": "internal"}}, True),
            "not elasticsearch": (200, {"hello": "world"}, False),
            "slow": (200, {}, True),
        }[behaviour]
        payload = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            if product:
                self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except OSError:
            pass  # the client gave up (the time-out case)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_engine():
    servers = []

    def start(behaviour):
        server = ThreadingHTTPServer(("127.0.0.1", 0), FakeEngine)
        server.behaviour = behaviour
        server.hits = 0
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/fake"

    start.hits = lambda: sum(server.hits for server in servers)
    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    "behaviour",
    ["malformed", "mapping error", "server error", "not elasticsearch", "slow", "refused"],
)
def test_any_engine_failure_gives_the_database_answer_with_the_notice(
    client, portal, settings, fake_engine, caplog, behaviour
):
    settings.SEARCH_ENGINE_TIMEOUT = 0.5
    if behaviour == "refused":
        settings.SEARCH_URL = f"http://127.0.0.1:{closed_port()}/fake"
    else:
        settings.SEARCH_URL = fake_engine(behaviour)
    searching.resume()
    caplog.set_level(logging.WARNING, logger="search.elastic.searching")

    directory, site = reader_pages(client)
    assert b"directory-notice" in directory.content
    assert b"site-search__notice" in site.content
    assert directory.context["search"].search.answered_by == "database"

    logged = failure_logs(caplog)
    assert len(logged) == 1  # once, with its cause, then the engine is left alone
    assert logged[0].exc_info is not None
    asked = fake_engine.hits()
    reader_pages(client)
    assert len(failure_logs(caplog)) == 1
    assert fake_engine.hits() == asked  # nobody waits for the engine meanwhile

    searching._paused_until[settings.SEARCH_URL] = 0  # RETRY_AFTER seconds later
    reader_pages(client)
    assert len(failure_logs(caplog)) == 2  # asked again, failed again, logged again


def test_health_says_what_is_wrong_with_the_engine(client, portal, settings, fake_engine):
    settings.SEARCH_URL = fake_engine("server error")
    payload = client.get("/healthz").json()
    assert payload["status"] == "degraded" and payload["database"] == "ok"
    assert payload["checks"]["search_engine"]["status"] == "unreachable"
    assert "500" in payload["checks"]["search_engine"]["error"]


# --- A real Elasticsearch with an index of the wrong shape -------------------------------------

WRONG_MAPPING = {
    "properties": {
        "page_id": {"type": "text"},
        "locale": {"type": "integer"},
        "name_key": {"type": "text"},
        "name_terms": {"type": "text"},
        "facets": {"type": "keyword"},
    }
}


def test_a_wrong_mapping_answers_from_the_database_until_repaired(
    client,
    portal,
    settings,
    search_engine,  # noqa: F811 - a fixture
    caplog,
):
    settings.SEARCH_URL = search_engine
    # The readers' client waits 1 s; setting the scene may take longer on a busy machine.
    es = index.client().options(request_timeout=index.WRITE_TIMEOUT)
    # What a write without the portal's index used to leave: an index under its name, with
    # mappings Elasticsearch guessed or someone else chose.
    es.indices.create(index=index.alias_name(), mappings=WRONG_MAPPING)
    es.index(index=index.alias_name(), document={"page_id": "x", "locale": 3}, refresh=True)
    caplog.set_level(logging.WARNING, logger="search.elastic.searching")

    directory, site = reader_pages(client)
    assert b"directory-notice" in directory.content
    assert b"site-search__notice" in site.content
    assert len(failure_logs(caplog)) == 1

    report = engine_health()
    assert report["degraded"] and report["mapping"] == "mismatch"
    with pytest.raises(CommandError, match="Search engine"):
        call_command("check_search_index")

    call_command("check_search_index", "--repair")
    assert index.inspect().ok
    assert not engine_health()["degraded"]
    searching.resume()
    directory, site = reader_pages(client)
    assert directory.context["search"].search.answered_by == "elasticsearch"
    assert site.context["search"].answered_by == "elasticsearch"
    assert b"directory-notice" not in directory.content
