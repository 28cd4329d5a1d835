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
    forms = ("/proposer/", "/submit/", "/request/")
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
        assert response.status_code in (200, 404), url
        path = tmp_path / f"page-{index:03d}.html"
        path.write_bytes(response.content)
        files.append((path, url))

    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", *[str(p) for p, _ in files]],
        capture_output=True,
        text=True,
        timeout=300,
    )

    names = {path.name: url for path, url in files}
    errors = [
        f"{names.get(Path(message.get('url', '')).name)}:{message.get('lastLine')}: "
        f"{message['message']}"
        for message in json.loads(result.stdout)["messages"]
        if message["type"] == "error"
    ]
    assert errors == []
