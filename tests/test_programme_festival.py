"""A festival page: its venues as a list with addresses and positions, schema.org data."""

import datetime as dt
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup

from programme.models import FestivalPage, Room
from tests.test_programme_pages import add_event, programme  # noqa: F401 - fixture

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
