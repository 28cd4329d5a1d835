"""The programme's events in the read-only API (/api/v1/events/): what the programme page lists
(one result per date), its filters, both languages, the API's contract (refused parameters,
JSON errors, pagination, ETag, rate limit) and a constant number of queries."""

import datetime as dt
import json

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Locale

from directory.models import Theme
from programme.choices import EventFormat
from programme.models import EventPage, FestivalPage, Room
from tests import factories as f
from tests.test_programme_pages import add_event, event_glossary, programme, soon, translate_live  # noqa: F401 - fixtures

API = "/api/v1/events/"


@pytest.fixture
def events(programme, soon):  # noqa: F811
    """A debate in a room (French and English), a weekly paying workshop outside (three dates
    in the default period), and an event of a festival."""
    theme = Theme.objects.filter(slug="democratie").first() or f.theme("Démocratie", "democratie")
    f.theme("Democracy", "democracy", locale="en", translation_key=theme.translation_key)
    index = f.directory_index(programme.get_parent(), slug="organisateurs")
    halles = f.organisation(index, "Les Halles Civiques", slug="halles")
    room = Room.objects.create(name="Grande salle", slug="grande-salle", locale=programme.locale)
    debate = add_event(
        programme,
        "debat",
        soon(19),
        title="Débat « budget », 2027",
        summary="Qui décide ?",
        format="debate",
        room=room,
        en=False,
    )
    debate.themes.set([theme])
    debate.organisers.set([halles])
    debate.save_revision().publish()
    translate_live(debate, Locale.objects.get(language_code="en"), event_glossary(debate))
    workshop = add_event(
        programme,
        "atelier",
        soon(10, days=1),
        format="workshop",
        is_free=False,
        price=5,
        venue_name="Jardin partagé",
        venue_city="Paris",
        step_free_access=True,
        recurrence_frequency="WEEKLY",
        recurrence_count=3,
        en=False,
    )
    start = soon(14, days=2)
    festival = FestivalPage(
        title="Festives", slug="festives", start_date=start.date(), end_date=start.date()
    )
    programme.add_child(instance=festival)
    festival.save_revision().publish()
    concert = add_event(festival, "concert", start, format="concert", en=False)
    return {"debate": debate, "workshop": workshop, "festival": festival, "concert": concert}


@pytest.fixture
def spec(client):
    return client.get("/api/v1/openapi.json").json()


def _validate(spec, schema_name, data):
    schema = {**spec, "$ref": f"#/components/schemas/{schema_name}"}
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)


def _titles(response):
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


