"""On a 320 px phone: no page scrolls sideways, the header stays short, focus shows on every
background; the month calendar works from the keyboard; maps say when tiles fail."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from tests.test_accessibility_validity import public_urls

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 800}
HEADER_MAX = 120

# The contrast of the focused element's outline against the background it is drawn on.
FOCUS_CONTRASTS = """() => {
  function rgb(colour) {
    const parts = colour.match(/[\\d.]+/g).map(Number);
    return { rgb: parts.slice(0, 3), alpha: parts.length > 3 ? parts[3] : 1 };
  }
  function luminance([r, g, b]) {
    const channel = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  }
  function background(element) {
    for (let node = element; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if (colour.alpha > 0.5) return colour.rgb;
    }
    return [255, 255, 255];
  }
  // What lies under the ring: the element itself for an inset ring, else whatever is drawn
  // just left of it (a skip link floats over the header, not over its parent).
  function beneath(element, style) {
    const offset = parseFloat(style.outlineOffset);
    if (offset < 0) return element;
    const box = element.getBoundingClientRect();
    const x = Math.max(0, box.left - offset - parseFloat(style.outlineWidth) / 2);
    const y = Math.min(window.innerHeight - 1, Math.max(0, box.top + box.height / 2));
    const stack = document.elementsFromPoint(x, y);
    const under = stack.find((node) => node !== element && !element.contains(node));
    return under || element.parentElement;
  }
  const element = document.activeElement;
  const style = getComputedStyle(element);
  if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) === 0) return null;
  const ring = luminance(rgb(style.outlineColor).rgb);
  const behind = luminance(background(beneath(element, style)));
  const [light, dark] = ring > behind ? [ring, behind] : [behind, ring];
  return { ratio: (light + 0.05) / (dark + 0.05), what: element.outerHTML.slice(0, 80) };
}"""


def test_every_page_kind_fits_a_phone_with_a_short_header(browser, live_server, demo_site):
    context = browser.new_context(viewport=PHONE, locale="fr-FR")
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    tab = context.new_page()
    too_wide, too_tall = [], []
    urls = [*public_urls(), "/fr/programme/?view=calendar", "/en/programme/?view=calendar"]
    for url in urls:
        tab.goto(live_server.url + url)
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide.append((url, width))
        header = tab.locator("header.site-header")
        if header.count():
            height = header.bounding_box()["height"]
            if height > HEADER_MAX:
                too_tall.append((url, height))
    context.close()

    assert len(urls) > 15
    assert too_wide == []
    assert too_tall == []


@pytest.mark.parametrize("width", [320, 1280])
def test_focus_ring_has_three_to_one_contrast_everywhere(browser, live_server, demo_site, width):
    # No smooth scrolling: what lies under the ring is read while the page stands still.
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="fr-FR", reduced_motion="reduce"
    )
    tab = context.new_page()
    weak = []
    for url in ("/fr/", "/fr/programme/", "/en/rooms/belvedere-room/"):
        tab.goto(live_server.url + url)
        seen = 0
        # Skip link, header, menu, the page, and into the footer (the last links).
        for _ in range(80):
            tab.keyboard.press("Tab")
            result = tab.evaluate(FOCUS_CONTRASTS)
            if result is None:
                continue
            seen += 1
            if result["ratio"] < 3:
                weak.append((url, round(result["ratio"], 2), result["what"]))
        tab.locator("footer a").last.focus()
        tab.keyboard.press("Shift+Tab")
        tab.keyboard.press("Tab")
        footer = tab.evaluate(FOCUS_CONTRASTS)
        if footer and footer["ratio"] < 3:
            weak.append((url, round(footer["ratio"], 2), footer["what"]))
        assert seen > 10, url
    context.close()
    assert weak == []


def test_month_calendar_moves_by_keyboard(page, live_server, demo_site):
    page.goto(f"{live_server.url}/fr/programme/?view=calendar")
    grid = page.locator("table[data-calendar]")
    assert grid.get_attribute("role") == "grid"
    assert page.locator("#month-help").is_visible()
    assert grid.locator("[tabindex='0']").count() == 1  # one tab stop for the whole month
    assert grid.locator(".month__events a[tabindex='-1']").count() >= 1

    def focused_date():
        return dt.date.fromisoformat(
            page.evaluate("document.activeElement.closest('td').dataset.date")
        )

    grid.locator("[tabindex='0']").focus()
    start = focused_date()
    today = timezone.localdate()
    assert start == today  # the tab stop is today's cell

    moves = [
        ("ArrowRight", 1),
        ("ArrowDown", 7),
        ("ArrowLeft", -1),
        ("ArrowUp", -7),
    ]
    for key, days in moves:
        before = focused_date()
        page.keyboard.press(key)
        expected = before + dt.timedelta(days=days)
        if expected.month == before.month:
            assert focused_date() == expected, key
        else:
            assert focused_date() == before, key  # the edges of the month stop the focus
    page.keyboard.press("Control+Home")
    assert focused_date() == today.replace(day=1)
    page.keyboard.press("End")
    end_of_week = focused_date()
    assert end_of_week.weekday() == 6 or (end_of_week + dt.timedelta(days=1)).month != today.month
    page.keyboard.press("Home")
    assert focused_date() == today.replace(day=1)

    # Enter on a day with events opens that day's list.
    busy = grid.locator("td.month__day--busy").first
    busy_date = busy.get_attribute("data-date")
    page.keyboard.press("Control+Home")
    for _ in range(40):
        if focused_date().isoformat() == busy_date:
            break
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"from={busy_date}&to={busy_date}|to={busy_date}"))
    assert page.locator(".programme-day").count() == 1
    assert page.console_errors == []


def test_festival_map_without_tiles_says_so_and_keeps_the_list(page, live_server, demo_site):
    from programme.models import FestivalPage

    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    festival = FestivalPage.objects.get(locale__language_code="fr")
    page.goto(f"{live_server.url}{festival.url}")
    canvas = page.locator("[data-festival-map]")
    notice = canvas.locator(".map-notice")
    notice.wait_for()
    assert "fond de carte" in notice.inner_text()
    assert canvas.locator(".map-pin--venue").count() >= 1
    assert "repère triangulaire" in canvas.locator(".map-legend").inner_text()
    assert page.locator(".festival-venues__item").count() >= 1
    page.console_errors.clear()  # the aborted tiles themselves
