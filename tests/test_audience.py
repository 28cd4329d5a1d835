"""Audience figures without cookies: off by default, the association's own Matomo or
Plausible when configured (our script, that server only in the CSP), and no cookie for
anonymous readers on any public page."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from tests.csp_support import csp_directives

from .hardening_support import demo, demo_db  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parent.parent


def _settings_with(**env):
    """The CSP's connect-src and the checks' errors with these environment variables."""
    code = (
        "from django.conf import settings; from django.core.checks import run_checks; "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['connect-src']); "
        "print(sorted(e.id for e in run_checks() if e.id.startswith('audience')))"
    )
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PORTAL_AUDIENCE")},
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        **env,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-2:]


def test_the_csp_allows_the_statistics_server_only_when_configured():
    assert _settings_with() == ["[\"'self'\"]", "[]"]
    connect, errors = _settings_with(
        PORTAL_AUDIENCE_TOOL="matomo",
        PORTAL_AUDIENCE_URL="https://stats.example.org/matomo/",
        PORTAL_AUDIENCE_SITE_ID="3",
    )
    assert connect == "[\"'self'\", 'https://stats.example.org']"
    assert errors == "[]"
    _connect, errors = _settings_with(PORTAL_AUDIENCE_TOOL="matomo")
    assert errors == "['audience.E002', 'audience.E003']"
    _connect, errors = _settings_with(
        PORTAL_AUDIENCE_TOOL="piwik",
        PORTAL_AUDIENCE_URL="https://stats.example.org",
        PORTAL_AUDIENCE_SITE_ID="3",
    )
    assert errors == "['audience.E001']"


@pytest.mark.django_db
def test_off_by_default(client, site_tree):
    response = client.get("/fr/")
    assert "audience.js" not in response.content.decode()
    assert csp_directives(response)["connect-src"] == ["'self'"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tool, endpoint, site_id",
    [
        ("matomo", "https://stats.example.org/matomo/matomo.php", "3"),
        ("plausible", "https://stats.example.org/matomo/api/event", "halles.example.org"),
    ],
)
def test_the_tracker_is_our_own_script_pointed_at_the_server(
    client, site_tree, settings, tool, endpoint, site_id
):
    settings.PORTAL_AUDIENCE_TOOL = tool
    settings.PORTAL_AUDIENCE_URL = "https://stats.example.org/matomo/"
    settings.PORTAL_AUDIENCE_SITE_ID = site_id
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    [script] = soup.select("script[data-tool]")
    assert script["src"] == "/static/js/audience.js"  # served by the portal, not the server
    assert (script["data-tool"], script["data-endpoint"], script["data-site"]) == (
        tool,
        endpoint,
        site_id,
    )
    assert not [s for s in soup.select("script[src]") if "stats.example.org" in s["src"]]


@pytest.mark.usefixtures("demo")
def test_no_public_page_sets_a_cookie_for_anonymous_readers(client, settings):
    settings.PORTAL_AUDIENCE_TOOL = "matomo"
    settings.PORTAL_AUDIENCE_URL = "https://stats.example.org"
    settings.PORTAL_AUDIENCE_SITE_ID = "1"
    urls = [page.url for page in Page.objects.live().public().filter(depth__gt=1).specific()]
    urls += ["/fr/newsletter/", "/en/newsletter/check-your-inbox/", "/embed/directory/"]
    with_cookies = []
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        if response.cookies:
            with_cookies.append(url)
            # Only a form that posts gets the strictly necessary CSRF cookie.
            assert sorted(response.cookies) == ["csrftoken"], url
            assert 'name="csrfmiddlewaretoken"' in response.content.decode(), url
        client.cookies.clear()
    assert len(urls) > 30
    reading = [url for url in urls if url not in with_cookies]
    for url in ("/fr/", "/en/", "/fr/annuaire/", "/en/programme/", "/fr/mentions-legales/"):
        assert url in reading
    assert "/fr/newsletter/" in reading  # the sign-up forms need no cookie
