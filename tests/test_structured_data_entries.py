"""JSON-LD of directory entries carries what search engines require (issue 18): an
Organization or a Place with its name, its URL on the configured origin (the page's canonical
link), its address from whichever parts the entry has, and geo when it has coordinates.

Read with BeautifulSoup, json and a JSON Schema, not with the portal's own code.
"""

import json

import jsonschema
import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from languages.origin import site_address
from tests import factories as f

ORIGIN = "https://halles.example"
ADDRESS = {
    "type": "object",
    "required": ["@type"],
    "minProperties": 2,
    "properties": {"@type": {"const": "PostalAddress"}},
}
GEO = {
    "type": "object",
    "required": ["@type", "latitude", "longitude"],
    "properties": {
        "@type": {"const": "GeoCoordinates"},
        "latitude": {"type": "number", "minimum": -90, "maximum": 90},
        "longitude": {"type": "number", "minimum": -180, "maximum": 180},
    },
}


def schema(schema_type, with_geo):
    return {
        "type": "object",
        "required": ["@context", "@type", "name", "url", "address", *(["geo"] if with_geo else [])],
        "properties": {
            "@context": {"const": "https://schema.org"},
            "@type": {"const": schema_type},
            "name": {"type": "string", "minLength": 1},
            "url": {"type": "string", "pattern": f"^{ORIGIN}/"},
            "address": ADDRESS,
            "geo": GEO,
        },
    }


@pytest.fixture
def index(settings, site_tree):
    # The Site record says another host: the JSON-LD still names the configured origin.
    settings.PORTAL_BASE_URL = ORIGIN
    settings.ALLOWED_HOSTS = ["testserver", "halles.example", "localhost"]
    record = Site.objects.get(is_default_site=True)
    record.hostname, record.port = site_address()
    record.save()
    return f.directory_index(site_tree["fr"])


def json_ld(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    (script,) = soup.select('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["url"] == soup.select_one('link[rel="canonical"]')["href"]
    return data


def test_organisation_with_its_full_address_and_coordinates(client, index):
    page = f.organisation(
        index,
        "La Cité des Savoirs",
        street_address="12 rue des Lilas",
        postcode="75019",
        city="Paris",
        country="FR",
        latitude=48.87,
        longitude=2.38,
    )
    data = json_ld(client, page)
    jsonschema.validate(data, schema("Organization", with_geo=True))
    assert data["name"] == "La Cité des Savoirs"
    assert data["url"] == f"{ORIGIN}{page.url}"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "12 rue des Lilas",
        "postalCode": "75019",
        "addressLocality": "Paris",
        "addressCountry": "FR",
    }
    assert (data["geo"]["latitude"], data["geo"]["longitude"]) == (48.87, 2.38)


def test_organisation_with_only_a_street_address_still_gives_it(client, index):
    page = f.organisation(index, "Atelier du coin", street_address="3 place du Marché")
    data = json_ld(client, page)
    jsonschema.validate(data, schema("Organization", with_geo=False))
    assert data["address"]["streetAddress"] == "3 place du Marché"
    assert "geo" not in data  # no coordinates: none invented


def test_place_with_its_town_and_coordinates(client, index):
    page = f.place(
        index, "Halle de Belleville", city="Paris", country="FR", latitude=48.87, longitude=2.38
    )
    data = json_ld(client, page)
    jsonschema.validate(data, schema("Place", with_geo=True))
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Paris",
        "addressCountry": "FR",
    }
    assert data["geo"]["@type"] == "GeoCoordinates"
