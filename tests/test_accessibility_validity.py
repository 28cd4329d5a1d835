"""Every public page type, in both languages, has no axe-core violation and valid HTML.

axe-core runs inside Debian's Chromium; the Nu HTML Checker (vnu.jar) runs on the machine's
Java. Both come from the npm registry (`npm ci`); CI fails if they are missing.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from wagtail.models import Page

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.browser


def _require(path, what):
    if path.exists():
        return
    message = f"{what} missing at {path}: run `npm ci`"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def public_urls():
    """One live page of every page type in every language, plus pages that are not pages."""
    urls, seen = [], set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        key = (type(page), page.locale_id)
        if key in seen:
            continue
        seen.add(key)
        urls.append(page.url)
        if type(page).__name__ == "SubmissionIndexPage":
            urls += [page.url + form for form in ("organisation/", "place/", "event/")]
        if type(page).__name__ == "RoomsIndexPage":
            urls.append(page.url + "request/")
    urls += [
        "/fr/introuvable/",
        "/en/missing/",
        "/fr/annuaire/?q=democratie&type=association",
        "/en/programme/?when=this-week",
        "/fr/programme/?view=calendar",
        "/fr/newsletter/",
        "/en/newsletter/check-your-inbox/",
        "/fr/espace-partenaire/connexion/",
        "/en/partner-space/link-sent/",
        "/fr/newsletter/confirm/not-a-link/",
        "/en/embed/?widget=programme&format=workshop",
    ]
    return urls


def _axe_violations(tab, url):
    tab.goto(url)
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{url}: {violation['id']} ({violation['impact']}) on "
        f"{[node['target'] for node in violation['nodes']][:3]}"
        for violation in result["violations"]
    ]


def test_axe_finds_no_violation_on_any_public_page(browser, live_server, demo_site):
    _require(AXE, "axe-core")
    # axe is injected as an inline script, which the portal's own CSP rightly forbids.
    context = browser.new_context(bypass_csp=True)
    tab = context.new_page()
    violations = []
    urls = public_urls()
    for url in urls:
        violations += _axe_violations(tab, live_server.url + url)
    context.close()

    assert len(urls) > 15
    assert violations == []


def test_form_error_states_have_no_axe_violation(browser, live_server, demo_site):
    _require(AXE, "axe-core")
    context = browser.new_context(bypass_csp=True)
    tab = context.new_page()
    violations = []
    forms = ("/proposer/", "/submit/", "/request/", "/contact/", "/newsletter/", "/connexion/")
    for url in [u for u in public_urls() if any(part in u for part in forms)]:
        tab.goto(live_server.url + url)
        form = tab.locator("main form[method=post]").first
        if form.count() == 0:
            continue
        form.locator("[type=submit]").last.click()  # empty submission: every error at once
        tab.wait_for_load_state()
        assert tab.locator(".errorlist, [aria-invalid=true]").count() > 0, url
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate("async () => await axe.run(document)")
        violations += [f"{url} (errors): {v['id']}" for v in result["violations"]]
    context.close()

    assert violations == []


def test_nu_html_checker_finds_no_error(client, demo_site, tmp_path):
    _require(VNU, "vnu-jar")
    if shutil.which("java") is None:
        pytest.fail("Java is needed to run the Nu HTML Checker")
    files = []
    for index, url in enumerate(public_urls()):
        response = client.get(url)
        assert response.status_code in (200, 400, 404), url
        path = tmp_path / f"page-{index:03d}.html"
        path.write_bytes(response.content)
        files.append((path, url))

    assert _vnu_errors(files) == []


def _vnu_errors(files):
    """The Nu HTML Checker's errors on (path, url) files, as "url:line: message"."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", *[str(p) for p, _ in files]],
        capture_output=True,
        text=True,
        timeout=300,
    )
    names = {path.name: url for path, url in files}
    return [
        f"{names.get(Path(message.get('url', '')).name)}:{message.get('lastLine')}: "
        f"{message['message']}"
        for message in json.loads(result.stdout)["messages"]
        if message["type"] == "error"
    ]


def test_pages_stay_valid_after_their_scripts_run(browser, live_server, demo_site, tmp_path):
    """The DOM the scripts leave (calendar grid, maps, filters panel) is still valid HTML and
    has no axe violation."""
    _require(VNU, "vnu-jar")
    _require(AXE, "axe-core")
    from programme.models import FestivalPage

    festival = FestivalPage.objects.get(locale__language_code="fr")
    urls = ["/fr/programme/?view=calendar", "/en/programme/", festival.url, "/fr/annuaire/"]
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    tab = context.new_page()
    files, violations = [], []
    for index, url in enumerate(urls):
        tab.goto(live_server.url + url)
        tab.wait_for_load_state("networkidle")
        if tab.locator("[data-festival-map]").count():
            tab.locator("[data-festival-map] .leaflet-marker-icon").first.wait_for()
        path = tmp_path / f"scripted-{index:02d}.html"
        path.write_text(tab.content(), encoding="utf-8")
        files.append((path, url))
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        violations += [
            f"{url}: {v['id']} {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
        ]
    context.close()
    assert tab.url  # the pages were visited
    assert violations == []
    assert _vnu_errors(files) == []


def test_directory_search_box_is_a_valid_combobox_once_its_script_ran(
    browser, live_server, demo_site, tmp_path
):
    # The directory's own box suggests entry names the way the header's box suggests pages:
    # the WAI-ARIA combobox pattern, checked in the DOM the script leaves, list open.
    _require(VNU, "vnu-jar")
    _require(AXE, "axe-core")
    # axe is injected as a script: the page's own policy allows only its own scripts.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message))
    page.goto(f"{live_server.url}/fr/annuaire/")
    box = page.locator('main input[name="q"]')
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially("halles", delay=30)
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    listbox.locator('[role="option"]').first.wait_for()
    assert listbox.get_attribute("role") == "listbox"
    assert box.get_attribute("aria-expanded") == "true"
    assert "Les Halles Civiques" in listbox.inner_text()
    assert page.locator("datalist").count() == 0
    box.press("ArrowDown")
    chosen = page.locator("#" + box.get_attribute("aria-activedescendant"))
    assert chosen.get_attribute("aria-selected") == "true"

    snapshot = tmp_path / "directory-combobox.html"
    snapshot.write_text("<!DOCTYPE html>\n" + page.evaluate("document.documentElement.outerHTML"))
    assert _vnu_errors([(snapshot, "/fr/annuaire/ (suggestions open)")]) == []
    # axe last: its injected script is not the page's own markup.
    assert _axe_violations_here(page) == []
    # The option's first text is the entry's name (its kind follows in a span).
    name = chosen.evaluate("option => option.firstChild.firstChild.textContent")
    box.press("Enter")  # the chosen suggestion opens its entry
    page.wait_for_url("**/fr/annuaire/*/")
    assert page.locator("h1").inner_text() == name
    assert console_errors == []
    context.close()


def _axe_violations_here(tab):
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{violation['id']} ({violation['impact']})" for violation in result["violations"]]