def test_openapi_describes_the_events_operation(spec):
    operation = spec["paths"]["/events/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"lang", "q", "when", "from", "to", "format", "audience", "theme"} <= names
    assert {"festival", "room", "access", "free", "archive", "page", "page_size"} <= names
    assert "Occurrence" in spec["components"]["schemas"]
    assert "/directory/organisations/" in spec["paths"]  # one document for the whole API


def test_lists_each_date_as_the_programme_page_does(client, events, spec):
    response = client.get(API)
    data = response.json()
    _validate(spec, "OccurrencePage", data)
    assert data["language"] == "fr" and data["licence"]["name"].startswith("Open Database")
    assert data["count"] == 5  # the debate, three dates of the workshop, the concert
    assert [row["event_id"] for row in data["results"]].count(events["workshop"].pk) == 3
    debate = next(row for row in data["results"] if row["event_id"] == events["debate"].pk)
    assert debate["title"] == "Débat « budget », 2027"
    assert debate["themes"] == ["democratie"] and debate["organisers"] == ["Les Halles Civiques"]
    assert debate["room"] == "grande-salle" and debate["place_name"] == "Grande salle"
    assert debate["url"] == "http://testserver/fr/programme/debat/"
    assert debate["start"].endswith(("+01:00", "+02:00"))  # Paris time, with its offset
    concert = next(row for row in data["results"] if row["event_id"] == events["concert"].pk)
    assert concert["festival"] == events["festival"].pk and debate["festival"] is None
    workshop = next(row for row in data["results"] if row["event_id"] == events["workshop"].pk)
    assert workshop["price"] == 5.0 and workshop["is_free"] is False
    assert workshop["step_free_access"] is True and workshop["place_name"] == "Jardin partagé"
    starts = [row["start"] for row in data["results"]]
    assert starts == sorted(starts)


def test_english_holds_only_english_events(client, events, spec):
    data = client.get(API, {"lang": "en"}).json()
    _validate(spec, "OccurrencePage", data)
    assert [row["title"] for row in data["results"]] == ["Débat « budget », 2027 (en)"]
    (row,) = data["results"]
    assert row["themes"] == ["democracy"]  # the theme's English slug
    assert row["url"] == "http://testserver/en/programme/debat-en/"
    assert row["translation_key"] == str(events["debate"].translation_key)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"format": "debate"}, ["Débat « budget », 2027"]),
        ({"free": "true", "format": "concert"}, ["Concert"]),
        ({"free": "false", "format": "concert"}, ["Concert"]),
        ({"theme": "democratie"}, ["Débat « budget », 2027"]),
        ({"room": "grande-salle"}, ["Débat « budget », 2027"]),
        ({"room": "venue:Jardin partagé"}, ["Atelier"] * 3),
        ({"access": "step_free_access"}, ["Atelier"] * 3),
        ({"q": "budget"}, ["Débat « budget », 2027"]),
        ({"audience": "families"}, []),
    ],
)
def test_the_programme_page_filters(client, events, params, expected):
    assert _titles(client.get(API, params)) == expected


def test_festival_and_dates(client, events, soon):  # noqa: F811
    festival = events["festival"].pk
    assert _titles(client.get(API, {"festival": festival})) == ["Concert"]
    day = soon().date() + dt.timedelta(days=1)
    assert _titles(client.get(API, {"from": day, "to": day})) == ["Atelier"]
    assert _titles(client.get(API, {"archive": "true"})) == []


@pytest.mark.parametrize(
    ("params", "warned"),
    [
        ({"theme": "nowhere"}, "theme"),
        ({"room": "nowhere"}, "room"),
        ({"festival": "99999"}, "festival"),
        ({"from": "1066-10-14"}, "from"),
        ({"from": "2030-01-10", "to": "2030-01-01"}, "to"),
    ],
)
def test_unknown_data_values_are_ignored_with_a_warning(client, events, params, warned):
    data = client.get(API, params).json()
    assert data["count"] == 5 or warned == "to"
    assert any(message.startswith(f"{warned}: ") for message in data["warnings"])


def test_warnings_follow_the_language(client, events):
    fr = client.get(API, {"from": "1066-10-14"}).json()["warnings"]
    en = client.get(API, {"from": "1066-10-14", "lang": "en"}).json()["warnings"]
    assert fr != en and "1900" in fr[0] and "1900" in en[0]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("format", "party"),
        ("audience", "cats"),
        ("when", "tomorrow"),
        ("access", "lift"),
        ("free", "yes"),
        ("archive", "1"),
        ("lang", "de"),
    ],
)
def test_enumerated_values_are_refused_by_name(client, events, name, value):
    response = client.get(API, {name: value})
    assert response.status_code == 400
    data = response.json()
    assert data["parameter"] == name and value not in data["allowed"] and data["allowed"]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("from", "2027-02-30"),
        ("to", "tomorrow"),
        ("festival", "abc"),
        ("festival", "0"),
        ("page", "0"),
        ("page_size", "-5"),
        ("q", "x" * 101),
    ],
)
def test_malformed_values_are_refused_by_name(client, events, name, value):
    response = client.get(API, {name: value})
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert response.json()["parameter"] == name


