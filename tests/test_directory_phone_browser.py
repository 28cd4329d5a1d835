"""The directory on a 320 px phone: results first, filters in a panel that applies each box at
once with JavaScript (and with one button without it), the new count announced, the map saying
in words when its tiles fail, nothing wider than the screen, no axe violation."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests.test_accessibility_validity import AXE, _require

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 800}
OVERFLOW = "document.documentElement.scrollWidth > document.documentElement.clientWidth"


def _axe(tab):
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{tab.url}: {violation['id']} {[node['target'] for node in violation['nodes']][:3]}"
        for violation in result["violations"]
    ]


def _first_result_top(tab):
    return tab.locator(".directory-card").first.bounding_box()["y"]


def _first_result_name_bottom(tab):
    name = tab.locator(".directory-card .card__title").first.bounding_box()
    return name["y"] + name["height"]


def _chips_reachable(tab):
    """Every chip lies within the page's width, even if its list scrolls sideways."""
    return tab.evaluate(
        """() => [...document.querySelectorAll('.directory-active__link')].every(
            (chip) => chip.getBoundingClientRect().width > 0
                && chip.offsetLeft + chip.offsetWidth <= chip.offsetParent.scrollWidth
        )"""
    )


def test_phone_shows_results_first_and_applies_a_box_at_once(browser, live_server, demo_site):
    _require(AXE, "axe-core")
    # axe is injected as a script, which the portal's own policy rightly forbids.
    context = browser.new_context(viewport=PHONE, locale="fr-FR", bypass_csp=True)
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    violations = []

    for path in (
        "/fr/annuaire/",
        "/en/directory/",
        # Several filters and a query: their removable chips must not push the results down.
        "/fr/annuaire/?q=lieu&entry=organisation&entry=place&city=Paris",
        "/en/directory/?q=place&entry=organisation&entry=place&city=Paris",
    ):
        tab.goto(live_server.url + path)
        # The first result shows on the first screen, below the header, without scrolling.
        header = tab.locator("header.site-header").bounding_box()
        top = _first_result_top(tab)
        assert header["y"] + header["height"] < top < PHONE["height"], (path, top)
        # Its name too, not only the card's top edge.
        assert _first_result_name_bottom(tab) <= PHONE["height"], (path, top)
        assert not tab.evaluate(OVERFLOW), path
        assert tab.locator("[data-directory-panel]").get_attribute("open") is None
        violations += _axe(tab)
        if "city=" in path:
            chips = tab.locator(".directory-active__link")
            assert chips.count() == 4, path  # the query, two types, one city
            # Each chip stays reachable: inside the screen's width or its own scroller.
            assert _chips_reachable(tab), path

    tab.goto(live_server.url + "/fr/annuaire/")
    # With the script, boxes apply at once: the button is not needed.
    assert tab.locator("[data-directory-apply]").is_hidden()
    tab.locator(".directory-panel__summary").click()
    box = tab.locator('input[name="entry"][value="organisation"]')
    box.check()
    tab.wait_for_url("**entry=organisation**")
    status = tab.locator("[data-directory-status]")
    status.wait_for(state="attached")
    tab.wait_for_function(
        "document.querySelector('[data-directory-status]').textContent.trim() !== ''"
    )
    heading = tab.locator("#directory-results-heading").inner_text()
    assert status.inner_text().strip() == heading.strip()
    assert re.match(r"\d+ fiches?", heading)
    # The panel stays open and the focus returns to the box just ticked.
    assert tab.locator("[data-directory-panel]").get_attribute("open") is not None
    assert tab.evaluate("document.activeElement.id") == "facet-entry-organisation"
    assert tab.locator(".directory-card:not(.directory-card--organisation)").count() == 0
    # A second value of another facet, then its chip removes it alone.
    tab.locator('input[name="city"][value="Paris"]').check()
    tab.wait_for_url("**city=Paris**")
    assert not tab.evaluate(OVERFLOW)
    violations += _axe(tab)  # panel open, chips shown
    tab.locator(".directory-active__link", has_text="Paris").click()
    tab.wait_for_url(lambda url: "city=" not in url)
    query = parse_qs(urlparse(tab.url).query)
    assert query["entry"] == ["organisation"] and "city" not in query

    # The map view keeps the list; without tiles the map says so in words, with a legend.
    tab.locator('.directory-views a[href*="view=map"]').click()
    tab.wait_for_url("**view=map**")
    notice = tab.locator("[data-directory-map] .map-notice")
    notice.wait_for()
    assert "fond de carte" in notice.inner_text()
    legend = tab.locator("[data-directory-map] .map-legend").inner_text()
    assert "repère rond" in legend and "repère carré" in legend
    assert tab.locator(".directory-card").count() > 0
    assert not tab.evaluate(OVERFLOW)
    violations += _axe(tab)

    context.close()
    assert violations == []
    assert errors == []


def test_without_javascript_one_button_applies_several_values(browser, live_server, demo_site):
    context = browser.new_context(viewport=PHONE, locale="fr-FR", java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_server.url + "/fr/annuaire/")
    assert _first_result_top(tab) < PHONE["height"]
    tab.locator(".directory-panel__summary").click()  # <details> opens without a script
    tab.locator('input[name="entry"][value="organisation"]').check()
    tab.locator('input[name="entry"][value="place"]').check()
    tab.locator('input[name="city"][value="Paris"]').check()
    apply = tab.locator("[data-directory-apply]")
    assert apply.is_visible()
    apply.click()
    tab.wait_for_url("**city=Paris**")
    query = parse_qs(urlparse(tab.url).query)
    assert sorted(v for v in query["entry"] if v) == ["organisation", "place"]
    assert tab.locator(".directory-active__link").count() == 3
    assert "3 actifs" in tab.locator(".directory-panel__summary").inner_text()
    assert not tab.evaluate(OVERFLOW)
    tab.locator(".directory-active__clear").click()
    tab.wait_for_url(lambda url: "city=" not in url)
    assert tab.locator(".directory-active__link").count() == 0
    context.close()


def test_wide_screen_shows_the_filters_as_an_open_sidebar(browser, live_server, demo_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    tab = context.new_page()
    tab.goto(live_server.url + "/fr/annuaire/")
    panel = tab.locator("[data-directory-panel]")
    assert panel.get_attribute("open") is not None
    filters = tab.locator("[data-directory-form]").bounding_box()
    results = tab.locator("#directory-results").bounding_box()
    assert filters["x"] + filters["width"] <= results["x"]  # beside, not above
    assert abs(filters["y"] - results["y"]) < 120
    # Keyboard: the summary and the boxes take the focus, with a visible ring.
    tab.locator(".directory-panel__summary").focus()
    tab.keyboard.press("Tab")
    outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    context.close()
