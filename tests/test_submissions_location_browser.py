"""Real-browser journey with the pin (issue 20, "Location"), on a 320 px phone and a 1280 px
screen, by keyboard only: focus the map, pan it with the arrow keys, press "Place the pin at
the centre of the map"; the two fields hold the numbers and the stored proposal has them.
The script runs under the portal's own Content-Security-Policy (no inline code)."""

import time
from decimal import Decimal

import pytest

from tests.test_accessibility_validity import AXE, VNU, _require, _vnu_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TILES = "https://tile.openstreetmap.org/**"
OVERFLOW = "document.documentElement.scrollWidth > document.documentElement.clientWidth"
# A 1x1 transparent PNG: a tile server that answers.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000050001"
    "0d0a2db40000000049454e44ae426082"
)


def _focus_by_tab(tab, test, key="Tab", limit=25):
    """Press `key` until the focused element passes the JavaScript `test` (keyboard only)."""
    for _ in range(limit):
        tab.keyboard.press(key)
        if tab.evaluate(f"(el => {test})(document.activeElement)"):
            return
    raise AssertionError(f"never reached {test} with {key}")


def _axe(tab):
    # Evaluated through the browser's debugging protocol, which the page's CSP does not govern.
    tab.evaluate(AXE.read_text(encoding="utf-8"))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def _pan(tab, key):
    """Press an arrow key on the focused map and wait until Leaflet's pan has ended (it
    ignores keys while it pans, as a person waiting to see the map move would not notice)."""
    pane = "document.querySelector('[data-location-map] .leaflet-map-pane')"
    before = tab.evaluate(f"{pane}.style.transform")
    tab.keyboard.press(key)
    tab.wait_for_function(
        f"p => {pane}.style.transform !== p && !{pane}.classList.contains('leaflet-pan-anim')",
        arg=before,
    )


def _button(label):
    return f"el.tagName === 'BUTTON' && el.textContent.trim() === {label!r}"


@pytest.mark.parametrize(
    ("width", "tiles_answer"), [(320, False), (1280, True)], ids=["phone", "wide"]
)
def test_a_partner_places_the_pin_with_the_keyboard(
    browser, live_server, demo_site, settings, tmp_path, width, tiles_answer
):
    _require(AXE, "axe-core")
    _require(VNU, "vnu-jar")
    from submissions.models import Submission

    settings.PORTAL_FORM_MIN_SECONDS = 1
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="fr-FR")
    if tiles_answer:
        context.route(TILES, lambda route: route.fulfill(body=PNG, content_type="image/png"))
    else:
        context.route(TILES, lambda route: route.abort())
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and "tile.openstreetmap.org" not in msg.location.get("url", "")
            else None
        ),
    )

    tab.goto(f"{live_server.url}/fr/proposer/organisation/")
    started = time.monotonic()
    title = f"Fabrique des Communs {width}"
    tab.fill("#id_title", title)
    tab.fill("#id_summary", "Un collectif qui outille les communs urbains.")
    tab.select_option("#id_organisation_type", "collective")
    tab.select_option("#id_relation", "partner")
    tab.fill("#id_city", "Grenoble")
    tab.fill("#id_email", "fabrique@example.org")

    picker = tab.locator("[data-location-picker]")
    tab.locator("[data-location-picker][data-ready]").wait_for()
    canvas = picker.locator("[data-location-map]")
    assert canvas.get_attribute("aria-label") == "Carte pour placer le repère"
    if tiles_answer:
        tab.locator("[data-location-picker][data-tiles='loaded']").wait_for()
        assert picker.locator(".map-notice").count() == 0
    else:  # said in words; the fields still work
        notice = picker.locator(".map-notice")
        notice.wait_for()
        assert "saisir la latitude et la longitude" in notice.inner_text()

    # Typing places the pin; the keyboard removes it.
    markers = picker.locator(".leaflet-marker-icon")
    tab.fill("#id_latitude", "48,8718")
    tab.fill("#id_longitude", "2,3628")
    assert markers.count() == 1
    tab.focus("#id_country")
    _focus_by_tab(tab, _button("Retirer le repère"))
    tab.keyboard.press("Enter")
    assert markers.count() == 0
    assert tab.input_value("#id_latitude") == tab.input_value("#id_longitude") == ""
    status = picker.locator("[data-location-status]")
    assert "Repère retiré" in status.inner_text()

    # Keyboard only: focus the map, pan east and north, place the pin at the centre.
    tab.focus("#id_country")
    _focus_by_tab(tab, "el.hasAttribute('data-location-map')")
    for key in ("ArrowRight", "ArrowRight", "ArrowRight", "ArrowUp", "ArrowUp"):
        _pan(tab, key)
    _focus_by_tab(tab, _button("Placer le repère au centre de la carte"))
    tab.keyboard.press("Enter")
    latitude = Decimal(tab.input_value("#id_latitude"))
    longitude = Decimal(tab.input_value("#id_longitude"))
    assert latitude > Decimal("46.5") and longitude > Decimal("2.5")  # moved from the start
    assert markers.count() == 1
    assert status.inner_text() == (f"Repère placé à la latitude {latitude}, longitude {longitude}.")

    assert not tab.evaluate(OVERFLOW)
    snapshot = tmp_path / "form.html"  # the DOM the script leaves is still valid HTML
    snapshot.write_text(tab.content(), encoding="utf-8")
    assert _vnu_errors([(snapshot, tab.url)]) == []
    assert _axe(tab) == []

    time.sleep(max(0, 1.2 - (time.monotonic() - started)))
    _focus_by_tab(tab, "el.type === 'submit'")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/fr/proposer/thanks/")
    context.close()

    draft = Submission.objects.get(title=title).page.specific.get_latest_revision_as_object()
    assert (draft.latitude, draft.longitude) == (latitude, longitude)
    assert errors == []
