"""A reader's journey through the directory in a real browser: a search with and without
accents, two facets, the map, a result, and the CSV of the same filters."""

import base64
import csv
import io
import re
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

    # Search with accents, then without: both find entries about "démocratie".
    # Stable selectors (names and values), not labels: the catalogues translate those.
    page.locator('main input[name="q"]').fill("Démocratie")  # not the header's site search
    page.locator('.directory-filters__query button[type="submit"]').click()
    page.wait_for_url("**/fr/annuaire/?q=D%C3%A9mocratie**")
    accented = page.locator(".directory-card .card__title a").all_inner_texts()
    assert "Les Halles Civiques" in accented
    page.locator('main input[name="q"]').fill("democratie")
    page.locator('.directory-filters__query button[type="submit"]').click()
    page.wait_for_url("**/fr/annuaire/?q=democratie**")
    names = page.locator(".directory-card .card__title a").all_inner_texts()
    assert "Les Halles Civiques" in names
    assert sorted(names) == sorted(accented)

    # Two facets, applied in place by the script.
    page.locator('input[name="entry"][value="organisation"]').check()
    page.wait_for_url("**entry=organisation**")
    page.locator('input[name="city"][value="Paris"]').check()
    page.wait_for_url("**city=Paris**")
    cards = page.locator(".directory-card")
    assert cards.count() >= 1
    for n in range(cards.count()):
        assert "directory-card--organisation" in cards.nth(n).get_attribute("class")
        assert "Paris" in cards.nth(n).inner_text()
    listed = sorted(page.locator(".directory-card .card__title a").all_inner_texts())

    # The map shows the same entries, from the GeoJSON export of these filters.
    page.locator('.directory-views a[href*="view=map"]').click()
    page.wait_for_url("**view=map**")
    map_region = page.locator('[data-directory-map][role="region"][aria-label]')
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
        page.locator('.directory-exports a[type="text/csv"]').click()
    download = download_info.value
    query = parse_qs(urlparse(download.url).query)
    assert {name: query[name] for name in ("q", "entry", "city")} == {
        "q": ["democratie"],
        "entry": ["organisation"],
        "city": ["Paris"],
    }
    assert "view" not in query
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


def test_near_from_my_position_and_from_a_map_click(browser, live_server, demo_site):
    context = browser.new_context(
        locale="fr-FR",
        geolocation={"latitude": 48.8718, "longitude": 2.3845},
        permissions=["geolocation"],
        bypass_csp=True,  # wait_for_function evaluates a string, which the site's CSP forbids
    )
    tab = context.new_page()
    _serve_blank_tiles(tab)
    tab.goto(f"{live_server.url}/fr/annuaire/")
    tab.locator("[data-directory-near] button").click()
    tab.wait_for_url("**near=48.87180%2C2.38450**")
    distances = [
        float(re.search(r"\d+(?:[.,]\d+)?", text).group().replace(",", "."))
        for text in tab.locator(".directory-card__distance").all_inner_texts()
    ]
    assert distances == sorted(distances) and distances[0] < 1
    assert tab.locator(".directory-card").count() == len(distances)
    assert tab.locator("#id_sort").input_value() == "distance"

    tab.locator('.directory-views a[href*="view=map"]').click()
    canvas = tab.locator("[data-directory-map]")
    canvas.locator(".leaflet-marker-icon").first.wait_for()
    # The top-right corner holds no control and (at this zoom) no marker.
    canvas.click(position={"x": canvas.bounding_box()["width"] - 30, "y": 30})
    tab.wait_for_function("!location.search.includes('near=48.87180')")
    assert "view=map" in tab.url and "near=" in tab.url
    context.close()
