"""A reader's journey through the directory in a real browser: an accent-free search, two
facets, the map, a result, and the CSV of the same filters."""

import base64
import csv
import io
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.browser

# A 1x1 transparent PNG stands in for map tiles: the journey never reaches the internet.
TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def _serve_blank_tiles(page):
    page.route(
        "https://tile.openstreetmap.org/**",
        lambda route: route.fulfill(status=200, content_type="image/png", body=TILE),
    )


def test_search_facets_map_result_and_csv(page, live_server, demo_site):
    _serve_blank_tiles(page)
    page.goto(f"{live_server.url}/fr/annuaire/")
    results = page.locator("#directory-results")

    # Search without accents finds entries about "démocratie".
    page.get_by_label("Search the directory").fill("democratie")
    page.get_by_role("button", name="Show results").click()
    page.wait_for_url("**/fr/annuaire/?q=democratie")
    names = page.locator(".directory-card .card__title a").all_inner_texts()
    assert "Les Halles Civiques" in names

    # Two facets, applied in place by the script.
    page.locator("fieldset", has_text="Show").get_by_label("Organisations").check()
    page.wait_for_url("**entry=organisation**")
    page.locator("fieldset", has_text="City").get_by_label("Paris").check()
    page.wait_for_url("**city=Paris**")
    cards = page.locator(".directory-card")
    assert cards.count() >= 1
    for n in range(cards.count()):
        assert "directory-card--organisation" in cards.nth(n).get_attribute("class")
        assert "Paris" in cards.nth(n).inner_text()
    listed = sorted(page.locator(".directory-card .card__title a").all_inner_texts())

    # The map shows the same entries, from the GeoJSON export of these filters.
    page.locator(".directory-views").get_by_role("link", name="Map").click()
    page.wait_for_url("**view=map**")
    map_region = page.get_by_role("region", name="Map of the entries")
    map_region.locator(".leaflet-marker-icon").first.wait_for()
    markers = map_region.get_attribute("data-markers")
    with_coordinates = page.evaluate(
        "fetch(document.querySelector('[data-directory-map]').dataset.geojsonUrl)"
        ".then(r => r.json()).then(d => d.features.length)"
    )
    assert int(markers) == with_coordinates
    assert map_region.locator(".leaflet-marker-icon").count() == with_coordinates
    assert "OpenStreetMap" in page.locator(".leaflet-control-attribution").inner_text()
    assert sorted(page.locator(".directory-card .card__title a").all_inner_texts()) == listed

    # Open a result, then come back.
    first = page.locator(".directory-card .card__title a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title
    page.go_back()
    results.wait_for()

    # The CSV download holds the same filtered entries.
    with page.expect_download() as download_info:
        page.locator(".directory-exports").get_by_role("link", name="CSV").click()
    download = download_info.value
    query = parse_qs(urlparse(download.url).query)
    assert query == {"q": ["democratie"], "entry": ["organisation"], "city": ["Paris"]}
    with open(download.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(io.StringIO(handle.read())))
    assert sorted(row["name"] for row in rows) == listed
    assert {row["entry_type"] for row in rows} == {"organisation"}
    assert {row["city"] for row in rows} == {"Paris"}

    assert page.console_errors == []


def test_map_view_without_javascript_shows_the_list(browser, live_server, demo_site):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{live_server.url}/fr/annuaire/?view=map")
    assert tab.locator(".directory-map__fallback").is_visible()
    assert tab.locator(".directory-card").count() > 0
    context.close()
