"""The read-only directory API: filters, pagination, language, private contacts, bad input,
cache headers, and an OpenAPI description that the real responses satisfy."""

import json

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from tests import factories as f

API = "/api/v1/directory"


@pytest.fixture
def index(site_tree, translate):
    index = f.directory_index(site_tree["fr"])
    theme = f.theme("Démocratie", "democratie")
    halles = f.organisation(
        index,
        "Les Halles Civiques",
        slug="halles",
        organisation_type="association",
        city="Paris",
        postcode="75020",
        country="FR",
        latitude=48.8718,
        longitude=2.3845,
        themes=[theme],
        contact_email="bonjour@halles.example",
        show_contact=True,
    )
    f.organisation(
        index,
        "Open Lab",
        slug="open-lab",
        organisation_type="research-lab",
        city="Lyon",
        contact_email="secret@lab.example",
        show_contact=False,
    )
    f.organisation(index, "Brouillon", slug="brouillon", publish=False)
    f.place(
        index,
        "Darwin",
        slug="darwin",
        city="Bordeaux",
        country="FR",
        latitude=44.8497,
        longitude=-0.5594,
        step_free_access=True,
        themes=[theme],
    )
    index_en = translate(
        index, site_tree["locales"]["en"], {"Annuaire": "Directory", "annuaire": "directory"}
    )
    halles_en = translate(
        halles,
        site_tree["locales"]["en"],
        {
            "Les Halles Civiques": "The Civic Halls",
            "Summary of Les Halles Civiques": "Summary",
            "halles": "halles",
        },
        strict=False,
    )
    return {"fr": index, "en": index_en, "halles": halles, "halles_en": halles_en}


@pytest.fixture
def spec(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


def _validate(spec, schema_name, data):
    schema = {**spec, "$ref": f"#/components/schemas/{schema_name}"}
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)


def _get(client, path, **params):
    response = client.get(API + path, params)
    return response, json.loads(response.content) if response.content else None


def test_openapi_describes_the_routes(spec):
    assert spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) == {
        "/directory/organisations/",
        "/directory/places/",
        "/directory/{id}/",
        "/events/",  # the programme's, in the same document (tests/test_programme_api.py)
    }
    jsonschema.Draft202012Validator.check_schema(spec["components"]["schemas"]["Entry"])


def test_organisations_are_live_french_by_default_and_match_the_spec(client, index, spec):
    response, data = _get(client, "/organisations/")
    assert response.status_code == 200
    _validate(spec, "EntryPage", data)
    assert [entry["name"] for entry in data["results"]] == ["Les Halles Civiques", "Open Lab"]
    assert data["language"] == "fr"
    by_name = {entry["name"]: entry for entry in data["results"]}
    assert by_name["Les Halles Civiques"]["contact_email"] == "bonjour@halles.example"
    assert by_name["Open Lab"]["contact_email"] == ""
    assert b"secret@lab.example" not in response.content
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_places_with_filters(client, index, spec):
    response, data = _get(client, "/places/", access="step_free_access", theme="democratie")
    _validate(spec, "EntryPage", data)
    assert [entry["name"] for entry in data["results"]] == ["Darwin"]
    assert data["results"][0]["step_free_access"] is True
    _response, data = _get(client, "/places/", q="organisation inconnue")
    assert data["count"] == 0


def test_near_gives_distances(client, index, spec):
    _response, data = _get(client, "/organisations/", near="48.8566,2.3522", radius="10")
    _validate(spec, "EntryPage", data)
    assert [entry["name"] for entry in data["results"]] == ["Les Halles Civiques"]
    assert 2 < data["results"][0]["distance_km"] < 4
    _response, data = _get(client, "/organisations/", near="Atlantis")
    assert data["warnings"] and data["count"] == 2


def test_english_holds_only_english_entries(client, index, spec):
    _response, data = _get(client, "/organisations/", lang="en")
    _validate(spec, "EntryPage", data)
    assert [entry["name"] for entry in data["results"]] == ["The Civic Halls"]
    assert data["results"][0]["url"].endswith("/en/directory/halles/")


def test_detail_in_its_language_only(client, index, spec):
    pk = index["halles"].pk
    response, data = _get(client, f"/{pk}/")
    assert response.status_code == 200
    _validate(spec, "EntryDetail", data)
    assert data["name"] == "Les Halles Civiques"
    assert data["licence"]["url"] == "https://opendatacommons.org/licenses/odbl/1-0/"
    response, _data = _get(client, f"/{pk}/", lang="en")
    assert response.status_code == 404
    response, data = _get(client, f"/{index['halles_en'].pk}/", lang="en")
    assert data["name"] == "The Civic Halls"
    draft = index["fr"].get_children().get(slug="brouillon")
    response, data = _get(client, f"/{draft.pk}/")
    assert response.status_code == 404
    _validate(spec, "Error", data)
    response, _data = _get(client, f"/{index['fr'].pk}/")  # not an entry
    assert response.status_code == 404


