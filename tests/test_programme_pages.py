"""The programme as readers see it: listing by day, filters, event pages, home page block."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Locale

from languages.translation import translate
from programme.models import EventPage, ProgrammePage, Room

PARIS = ZoneInfo("Europe/Paris")


def paris(*args):
    return dt.datetime(*args, tzinfo=PARIS)


def event_glossary(event):
    glossary = {event.title: f"{event.title} (en)", event.slug: f"{event.slug}-en"}
    if event.summary:
        glossary[event.summary] = f"{event.summary} (en)"
    return glossary


def translate_live(instance, locale, glossary):
    """Translate and publish now: wagtail-localize publishes an aliased page on commit only,
    and a test's transaction never commits."""
    translated = translate(instance, locale, glossary)
    translated.refresh_from_db()
    if not translated.live:
        translated.get_latest_revision().publish()
    return translated


def add_event(parent, slug, start, hours=2, en=True, **fields):
    fields.setdefault("title", slug.replace("-", " ").capitalize())
    event = EventPage(slug=slug, start=start, end=start + dt.timedelta(hours=hours), **fields)
    parent.add_child(instance=event)
    event.save_revision().publish()
    if en:
        translate_live(event, Locale.objects.get(language_code="en"), event_glossary(event))
    return event


@pytest.fixture
def programme(site_tree):
    page = ProgrammePage(title="Programme", slug="programme")
    site_tree["fr"].add_child(instance=page)
    page.save_revision().publish()
    translate_live(
        page, site_tree["locales"]["en"], {"Programme": "Programme", "programme": "programme"}
    )
    return page


@pytest.fixture
def soon():
    """A day a week ahead, so tests do not depend on the time they run at."""
    day = timezone.localdate() + dt.timedelta(days=7)
    return lambda hour=18, days=0: dt.datetime.combine(
        day + dt.timedelta(days=days), dt.time(hour), PARIS
    )


def test_listing_groups_occurrences_by_day_in_both_languages(client, programme, soon):
    add_event(programme, "debat-budget", soon(19), summary="Un débat", format="debate")
    add_event(programme, "atelier", soon(10, days=1), format="workshop")
    add_event(programme, "cafe", soon(9), format="cafe")
    fr = client.get("/fr/programme/")
    assert fr.status_code == 200
    soup = BeautifulSoup(fr.text, "html.parser")
    days = soup.select(".programme-day")
    assert len(days) == 2
    first_titles = [a.text for a in days[0].select(".card__title a")]
    assert first_titles == ["Cafe", "Debat budget"]  # soonest first within the day
    french_day = timezone.localtime(soon(9)).strftime("%Y-%m-%d")
    assert days[0].h2.time["datetime"] == french_day
    jours = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    assert jours[soon().weekday()] in days[0].h2.text.lower()
    en = client.get("/en/programme/")
    soup = BeautifulSoup(en.text, "html.parser")
    assert soup.select_one(".programme-day h2").text.split()[0] == soon().strftime("%A")
    assert "Debat budget (en)" in en.text and "/en/programme/debat-budget-en/" in en.text
    titles = [a.text for a in soup.select(".card__title a")]
    assert titles == ["Cafe (en)", "Debat budget (en)", "Atelier (en)"]


def test_filters_by_format_free_room_and_access(client, programme, soon):
    room = Room.objects.create(name="Atelier", slug="atelier", locale=programme.locale)
    add_event(programme, "debat", soon(19), format="debate", en=False)
    add_event(
        programme,
        "atelier-payant",
        soon(10),
        format="workshop",
        is_free=False,
        price=5,
        room=room,
        step_free_access=True,
        en=False,
    )
    titles = lambda url: [  # noqa: E731
        a.text for a in BeautifulSoup(client.get(url).text, "html.parser").select(".card__title a")
    ]
    assert titles("/fr/programme/?format=debate") == ["Debat"]
    assert titles("/fr/programme/?free=1") == ["Debat"]
    assert titles("/fr/programme/?room=atelier") == ["Atelier payant"]
    assert titles("/fr/programme/?access=step_free_access") == ["Atelier payant"]
    assert titles("/fr/programme/?when=this-week&from=&format=") in (
        [],
        ["Atelier payant", "Debat"],
    )


