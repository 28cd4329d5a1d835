"""The agenda's rows and filter form, drawn by Jinja2 (portal/jinja2.py): escaped, in the
reader's language and time zone, compiled before a worker's first request, and cached under
the content version for the dates they show."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext

from demo import factories
from portal import warmup

from .test_programme_pages import add_event, programme, soon  # noqa: F401 - fixtures


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_row_escapes_what_an_editor_typed(client, programme, soon):  # noqa: F811
    add_event(
        programme,
        "atelier",
        soon(14),
        title='<script>alert("x")</script> & co',
        summary="<img src=x onerror=alert(1)>",
        venue_name="<b>Halle</b>",
        en=False,
    )

    response = client.get("/fr/programme/")

    assert b"<script>alert" not in response.content
    assert b"<img src=x" not in response.content
    assert b"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co" in response.content
    row = BeautifulSoup(response.content, "html.parser").select_one(".agenda__item")
    assert row.select_one(".card__title a").text == '<script>alert("x")</script> & co'
    assert row.select_one(".card__meta").text.startswith("<b>Halle</b> · ")


def test_a_row_reads_in_the_readers_language_and_time_zone(client, programme, soon):  # noqa: F811
    add_event(programme, "atelier", soon(14), hours=3, format="workshop", is_free=True)
    add_event(programme, "journee", soon(9, days=1), all_day=True, is_free=False, price=5)

    fr = _soup(client, "/fr/programme/").select(".agenda__item")
    en = _soup(client, "/en/programme/").select(".agenda__item")

    assert fr[0].select_one(".agenda__hours").text == "14:00–17:00"  # Paris time
    assert fr[0].time["datetime"] == soon(14).isoformat()
    assert fr[0].select_one(".card__meta").text == "Atelier · Gratuit"
    assert en[0].select_one(".card__meta").text == "Workshop · Free"
    assert fr[1].select_one(".agenda__time").text == "Toute la journée"
    assert en[1].select_one(".agenda__time").text == "All day"
    assert fr[0].select_one(".agenda__url").text == "http://testserver/fr/programme/atelier/"


def test_an_organisation_lists_its_dates_with_their_day(client, programme, soon):  # noqa: F811
    organisation = factories.organisation(programme.get_parent(), "Collectif")
    event = add_event(programme, "atelier", soon(14), en=False)
    event.organisers.add(organisation)
    event.save_revision().publish()

    rows = _soup(client, organisation.url).select(".upcoming-at .agenda__item")

    assert [row.select_one(".card__title a").text for row in rows] == ["Atelier"]
    assert rows[0].select_one(".agenda__date").text  # e.g. "mer. 9 déc."


def test_the_filter_summary_counts_active_filters_in_both_languages(client, programme):  # noqa: F811
    fr = _soup(client, "/fr/programme/?format=workshop&free=on")
    en = _soup(client, "/en/programme/?format=workshop")

    assert fr.select_one(".programme-filters__count").text == "(2 actifs)"
    assert en.select_one(".programme-filters__count").text == "(1 active)"
    assert fr.select_one("details.programme-filters__more").has_attr("open")
    assert fr.select_one("select[name=format] option[selected]")["value"] == "workshop"


def test_a_bad_date_is_shown_next_to_its_field(client, programme):  # noqa: F811
    soup = _soup(client, "/fr/programme/?from=2026-13-45")

    field = soup.select_one("input[name=from]").find_parent(class_="programme-filters__field")
    assert "programme-filters__field--error" in field["class"]
    assert field.select_one(".errorlist").text.strip()


@pytest.mark.django_db
def test_the_warm_up_compiles_the_jinja2_templates(monkeypatch):
    environment = engines["jinja2"].env
    environment.cache.clear()

    warmup.warm_up()

    compiled = {name for _loader, name in (key for key in environment.cache)}
    assert {"programme/_agenda_item.html", "programme/filters.html"} <= compiled


@pytest.mark.django_db
def test_the_warm_up_gives_sqlite_its_table_statistics(django_db_blocker):
    from django.db import connection

    if connection.vendor != "sqlite":  # PostgreSQL's autovacuum keeps its own
        with CaptureQueriesContext(connection) as queries:
            warmup.refresh_sqlite_statistics()
        assert len(queries) == 0
        return
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")

    warmup.refresh_sqlite_statistics()

    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        analysed = {row[0] for row in cursor.fetchall()}
    assert "wagtailcore_page" in analysed


# Rows cached under the content version (programme_tags.agenda_days) ---------------------------


@pytest.fixture
def fragments(settings):
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 300
    cache.clear()  # a new content version
    yield
    cache.clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def _rows_html(response):
    return str(BeautifulSoup(response.content, "html.parser").select_one(".agenda"))


def test_a_listing_read_again_loads_none_of_its_events(client, programme, soon, fragments):  # noqa: F811
    for n in range(3):
        add_event(programme, f"atelier-{n}", soon(10 + n), summary=f"Résumé {n}", en=False)
    first = client.get("/fr/programme/")

    with CaptureQueriesContext(connection) as queries:
        second = client.get("/fr/programme/")

    assert _rows_html(second) == _rows_html(first)
    assert "Résumé 2" in _rows_html(second)
    loading_rows = [q["sql"] for q in queries if '"programme_eventpage"."summary"' in q["sql"]]
    assert loading_rows == []  # the listing query alone: no event page is built


def test_a_published_change_shows_at_once(client, programme, soon, fragments, commit):  # noqa: F811
    event = add_event(programme, "atelier", soon(14), en=False)
    assert "Atelier" in _rows_html(client.get("/fr/programme/"))

    with commit():  # the content version moves on at the commit
        event.title = "Atelier réparation"
        event.save_revision().publish()

    assert "Atelier réparation" in _rows_html(client.get("/fr/programme/"))


def test_each_language_and_embedding_has_its_own_rows(client, programme, soon, fragments):  # noqa: F811
    add_event(programme, "atelier", soon(14), format="workshop")
    embedded = client.get("/fr/programme/embed/")
    page = client.get("/fr/programme/")
    english = client.get("/en/programme/")

    assert 'target="_blank"' in _rows_html(embedded)
    assert 'target="_blank"' not in _rows_html(page)
    meta = lambda response: _soup_of(response).select_one(".card__meta").text  # noqa: E731
    assert meta(page) == "Atelier · Gratuit"
    assert meta(english) == "Workshop · Free"
