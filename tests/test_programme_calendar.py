"""The programme's keyword box, quick dates, place filter and month calendar, and the upcoming
events an organisation's page lists."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories as f
from tests.test_programme_pages import PARIS, add_event, programme, soon  # noqa: F401


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.text, "html.parser")


def _titles(soup):
    return [a.text for a in soup.select(".card__title a")]


def test_keywords_narrow_the_list(client, programme, soon):  # noqa: F811
    add_event(programme, "repair-cafe", soon(10), en=False, summary="Réparer ensemble")
    add_event(programme, "debat", soon(19), en=False, summary="Parler budget")
    assert _titles(_soup(client, "/fr/programme/?q=réparer")) == ["Repair cafe"]
    assert _titles(_soup(client, "/fr/programme/?q=BUDGET+debat")) == ["Debat"]
    assert _titles(_soup(client, "/fr/programme/?q=nothing-like-this")) == []


def test_today_shortcut_lists_only_today(client, programme):  # noqa: F811
    now = timezone.localtime(timezone.now(), PARIS)
    # Under way now, so it is on today's list whatever the hour the test runs at.
    add_event(programme, "ce-soir", now - dt.timedelta(minutes=30), hours=1, en=False)
    add_event(programme, "demain", now + dt.timedelta(days=1, hours=1), en=False)
    soup = _soup(client, "/fr/programme/")
    shortcut = soup.find("a", string="Aujourd’hui")
    assert shortcut is not None and "when=today" in shortcut["href"]
    assert _titles(_soup(client, "/fr/programme/?when=today")) == ["Ce soir"]


def test_place_filter_offers_rooms_and_outside_venues(client, programme, soon):  # noqa: F811
    add_event(programme, "au-parc", soon(15), en=False, venue_name="Pelouses du belvédère")
    add_event(programme, "aux-halles", soon(16), en=False)
    soup = _soup(client, "/fr/programme/")
    option = soup.select_one("#id_room option[value='venue:Pelouses du belvédère']")
    assert option is not None
    url = "/fr/programme/?room=venue%3APelouses+du+belv%C3%A9d%C3%A8re"
    assert _titles(_soup(client, url)) == ["Au parc"]


def test_month_calendar_is_a_table_of_days_linking_to_their_lists(client, programme):  # noqa: F811
    first = (timezone.localdate() + dt.timedelta(days=40)).replace(day=1)
    day = first + dt.timedelta(days=9)
    add_event(programme, "atelier", dt.datetime.combine(day, dt.time(18), PARIS), en=False)
    month = first.strftime("%Y-%m")
    soup = _soup(client, f"/fr/programme/?view=calendar&month={month}&format=other")

    # The month is the section's visible heading; the table's caption says what it holds.
    section = soup.select_one("section#calendar")
    heading = section.select_one(f"#{section['aria-labelledby']}")
    assert heading.get_text(strip=True).lower() == f"{_month_name(first)} {first.year}"
    table = section.select_one("table[data-calendar]")
    caption = table.caption.get_text(strip=True).lower()
    assert caption == f"événements de {_month_name(first)} {first.year}, jour par jour"
    headers = [th["abbr"].lower() for th in table.select("thead th[scope=col]")]
    assert headers == ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    cell = table.select_one(f"td[data-date='{day.isoformat()}']")
    link = cell.select_one("a.month__date")
    # The day's link keeps the other filters and asks for that day only.
    assert f"from={day.isoformat()}" in link["href"] and f"to={day.isoformat()}" in link["href"]
    assert "format=other" in link["href"] and "view=" not in link["href"]
    assert "1 événement" in link.get_text()
    assert [a.text for a in cell.select(".month__events a")] == ["18:00 Atelier"]
    quiet = table.select_one(f"td[data-date='{(day + dt.timedelta(days=1)).isoformat()}']")
    assert quiet.select_one("a") is None and "aucun événement" in quiet.get_text()
    # Other months keep the filters; the list view is one link away.
    following = soup.select_one(".month__nav a[rel=next]")["href"]
    assert "view=calendar" in following and "format=other" in following
    assert _titles(_soup(client, "/fr/programme/" + link["href"])) == ["Atelier"]


def _month_name(day):
    from django.utils import translation
    from django.utils.dates import MONTHS

    with translation.override("fr"):
        return str(MONTHS[day.month]).lower()


def test_bad_month_falls_back_to_this_month(client, programme):  # noqa: F811
    soup = _soup(client, "/fr/programme/?view=calendar&month=2026-13")
    this_month = timezone.localdate().replace(day=1)
    assert soup.select_one(f"td[data-date='{this_month.isoformat()}']") is not None


def test_organisation_page_lists_its_upcoming_events(
    client,
    programme,  # noqa: F811
    soon,  # noqa: F811
    site_tree,
):
    index = f.directory_index(site_tree["fr"])
    organisation = f.organisation(index, "Collectif du parc")
    for number in range(4):
        event = add_event(programme, f"atelier-{number}", soon(10, days=number), en=False)
        event.organisers.add(organisation)
        event.save_revision().publish()
    add_event(programme, "sans-organisateur", soon(12), en=False)

    client.get(organisation.url)  # caches filled once (site roots, settings)
    with CaptureQueriesContext(connection) as few:
        soup = _soup(client, organisation.url)
    section = soup.select_one(".upcoming-at")
    assert [a.text for a in section.select(".card__title a")] == [
        f"Atelier {number}" for number in range(4)
    ]
    event = add_event(programme, "atelier-4", soon(10, days=4), en=False)
    event.organisers.add(organisation)
    event.save_revision().publish()
    with CaptureQueriesContext(connection) as more:
        client.get(organisation.url)
    assert len(more) == len(few)  # one more event, not one more query


@pytest.mark.parametrize("url", ["/fr/programme/", "/fr/programme/?view=calendar"])
def test_print_stylesheet_and_urls_for_the_booklet(client, programme, soon, url):  # noqa: F811
    add_event(programme, "debat", soon(19), en=False)
    soup = _soup(client, url)
    if "calendar" not in url:
        printed = soup.select_one(".agenda__url")
        assert printed.text.startswith("http://testserver/fr/programme/debat/")
    stylesheet = soup.select_one("link[href*='programme']")
    assert stylesheet is not None
