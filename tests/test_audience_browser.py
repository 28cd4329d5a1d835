"""Real-browser check of the cookieless audience figures: one request per page view to the
configured server only, without cookies, query strings or private pages."""

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STATS = "http://stats.example.test"


@pytest.fixture
def matomo(settings):
    settings.PORTAL_AUDIENCE_TOOL = "matomo"
    settings.PORTAL_AUDIENCE_URL = f"{STATS}/"
    settings.PORTAL_AUDIENCE_SITE_ID = "7"
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**directives, "connect-src": [*directives["connect-src"], STATS]}
    }


def test_page_views_are_counted_without_cookies(browser, live_server, site_tree, matomo):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    hits = []

    def count(route, request):
        hits.append({"url": request.url, "cookie": request.headers.get("cookie")})
        route.fulfill(status=204)

    context.route(f"{STATS}/**", count)
    other = []
    page.on(
        "request",
        lambda r: other.append(r.url) if not r.url.startswith((live_server.url, STATS)) else None,
    )

    page.goto(f"{live_server.url}/fr/?utm_source=lettre&q=secret")
    page.wait_for_load_state("networkidle")
    page.goto(f"{live_server.url}/fr/newsletter/confirm/private-token/")  # noindex: not counted
    page.wait_for_load_state("networkidle")
    page.goto(f"{live_server.url}/en/")
    page.wait_for_load_state("networkidle")

    assert len(hits) == 2
    first = parse_qs(urlsplit(hits[0]["url"]).query)
    assert urlsplit(hits[0]["url"]).path == "/matomo.php"
    assert first["idsite"] == ["7"] and first["rec"] == ["1"]
    assert first["url"] == [f"{live_server.url}/fr/"]  # no query string
    assert "_id" not in first and "uid" not in first and "cid" not in first
    second = parse_qs(urlsplit(hits[1]["url"]).query)
    assert second["url"] == [f"{live_server.url}/en/"]
    assert "urlref" not in second or second["urlref"] == [""]  # same-site referrer kept back
    assert all(hit["cookie"] is None for hit in hits)
    assert other == []  # no other server was asked for anything
    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    context.close()
