"""A festival page: its venues as a list with addresses and positions, schema.org data."""

import datetime as dt
import functools
import io
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale

from programme.models import FestivalPage, Room
from tests import factories
from tests.test_programme_pages import (  # noqa: F401 - fixture
    add_event,
    event_glossary,
    programme,
    translate_live,
)

PARIS = ZoneInfo("Europe/Paris")


def test_festival_lists_venues_and_describes_itself_as_a_festival(client, programme):  # noqa: F811
    day = dt.date(2027, 9, 18)
    festival = FestivalPage(
        title="Festives", slug="festives", start_date=day, end_date=day + dt.timedelta(days=1)
    )
    programme.add_child(instance=festival)
    festival.save_revision().publish()
    room = Room.objects.create(name="Belvédère", slug="belvedere", locale=programme.locale)
    at = dt.datetime.combine(day, dt.time(14), PARIS)
    add_event(
        festival,
        "jeu",
        at,
        en=False,
        venue_name="Pelouses",
        venue_address="27 rue Piat",
        venue_city="Paris",
        latitude=Decimal("48.8715"),
        longitude=Decimal("2.3846"),
    )
    add_event(festival, "concert", at + dt.timedelta(hours=6), en=False, room=room)
    add_event(festival, "bal", at + dt.timedelta(hours=8), en=False, room=room)

    soup = BeautifulSoup(client.get(festival.url).content, "html.parser")
    venues = [item.get_text(" ", strip=True) for item in soup.select(".festival-venues__item")]
    assert len(venues) == 2
    assert any("Pelouses" in v and "27 rue Piat, Paris" in v and "48.87150" in v for v in venues)
    assert any("Belvédère" in v and "2" in v for v in venues)

    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == ["Festival", "EventSeries"]
    assert data["startDate"] == "2027-09-18" and data["endDate"] == "2027-09-19"
    assert sorted(event["name"] for event in data["subEvent"]) == ["Bal", "Concert", "Jeu"]
    assert all(event["@type"] == "Event" for event in data["subEvent"])
    geo = [place["geo"] for place in data["location"] if "geo" in place]
    assert geo == [{"@type": "GeoCoordinates", "latitude": 48.8715, "longitude": 2.3846}]


def test_festival_map_of_venues_with_the_list_as_its_equivalent(client, programme):  # noqa: F811
    day = dt.date(2027, 9, 18)
    festival = FestivalPage(
        title="Festives", slug="festives", start_date=day, end_date=day + dt.timedelta(days=1)
    )
    programme.add_child(instance=festival)
    festival.save_revision().publish()
    at = dt.datetime.combine(day, dt.time(14), PARIS)
    add_event(
        festival,
        "jeu",
        at,
        en=False,
        venue_name='Pelouses "<b>Nord</b>"',
        venue_address="27 rue Piat",
        venue_city="Paris",
        latitude=Decimal("48.8715"),
        longitude=Decimal("2.3846"),
    )
    add_event(festival, "atelier", at + dt.timedelta(hours=2), en=False, venue_name="Cour")

    html = client.get(festival.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    # The list of venues is always there, with names and addresses (no JavaScript needed).
    venues = [item.get_text(" ", strip=True) for item in soup.select(".festival-venues__item")]
    assert any('Pelouses "<b>Nord</b>"' in v and "27 rue Piat, Paris" in v for v in venues)
    assert any("Cour" in v for v in venues)
    assert soup.select_one("#festival-venues-list")

    canvas = soup.select_one("[data-festival-map]")
    assert canvas["role"] == "region" and canvas["aria-label"]
    assert soup.select_one('.festival-map__skip[href="#festival-venues-list"]')
    assert canvas["data-leaflet-js"].endswith("vendor/leaflet/leaflet.js")
    # Built in Python as JSON, escaped in the attribute: only venues with a position.
    assert "<b>" not in html.split("data-venues=", 1)[1].split(">", 1)[0]
    points = json.loads(canvas["data-venues"])
    assert points[0].pop("events").startswith("1 ")  # "1 event", translated
    assert points == [
        {
            "name": 'Pelouses "<b>Nord</b>"',
            "address": "27 rue Piat, Paris",
            "latitude": 48.8715,
            "longitude": 2.3846,
        }
    ]
    # No inline script besides the JSON-LD; the map's script is a file.
    inline = [s for s in soup.find_all("script") if not s.get("src")]
    assert all(s.get("type") == "application/ld+json" for s in inline)
    assert soup.select_one('script[src$="js/festival-map.js"]')


def test_festival_without_positions_has_no_map(client, programme):  # noqa: F811
    day = dt.date(2027, 9, 18)
    festival = FestivalPage(title="Fête", slug="fete", start_date=day, end_date=day)
    programme.add_child(instance=festival)
    festival.save_revision().publish()
    add_event(festival, "bal", dt.datetime.combine(day, dt.time(20), PARIS), en=False)
    soup = BeautifulSoup(client.get(festival.url).content, "html.parser")
    assert soup.select(".festival-venues__item")
    assert not soup.select("[data-festival-map]")
    assert not soup.select('script[src$="js/festival-map.js"]')


def _image(name):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#a63a1a").save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=name, file=ImageFile(buffer, name=f"{name}.png"), width=40, height=30
    )