def test_archive_lists_past_events_newest_first(client, programme):
    now = timezone.now()
    add_event(programme, "ancien", now - dt.timedelta(days=30), en=False)
    add_event(programme, "recent", now - dt.timedelta(days=3), en=False)
    add_event(programme, "futur", now + dt.timedelta(days=3), en=False)
    soup = BeautifulSoup(client.get("/fr/programme/?archive=1").text, "html.parser")
    assert [a.text for a in soup.select(".card__title a")] == ["Recent", "Ancien"]


@pytest.mark.parametrize(
    ("query", "lists_event"),
    [
        ("from=2026-13-45", True),
        ("page=abc", True),
        ("page=999", True),
        ("theme=unknown", True),
        ("festival=abc", True),
        ("room=nowhere", True),
        ("access=teleportation", True),
        ("when=tomorrow", True),
        ("to=2020-01-01&from=2021-01-01", False),
        ("from=2020-01-01&to=2030-01-01", False),
    ],
)
def test_bad_input_never_fails(client, programme, soon, query, lists_event):
    add_event(programme, "debat", soon(19), en=False)
    response = client.get(f"/fr/programme/?{query}")
    assert response.status_code == 200
    cards = BeautifulSoup(response.text, "html.parser").select(".card__title a")
    assert ([a.text for a in cards] == ["Debat"]) is lists_event


def test_bad_date_is_reported_next_to_its_field(client, programme):
    soup = BeautifulSoup(client.get("/fr/programme/?from=2026-13-45").text, "html.parser")
    field = soup.select_one(".programme-filters__field--error")
    assert field is not None and field.select_one("#id_from") and field.select_one(".errorlist")


def _make_events(programme, count, start):
    for index in range(count):
        fields = {}
        if index % 3 == 0:
            fields = {"recurrence_frequency": "WEEKLY", "recurrence_weekdays": ["TU", "TH"]}
        add_event(programme, f"e{index}", start + dt.timedelta(days=index % 20), en=False, **fields)


def test_query_count_does_not_grow_with_events(
    client, programme, soon, django_assert_max_num_queries
):
    def count(url):
        client.get(url)  # warm caches (site root paths, locales)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    room = Room.objects.create(name="Salle", slug="salle", locale=programme.locale)
    _make_events(programme, 5, soon(10))
    EventPage.objects.update(room=room)
    few = count("/fr/programme/")
    daily = {"recurrence_frequency": "DAILY", "recurrence_count": 5}
    for i in range(25):
        add_event(programme, f"x{i}", soon(11, days=i % 20), en=False, room=room, **daily)
    many = count("/fr/programme/")
    assert many == few
    assert count("/fr/programme/?from=2026-13-45&free=1&theme=x") <= few + 1