def test_pagination(client, index, spec):
    response, data = _get(client, "/organisations/", page_size="1")
    assert data["count"] == 2 and len(data["results"]) == 1
    assert data["previous"] is None
    assert data["next"].startswith("http://testserver/api/v1/directory/organisations/?")
    second = json.loads(client.get(data["next"]).content)
    _validate(spec, "EntryPage", second)
    assert second["results"][0]["name"] == "Open Lab" and second["next"] is None


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"page": "abc"}, 400),
        ({"page": "0"}, 400),
        ({"page_size": "-1"}, 400),
        ({"page": "99"}, 404),
        ({"lang": "de"}, 400),
        ({"lang": "<script>"}, 400),
        ({"page_size": "100000"}, 200),
        ({"q": '"*) OR 1=1 --', "theme": "nope"}, 200),
        # Issue 18: an unknown value of an enumerated parameter is refused, not ignored.
        ({"q": "budget", "type": "x"}, 400),
        ({"near": "999,999", "radius": "abc"}, 200),
    ],
)
def test_bad_input_gives_a_clear_status(client, index, params, status):
    response = client.get(API + "/organisations/", params)
    assert response.status_code == status
    assert "error" in json.loads(response.content) or status == 200


def test_write_methods_are_refused(client, index):
    assert client.post(API + "/organisations/").status_code == 405
    assert client.delete(f"{API}/{index['halles'].pk}/").status_code == 405


def test_etag_gives_not_modified(client, index):
    response = client.get(API + "/places/")
    again = client.get(API + "/places/", headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


@override_settings(PORTAL_API_RATE_LIMIT=3)
def test_rate_limit_answers_429(client, index):
    from django.core.cache import cache

    cache.clear()
    statuses = [client.get(API + "/places/").status_code for _n in range(4)]
    assert statuses == [200, 200, 200, 429]
    cache.clear()


@override_settings(PORTAL_API_RATE_LIMIT=1)
def test_rate_limit_is_per_client_says_when_to_retry_and_answers_json(client, index):
    from django.core.cache import cache

    cache.clear()
    assert client.get(API + "/places/", REMOTE_ADDR="203.0.113.1").status_code == 200
    refused = client.get(API + "/places/", REMOTE_ADDR="203.0.113.1")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["Cache-Control"] == "no-store" and "ETag" not in refused
    assert "error" in json.loads(refused.content)
    assert client.get(API + "/places/", REMOTE_ADDR="203.0.113.2").status_code == 200
    cache.clear()


@override_settings(PORTAL_API_RATE_LIMIT=0)
def test_rate_limit_zero_turns_it_off(client, index):
    assert {client.get(API + "/places/").status_code for _n in range(5)} == {200}


def test_etag_follows_the_content_and_errors_have_none(client, index):
    places = client.get(API + "/places/")
    organisations = client.get(API + "/organisations/")
    assert places["ETag"] and places["ETag"] != organisations["ETag"]
    stale = client.get(API + "/places/", headers={"If-None-Match": organisations["ETag"]})
    assert stale.status_code == 200 and stale.content == places.content
    missing = client.get(API + "/places/", {"page": "99"})
    assert missing.status_code == 404 and "ETag" not in missing


def test_api_query_count_is_constant(client, site_tree):
    counts = []
    for size in (10, 50):
        target = f.directory_index(site_tree["fr"], slug=f"a{size}", title=f"A{size}")
        theme = f.theme(f"T{size}", f"t{size}")
        for n in range(size):
            maker = f.organisation if n % 2 else f.place
            maker(target, f"Entry {n}", themes=[theme], keywords=[f"k{n}"], city="Lyon")
        # The API serves the first directory of the language: point it at this one.
        from directory.models import DirectoryIndexPage

        DirectoryIndexPage.objects.exclude(pk=target.pk).update(live=False)
        for route in ("organisations", "places"):
            params = {"page_size": "100", "theme": f"t{size}"}
            client.get(f"{API}/{route}/", params)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(f"{API}/{route}/", params)
            assert json.loads(response.content)["count"] == size // 2
            counts.append(len(queries))
    assert counts[:2] == counts[2:]