def _add_festival_events(festival, index, first, last, day):
    """Events `first`..`last - 1` of the festival, each with its own organiser, room and
    image, translated into English (the organisers and rooms stay French: the fallback)."""
    for n in range(first, last):
        organiser = factories.organisation(index, f"Association {n}")
        room = Room.objects.create(name=f"Salle {n}", slug=f"salle-{n}", locale=festival.locale)
        event = add_event(
            festival,
            f"evenement-{n}",
            dt.datetime.combine(day, dt.time(10 + n % 10), PARIS),
            en=False,
            room=room,
            image=_image(f"image-{n}"),
        )
        event.organisers.set([organiser])
        event.save_revision().publish()
        translate_live(event, Locale.objects.get(language_code="en"), event_glossary(event))


def _count_queries(client, url):
    client.get(url)  # warm caches (site root paths, renditions generated once)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_festival_page_queries_do_not_grow_with_its_events(client, site_tree, programme):  # noqa: F811
    """Issue #4: the SQL queries of a festival page are constant in the number of its events."""
    count = functools.partial(_count_queries, client)

    day = dt.date(2027, 9, 18)
    festival = FestivalPage(
        title="Festives",
        slug="festives",
        start_date=day,
        end_date=day + dt.timedelta(days=1),
        image=_image("affiche"),
    )
    programme.add_child(instance=festival)
    festival.save_revision().publish()
    english = translate_live(
        festival, site_tree["locales"]["en"], {"Festives": "Festivities", "festives": "festivities"}
    )
    index = factories.directory_index(site_tree["fr"])

    _add_festival_events(festival, index, 0, 3, day)
    few_fr, _ = count(festival.url)
    few_en, _ = count(english.url)
    _add_festival_events(festival, index, 3, 12, day)
    many_fr, response = count(festival.url)
    many_en, response_en = count(english.url)

    assert (many_fr, many_en) == (few_fr, few_en)
    # What the queries were saved for is still there: each event's organiser and image.
    data = json.loads(
        BeautifulSoup(response.content, "html.parser")
        .select_one('script[type="application/ld+json"]')
        .string
    )
    assert len(data["subEvent"]) == 12
    organisers = sorted(event["organizer"][0]["name"] for event in data["subEvent"])
    assert organisers == sorted(f"Association {n}" for n in range(12))
    assert all("/images/" in event["image"] for event in data["subEvent"])
    assert len({event["image"] for event in data["subEvent"]}) == 12
    assert "Salle 11" in response.content.decode()
    data_en = json.loads(
        BeautifulSoup(response_en.content, "html.parser")
        .select_one('script[type="application/ld+json"]')
        .string
    )
    assert sorted(event["name"] for event in data_en["subEvent"])[0].endswith("(en)")
    assert len(data_en["subEvent"]) == 12


def test_event_page_queries_do_not_grow_with_its_organisers(client, site_tree, programme):  # noqa: F811
    day = dt.date(2027, 9, 18)
    festival = FestivalPage(title="Fête", slug="fete", start_date=day, end_date=day)
    programme.add_child(instance=festival)
    festival.save_revision().publish()
    index = factories.directory_index(site_tree["fr"])
    organisers = [factories.organisation(index, f"Association {n}") for n in range(8)]
    themes = [factories.theme(f"Thème {n}", f"theme-{n}") for n in range(6)]
    event = add_event(
        festival,
        "bal",
        dt.datetime.combine(day, dt.time(20), PARIS),
        en=False,
        image=_image("bal"),
        registration_mode="portal",
        capacity=30,
    )

    def count_with(n):
        event.organisers.set(organisers[:n])
        event.themes.set(themes[:n])
        event.save_revision().publish()
        return _count_queries(client, event.url)

    one, _ = count_with(1)
    many, response = count_with(8)
    assert many == one
    html = response.content.decode()
    assert all(f"Association {n}" in html for n in range(8))
    assert all(f"Thème {n}" in html for n in range(6))