def test_event_page_json_ld_and_calendar_links(client, programme, soon):
    room = Room.objects.create(name="Café citoyen", slug="cafe", locale=programme.locale)
    event = add_event(
        programme,
        "debat",
        soon(19),
        summary="Budget </script> & <b>",
        format="debate",
        room=room,
        is_free=False,
        price="3.50",
        status="cancelled",
        en=False,
    )
    response = client.get(event.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    script = soup.find("script", type="application/ld+json")
    assert "</script> &" not in script.string
    data = json.loads(script.string)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["location"]["name"] == "Café citoyen"
    assert data["offers"]["price"] == "3.50" and data["offers"]["priceCurrency"] == "EUR"
    assert data["description"] == "Budget </script> & <b>"
    assert dt.datetime.fromisoformat(data["startDate"]) == soon(19)
    links = {a["href"] for a in soup.select(".event__calendar a")}
    assert f"{event.url}calendar/" in links
    assert any(link.startswith("https://calendar.google.com/calendar/render?") for link in links)
    assert any(link.startswith("https://outlook.live.com/") for link in links)
    assert soup.find("link", rel="alternate", type="text/calendar")


def test_programme_announces_feeds_with_current_filters(client, programme):
    soup = BeautifulSoup(client.get("/fr/programme/?format=debate&free=1").text, "html.parser")
    calendar = soup.find("link", rel="alternate", type="text/calendar")["href"]
    assert calendar.startswith("/fr/programme/calendar/?")
    assert "format=debate" in calendar and "free=1" in calendar
    atom = soup.find("link", rel="alternate", type="application/atom+xml")["href"]
    assert atom == "/fr/programme/feed/"


def test_atom_feed_lists_new_events(client, programme, soon):
    add_event(programme, "debat", soon(19), en=False)
    response = client.get("/fr/programme/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "<title>Debat</title>" in response.text


def test_upcoming_block_on_home_page_shows_real_events(client, programme, soon, site_tree):
    home = site_tree["fr"]
    home.body = [{"type": "upcoming_events", "value": {"heading": "Prochainement", "count": 2}}]
    home.save_revision().publish()
    add_event(programme, "premier", soon(9), en=False)
    add_event(programme, "deuxieme", soon(10), en=False)
    add_event(programme, "troisieme", soon(11), en=False)
    add_event(programme, "passe", timezone.now() - dt.timedelta(days=2), en=False)
    soup = BeautifulSoup(client.get("/fr/").text, "html.parser")
    assert [a.text for a in soup.select(".card--event .card__title a")] == ["Premier", "Deuxieme"]


def test_validation_messages(programme, soon):
    from django.core.exceptions import ValidationError

    event = EventPage(title="X", slug="x", start=soon(19), end=soon(18), locale=programme.locale)
    for language, message in [
        ("en", "The end must be after the start."),
        ("fr", "La fin doit suivre le début."),
    ]:
        with translation.override(language):
            with pytest.raises(ValidationError) as error:
                event.full_clean()
            assert error.value.message_dict["end"] == [message]


def test_editor_adds_a_repeating_event_and_sees_rule_errors(client, programme, admin_user):
    client.force_login(admin_user)
    url = f"/admin/pages/add/programme/eventpage/{programme.pk}/"
    assert client.get(url).status_code == 200
    form = {
        "title": "Portes ouvertes",
        "slug": "portes-ouvertes",
        "start": "2026-09-05 10:00",
        "end": "2026-09-05 17:00",
        "recurrence_frequency": "WEEKLY",
        "recurrence_interval": "1",
        "recurrence_weekdays": ["SA"],
        "recurrence_setpos": "1",
        "recurrence_exclusions": "5 décembre",
        "format": "open-doors",
        "audience": "everyone",
        "is_free": "on",
        "status": "scheduled",
        "registration_mode": "none",
        "occurrence_overrides-TOTAL_FORMS": "0",
        "occurrence_overrides-INITIAL_FORMS": "0",
        "occurrence_overrides-MIN_NUM_FORMS": "0",
        "occurrence_overrides-MAX_NUM_FORMS": "1000",
        "action-publish": "publish",
    }
    response = client.post(url, form)
    assert response.status_code == 200
    # Editors work in French (compiled catalogues: `make test` runs compilemessages).
    assert "demande une répétition mensuelle" in response.text
    assert "n’est pas une date" in response.text
    form.update(recurrence_frequency="MONTHLY", recurrence_exclusions="2026-12-05")
    response = client.post(url, form)
    assert response.status_code == 302
    event = EventPage.objects.get(slug="portes-ouvertes")
    assert event.live and event.recurrence_weekdays == ["SA"]
    assert event.rrule_string == "FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1"
    assert client.get(f"/admin/pages/{event.pk}/edit/").status_code == 200


def test_theme_filter_uses_directory_themes_in_both_languages(client, programme, soon):
    from directory.models import Theme

    fr_theme = Theme.objects.create(name="Civic tech", slug="civic-tech", locale=programme.locale)
    translate(
        fr_theme,
        Locale.objects.get(language_code="en"),
        {"Civic tech": "Civic tech", "civic-tech": "civic-tech"},
    )
    tagged = add_event(programme, "hackathon", soon(10), en=False)
    tagged.themes = [fr_theme]
    tagged.save_revision().publish()
    add_event(programme, "concert", soon(20), en=False)
    soup = BeautifulSoup(client.get("/fr/programme/?theme=civic-tech").text, "html.parser")
    assert [a.text for a in soup.select(".card__title a")] == ["Hackathon"]
    assert soup.select_one("#id_theme option[value=civic-tech]") is not None


def test_filter_form_speaks_the_readers_language(client, programme):
    # Needs compiled catalogues: `make test` runs compilemessages first.
    fr = BeautifulSoup(client.get("/fr/programme/").text, "html.parser")
    en = BeautifulSoup(client.get("/en/programme/").text, "html.parser")
    assert fr.select_one(".programme-filters legend").text == "Filtrer le programme"
    assert en.select_one(".programme-filters legend").text == "Filter the programme"
    assert fr.select_one("label[for=id_from]").text == "Du"
