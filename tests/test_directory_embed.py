"""The embeddable directory: same filters, minimal layout, and a frame policy on that
response only (every other page keeps X-Frame-Options: DENY)."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from tests import factories as f
from tests.csp_support import csp_directives


@pytest.fixture
def index(site_tree):
    index = f.directory_index(site_tree["fr"])
    f.organisation(index, "Les Halles Civiques", slug="halles", organisation_type="association")
    f.organisation(index, "Open Lab", slug="open-lab", organisation_type="research-lab")
    f.place(index, "Darwin", slug="darwin", latitude=44.85, longitude=-0.56)
    return index


def test_embed_applies_the_filters_in_a_minimal_layout(client, index):
    response = client.get("/fr/annuaire/embed/", {"type": "association"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    names = [a.get_text(strip=True) for a in soup.select(".directory-card .card__title a")]
    assert names == ["Les Halles Civiques"]
    assert soup.select_one(".site-header") is None
    assert soup.select_one("footer") is None
    # Results open outside the frame (detail pages refuse to be framed); filters stay inside.
    assert soup.select_one(".directory-card .card__title a")["target"] == "_blank"
    assert soup.select_one("form[data-directory-form]")["action"] == "/fr/annuaire/embed/"
    source = soup.select_one(".directory-embed__source a")
    assert source["href"] == "/fr/annuaire/?type=association"
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert not [s for s in soup.find_all("script") if not s.get("src")]


def test_embed_map_view(client, index):
    soup = BeautifulSoup(client.get("/fr/annuaire/embed/", {"view": "map"}).content, "html.parser")
    canvas = soup.select_one("[data-directory-map]")
    assert canvas["data-geojson-url"] == "/fr/annuaire/export/geojson/"


def test_only_the_embed_may_be_framed(client, index):
    embed = client.get("/fr/annuaire/embed/")
    assert "X-Frame-Options" not in embed
    assert csp_directives(embed)["frame-ancestors"] == ["*"]
    assert csp_directives(embed)["script-src"] == ["'self'"]  # the rest of the policy stays
    for url in ("/fr/annuaire/", "/fr/annuaire/halles/", "/fr/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Frame-Options"] == "DENY", url
        assert csp_directives(response).get("frame-ancestors") != ["*"], url


@override_settings(
    PORTAL_EMBED_FRAME_ANCESTORS=["https://partner.example.org", "https://*.example.net"]
)
def test_frame_ancestors_allow_list_is_configurable(client, index):
    response = client.get("/fr/annuaire/embed/")
    assert csp_directives(response)["frame-ancestors"] == [
        "https://partner.example.org",
        "https://*.example.net",
        "'self'",  # the embed builder's preview
    ]


@override_settings(PORTAL_EMBED_FRAME_ANCESTORS=[])
def test_empty_allow_list_forbids_framing(client, index):
    assert csp_directives(client.get("/fr/annuaire/embed/"))["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize(
    "params", [{"page": "abc"}, {"theme": "nope", "near": "999,999"}, {"q": '"*) OR'}]
)
def test_embed_bad_input_is_not_an_error(client, index, params):
    assert client.get("/fr/annuaire/embed/", params).status_code == 200


def test_embed_query_count_is_constant(client, site_tree):
    counts = []
    for size in (10, 50):
        target = f.directory_index(site_tree["fr"], slug=f"e{size}", title=f"E{size}")
        theme = f.theme(f"T{size}", f"t{size}")
        for n in range(size):
            maker = f.organisation if n % 2 else f.place
            maker(target, f"Entry {n}", themes=[theme], keywords=[f"k{n}"])
        client.get(f"/fr/e{size}/embed/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/fr/e{size}/embed/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
