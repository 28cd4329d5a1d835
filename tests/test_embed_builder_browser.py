"""Real-browser journey: a partner builds the code for the programme widget, watches the
preview follow the choices, copies the code; and the same without JavaScript."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _frame_src(page):
    code = page.locator("#embed-code").input_value()
    return html.unescape(code.split('src="', 1)[1].split('"', 1)[0])  # an HTML attribute


def test_a_partner_builds_and_copies_the_code(browser, live_server, demo_site):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/en/embed/")
    assert _frame_src(page) == f"{live_server.url}/embed/directory/"

    # Choosing the programme swaps in its filters and updates the code, without a reload.
    page.evaluate("window.stillHere = true")
    page.get_by_label("Programme").check()
    page.get_by_label("Format", exact=True).wait_for()
    page.get_by_label("Format", exact=True).select_option("workshop")
    page.get_by_label("Language", exact=True).select_option("en")
    expect(page.locator("#embed-code")).to_have_value(re.compile("format=workshop"))
    expect(page.locator("#embed-code")).to_have_value(re.compile("/en/programme/"))
    assert page.evaluate("window.stillHere") is True
    src = _frame_src(page)
    assert urlsplit(src).path == "/en/programme/embed/"
    assert parse_qs(urlsplit(src).query) == {"format": ["workshop"]}
    preview = page.locator("iframe.embed-builder__preview")
    assert preview.get_attribute("src") == src
    # The live region is emptied, then filled 50 ms later (so screen readers announce it again).
    expect(page.locator("#embed-status")).to_have_text("Preview and code updated.")
    frame = page.frame_locator("iframe.embed-builder__preview")
    frame.locator("main").wait_for()
    assert "format=workshop" in page.url  # the address can be shared or bookmarked

    page.get_by_role("button", name="Copy the code").click()
    page.get_by_text("Code copied.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f'<iframe src="{html.escape(src)}"')
    assert errors == []
    context.close()


def test_without_javascript_the_form_shows_the_code(browser, live_server, demo_site):
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 320, "height": 800}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/integrer/")
    assert page.get_by_role("button", name="Copier le code").is_hidden()
    page.get_by_role("group", name="Type d’organisation").get_by_label("Association").check()
    page.get_by_label("Hauteur en pixels").fill("700")
    page.get_by_role("button", name="Afficher l’aperçu et le code").click()
    page.wait_for_url("**/fr/integrer/?*type=association*")
    src = _frame_src(page)
    assert src == f"{live_server.url}/embed/directory/?type=association"
    code = page.locator("#embed-code").input_value()
    assert 'height="700"' in code and 'title="Annuaire des Halles Civiques"' in code
    assert page.locator("iframe.embed-builder__preview").get_attribute("src") == src
    context.close()