def test_pagination(client, events, spec):
    first = client.get(API, {"page_size": "2"}).json()
    _validate(spec, "OccurrencePage", first)
    assert first["count"] == 5 and len(first["results"]) == 2 and first["previous"] is None
    assert "page=2" in first["next"] and first["next"].startswith("http://testserver/api/v1/")
    last = client.get(API, {"page_size": "2", "page": "3"}).json()
    assert len(last["results"]) == 1 and last["next"] is None
    seen = [(row["event_id"], row["occurrence"]) for n in (1, 2, 3) for row in _page(client, n)]
    assert len(set(seen)) == 5  # each date once across the pages
    missing = client.get(API, {"page": "9"})
    assert missing.status_code == 404 and "error" in missing.json()


def _page(client, number):
    return client.get(API, {"page_size": "2", "page": str(number)}).json()["results"]


def test_no_programme_in_a_language_answers_json_404(client, site_tree):
    response = client.get(API)
    assert response.status_code == 404 and response.json()["error"]


def test_other_addresses_and_methods(client, events):
    from django.test import Client

    assert client.get(API + "nothing/").status_code == 404
    assert client.get("/api/v1/events").status_code == 404  # no slash redirect
    response = Client(enforce_csrf_checks=True).post(API)
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"


def test_etag_gives_not_modified_and_follows_the_content(client, events):
    response = client.get(API)
    assert response["ETag"] and "max-age=300" in response["Cache-Control"]
    again = client.get(API, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304
    events["debate"].title = "Autre débat"
    events["debate"].save_revision().publish()
    assert client.get(API, headers={"If-None-Match": response["ETag"]}).status_code == 200


@override_settings(PORTAL_API_RATE_LIMIT=3)
def test_rate_limit_is_shared_with_the_directory(client, events):
    statuses = [client.get(API).status_code for _n in range(3)]
    refused = client.get("/api/v1/directory/places/")
    assert statuses == [200] * 3
    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1


def _make_events(programme, count, start):  # noqa: F811
    room = Room.objects.create(
        name=f"Salle {count}", slug=f"salle-{count}", locale=programme.locale
    )
    theme = f.theme(f"Thème {count}", f"theme-{count}")
    for n in range(count):
        event = add_event(programme, f"e{count}-{n}", start + dt.timedelta(hours=n), en=False)
        event.themes.set([theme])
        event.save()  # a parental many-to-many is written with the page
    EventPage.objects.update(room=room)
    # A tenth repeat, expanded in Python rather than read row by row.
    EventPage.objects.filter(slug__endswith="-0").update(
        recurrence_frequency="DAILY", recurrence_count=3
    )


def test_query_count_does_not_grow_with_the_events(client, programme, soon):  # noqa: F811
    def count(url, params):
        client.get(url, params)  # warm the per-process caches (site root paths, locales)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
            body = b"".join(response) if response.streaming else response.content
        assert response.status_code == 200
        return len(queries), body

    counts = []
    for size in (10, 200):
        EventPage.objects.all().delete()
        _make_events(programme, size, soon(8))
        params = {"page_size": "100", "theme": f"theme-{size}"}
        api_count, body = count(API, params)
        assert json.loads(body)["count"] == size + 2
        csv_count, body = count("/fr/programme/export/csv/", {"theme": f"theme-{size}"})
        assert body.decode().count("\n") == size + 3  # the header, and each date
        counts.append((api_count, csv_count))
    assert counts[0] == counts[1]


def test_openapi_enumerations_do_not_follow_the_data(client, events):
    before = client.get("/api/v1/openapi.json").json()
    Room.objects.create(name="Cour", slug="cour", locale=events["debate"].locale)
    events["debate"].format = "concert"
    events["debate"].save_revision().publish()
    assert client.get("/api/v1/openapi.json").json() == before
    parameters = before["paths"]["/events/"]["get"]["parameters"]
    (kind,) = (p for p in parameters if p["name"] == "format")
    assert kind["schema"]["enum"] == list(EventFormat.values)
