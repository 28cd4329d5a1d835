"""The directory's map view and "near a point": same result set, list as the fallback,
distances from coordinates or from a place the directory knows, bad values never a 500."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from tests import factories as f


@pytest.fixture
def index(site_tree):
    index = f.directory_index(site_tree["fr"])
    theme = f.theme("Démocratie", "democratie")
    f.organisation(
        index,
        "Les Halles Civiques",
        slug="halles",
        city="Paris",
        postcode="75020",
        country="FR",
        latitude=48.8718,
        longitude=2.3845,
        themes=[theme],
    )
    f.organisation(
        index,
        "Tiers-lieu de Montreuil",
        slug="montreuil",
        city="Montreuil",
        postcode="93100",
        country="FR",
        latitude=48.8638,
        longitude=2.4485,
    )
    f.place(
        index,
        "Darwin",
        slug="darwin",
        city="Bordeaux",
        country="FR",
        latitude=44.8497,
        longitude=-0.5594,
        themes=[theme],
    )
    f.place(index, "Sans coordonnées", slug="nowhere", city="Paris", country="FR")
    return index


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _names(soup):
    return [a.get_text(strip=True) for a in soup.select(".directory-card .card__title a")]


@override_settings(
    PORTAL_MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png",
    PORTAL_MAP_TILE_ATTRIBUTION="© Example tiles",
)
def test_map_view_reads_the_geojson_of_the_current_filters(client, index):
    soup = _soup(client.get("/fr/annuaire/", {"view": "map", "theme": "democratie"}))
    canvas = soup.select_one("[data-directory-map]")
    assert canvas["data-geojson-url"] == "/fr/annuaire/export/geojson/?theme=democratie"
    assert canvas["data-tile-url"] == "https://tiles.example.org/{z}/{x}/{y}.png"
    assert canvas["data-attribution"] == "© Example tiles"
    assert canvas["data-leaflet-js"].endswith("vendor/leaflet/leaflet.js")
    # An accessible name, a way past it, and the list of the same entries below it.
    assert "Carte des fiches" in canvas["aria-label"]  # French page
    skip = soup.select_one(".directory-map__skip")
    assert skip["href"] == "#directory-results"
    assert soup.select_one("#directory-results")
    assert _names(soup) == ["Darwin", "Les Halles Civiques"]
    # No inline script: configuration only in data attributes.
    assert not [s for s in soup.find_all("script") if not s.get("src")]
    # Filters keep the map view; exports do not carry it.
    assert soup.select_one('form[data-directory-form] input[name="view"]')["value"] == "map"
    geojson = json.loads(client.get(canvas["data-geojson-url"]).getvalue())
    assert {feat["properties"]["name"] for feat in geojson["features"]} == {
        "Darwin",
        "Les Halles Civiques",
    }


def test_list_view_has_no_map_and_links_to_it(client, index):
    soup = _soup(client.get("/fr/annuaire/", {"type": "association"}))
    assert soup.select_one("[data-directory-map]") is None
    links = {a.get_text(strip=True): a for a in soup.select(".directory-views a")}
    assert links["Liste"]["aria-current"] == "page"
    assert links["Carte"]["href"] == "?type=association&view=map"


def test_unknown_view_falls_back_to_the_list(client, index):
    soup = _soup(client.get("/fr/annuaire/", {"view": "<script>"}))
    assert soup.select_one("[data-directory-map]") is None
    assert len(_names(soup)) == 4


def test_vendored_leaflet_is_served_with_its_licence(client):
    from django.contrib.staticfiles import finders

    for name in ("leaflet.js", "leaflet.css", "LICENSE", "images/marker-icon.png"):
        assert finders.find(f"vendor/leaflet/{name}"), name
    with open(finders.find("vendor/leaflet/leaflet.js")) as script:
        assert "sourceMappingURL" not in script.read()  # collectstatic would look for the map


def test_near_coordinates_sorts_by_distance_and_shows_it(client, index):
    soup = _soup(client.get("/fr/annuaire/", {"near": "48.8566,2.3522", "radius": "20"}))
    assert _names(soup) == ["Les Halles Civiques", "Tiers-lieu de Montreuil"]
    distances = [p.get_text(strip=True) for p in soup.select(".directory-card__distance")]
    assert re.match(r"^(à )?2[.,]9 km", distances[0]), distances
    assert re.match(r"^(à )?7[.,]\d km", distances[1]), distances
    assert soup.select_one("#id_sort option[selected]")["value"] == "distance"


def test_near_a_city_or_postcode_uses_the_entries_coordinates(client, index):
    soup = _soup(client.get("/fr/annuaire/", {"near": "montreuil", "radius": "5"}))
    assert _names(soup) == ["Tiers-lieu de Montreuil", "Les Halles Civiques"]
    soup = _soup(client.get("/fr/annuaire/", {"near": "33000"}))  # unknown postcode
    assert "ce lieu a été ignoré" in soup.select_one(".directory-messages").get_text()
    assert len(_names(soup)) == 4
    soup = _soup(client.get("/fr/annuaire/", {"near": "75020", "radius": "1"}))
    assert _names(soup) == ["Les Halles Civiques"]


def test_near_combines_with_facets_and_reaches_the_exports(client, index):
    params = {"near": "Bordeaux", "radius": "1000", "entry": "place"}
    soup = _soup(client.get("/fr/annuaire/", params))
    assert _names(soup) == ["Darwin"]
    csv_link = soup.select_one('link[type="text/csv"]')["href"]
    assert "near=Bordeaux" in csv_link and "radius=1000" in csv_link
    data = json.loads(client.get("/fr/annuaire/export/json/", params).getvalue())
    assert [entry["name"] for entry in data["entries"]] == ["Darwin"]


@pytest.mark.parametrize(
    "params",
    [
        {"near": "91,200"},
        {"near": "abc", "radius": "x"},
        {"near": "48.85,2.35", "radius": "-5"},
        {"near": "48.85,2.35", "radius": "1e309"},
        {"near": "48.85,2.35", "radius": "nan"},
        {"near": "' OR 1=1 --", "radius": "99999999999999999999"},
        {"near": "x" * 5000},
        {"sort": "distance"},
        {"near": "48.85,2.35", "view": "map", "page": "999"},
    ],
)
def test_bad_near_values_are_ignored_with_a_message(client, index, params):
    response = client.get("/fr/annuaire/", params)
    assert response.status_code == 200
    for route in ("csv", "json", "geojson"):
        export = client.get(f"/fr/annuaire/export/{route}/", params)
        assert export.status_code == 200
        assert export.getvalue()  # the streamed body is produced without an error
    if params.get("near", "").startswith(("91", "abc", "'")) or "radius" in params:
        assert _soup(response).select_one(".directory-messages")


def test_out_of_range_radius_is_clamped(client, index):
    soup = _soup(client.get("/fr/annuaire/", {"near": "48.8566,2.3522", "radius": "0.001"}))
    assert "compris entre 1 et 1" in soup.select_one(".directory-messages").get_text()
    assert _names(soup) == []  # 1 km around Châtelet


def test_map_and_near_query_count_is_constant(client, site_tree):
    counts = []
    for size in (10, 50):
        target = f.directory_index(site_tree["fr"], slug=f"m{size}", title=f"M{size}")
        theme = f.theme(f"T{size}", f"t{size}")
        for n in range(size):
            maker = f.organisation if n % 2 else f.place
            maker(target, f"Entry {n}", themes=[theme], city="Lyon", latitude=45.7, longitude=4.8)
        for params in ({"view": "map"}, {"near": "Lyon", "radius": "10", "view": "map"}):
            client.get(f"/fr/m{size}/", params)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(f"/fr/m{size}/", params).status_code == 200
            counts.append(len(queries))
    assert counts[:2] == counts[2:]
