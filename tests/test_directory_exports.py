"""Open-data exports of the directory: formats parse, filters apply, private data stays out."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories as f

LICENCE = "Open Database License (ODbL) 1.0"  # PORTAL_DATA_LICENCE by default


@pytest.fixture
def index(site_tree):
    index = f.directory_index(site_tree["fr"])
    theme = f.theme("Civic tech", "civic-tech")
    f.organisation(
        index,
        '=HYPERLINK("http://evil.example")',
        slug="evil",
        summary="+33 1 00 00 00 00",
        city="-Paris",
        contact_email="hidden@example.org",
        show_contact=False,
    )
    f.organisation(
        index,
        "Les Halles Civiques",
        slug="halles",
        organisation_type="association",
        city="Paris",
        country="FR",
        latitude=48.8718,
        longitude=2.3845,
        themes=[theme],
        keywords=["belleville"],
        contact_email="bonjour@halles.example",
        show_contact=True,
    )
    f.place(
        index,
        "Civic Hall",
        slug="civic-hall",
        city="New York",
        country="US",
        latitude=40.7392,
        longitude=-73.9903,
        step_free_access=True,
        themes=[theme],
    )
    f.place(index, "Brouillon", slug="brouillon", publish=False)
    return index


def test_csv_export_parses_and_hides_private_contacts(client, index):
    response = client.get("/fr/annuaire/export/csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "license" in response["Link"]
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    by_slug = {row["url"].rstrip("/").rsplit("/", 1)[1]: row for row in rows}
    assert set(by_slug) == {"evil", "halles", "civic-hall"}  # drafts are not exported
    assert by_slug["halles"]["contact_email"] == "bonjour@halles.example"
    assert by_slug["halles"]["themes"] == "civic-tech"
    assert by_slug["evil"]["contact_email"] == ""
    assert b"hidden@example.org" not in response.getvalue()
    assert by_slug["civic-hall"]["step_free_access"] == "true"
    assert by_slug["civic-hall"]["longitude"] == "-73.9903"


def test_csv_neutralises_formulas(client, index):
    response = client.get("/fr/annuaire/export/csv/")
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    evil = next(row for row in rows if row["url"].endswith("/evil/"))
    assert evil["name"].startswith("'=")
    assert evil["summary"].startswith("'+")
    assert evil["city"].startswith("'-")


def test_json_export_carries_licence_and_applies_filters(client, index):
    response = client.get("/fr/annuaire/export/json/", {"entry": "place"})
    assert response.status_code == 200
    data = json.loads(response.getvalue())
    assert data["metadata"]["licence"]["name"] == LICENCE
    assert data["metadata"]["language"] == "fr"
    assert [entry["name"] for entry in data["entries"]] == ["Civic Hall"]
    assert data["entries"][0]["contact_email"] == ""

    searched = json.loads(client.get("/fr/annuaire/export/json/", {"q": "civiques"}).getvalue())
    assert [entry["name"] for entry in searched["entries"]] == ["Les Halles Civiques"]


def test_geojson_export_is_a_feature_collection_of_points(client, index):
    response = client.get("/fr/annuaire/export/geojson/", {"theme": "civic-tech"})
    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(response.getvalue())
    assert data["type"] == "FeatureCollection"
    assert data["metadata"]["licence"]["name"] == LICENCE
    features = {feature["properties"]["name"]: feature for feature in data["features"]}
    assert set(features) == {"Les Halles Civiques", "Civic Hall"}
    point = features["Civic Hall"]["geometry"]
    assert point == {"type": "Point", "coordinates": [-73.9903, 40.7392]}  # longitude first


def test_exports_are_announced_with_the_current_filters(client, index):
    html = client.get("/fr/annuaire/", {"type": "association"}).content.decode()
    for mime, route in [
        ("text/csv", "csv"),
        ("application/json", "json"),
        ("application/geo+json", "geojson"),
    ]:
        assert (
            f'<link rel="alternate" type="{mime}" href="/fr/annuaire/export/{route}/'
            f'?type=association"' in html
        )


def test_exports_only_hold_the_requested_language(client, index, site_tree):
    from languages.translation import translate

    index_en = translate(
        index, site_tree["locales"]["en"], {"Annuaire": "Directory", "annuaire": "directory"}
    )
    f.organisation(index_en, "English only")
    data = json.loads(client.get("/fr/annuaire/export/json/").getvalue())
    assert "English only" not in [entry["name"] for entry in data["entries"]]


def test_export_query_count_is_constant(client, site_tree):
    counts = []
    for size in (10, 50):
        target = f.directory_index(site_tree["fr"], slug=f"i{size}", title=f"I{size}")
        theme = f.theme(f"T{size}", f"t{size}")
        for n in range(size):
            maker = f.organisation if n % 2 else f.place
            maker(
                target,
                f"Entry {n}",
                themes=[theme],
                keywords=[f"k{n}"],
                latitude=1.5,
                longitude=2.5,
            )
        for route in ("csv", "json", "geojson"):
            client.get(f"/fr/i{size}/export/{route}/")  # warm the site's cached root paths
            with CaptureQueriesContext(connection) as queries:
                response = client.get(f"/fr/i{size}/export/{route}/")
                assert response.status_code == 200
                # The export streams: its queries run while the body is read.
                assert response.streaming and f"Entry {size - 1}".encode() in response.getvalue()
            counts.append((route, len(queries)))
    assert counts[:3] == [(route, n) for route, n in counts[3:]]


def test_the_operators_licence_is_stated_in_the_dumps_and_the_listing(client, index, settings):
    settings.PORTAL_DATA_LICENCE = {
        "name": "Licence Ouverte 2.0",
        "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    }
    data = json.loads(client.get("/fr/annuaire/export/json/").getvalue())
    assert data["metadata"]["licence"]["name"] == "Licence Ouverte 2.0"
    csv_response = client.get("/fr/annuaire/export/csv/")
    assert csv_response["Link"] == (
        '<https://www.etalab.gouv.fr/licence-ouverte-open-licence/>; rel="license"'
    )
    page = client.get("/fr/annuaire/").content.decode()
    assert 'rel="license">Licence Ouverte 2.0</a>' in page
    assert "Open Database License" not in page
