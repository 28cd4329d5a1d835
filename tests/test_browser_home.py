"""A visitor's first steps in a real browser: home, language switcher, menu."""

import pytest

pytestmark = pytest.mark.browser


def test_visitor_switches_language_and_follows_the_menu(page, live_server, demo_site):
    page.goto(f"{live_server.url}/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator(".hero__heading").is_visible()

    page.locator("nav.lang-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"

    page.locator("nav.main-nav").get_by_role("link", name="About us").click()
    page.wait_for_url(f"{live_server.url}/en/about/")
    assert page.locator("h1").inner_text() == "About us"

    assert page.console_errors == []


def test_home_fits_a_320px_screen_without_javascript(browser, live_server, demo_site):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{live_server.url}/fr/")

    overflow = tab.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 320
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    context.close()
