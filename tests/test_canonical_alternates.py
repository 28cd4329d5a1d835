"""Canonical and hreflang alternate links agree on every page (issue 18, point 8).

Read with BeautifulSoup, not the portal's code: on every page kind, in both languages, plain,
paged and filtered, the canonical URL is on the configured origin, it is the alternate of the
page's own language, and the page lists the same set of alternates as the page its alternates
name (reciprocity). Paged views keep their page number; filtered views name their unfiltered
listing (the rule is in languages/head.py).
"""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from wagtail.models import Site

from languages.origin import site_address
from tests.page_kinds_support import KINDS, LANGUAGES, PortalSite

ORIGIN = "https://halles.example"

# Views of a listing: the query, and the query its canonical keeps.
VIEWS = [
    ("directory", "?type=association", ""),
    ("directory", "?type=association&page=2", ""),
    ("directory", "?page=2", "?page=2"),
    ("programme", "?when=week", ""),
    ("programme", "?page=2", "?page=2"),
    ("programme", "?page=1", ""),
    ("news index", "?page=2", "?page=2"),
    ("news index", "?page=2&utm_source=letter", ""),
    ("search", "?q=halles", ""),
    ("search", "?q=halles&page=2", ""),
]


@pytest.fixture
def site(settings, site_tree):
    settings.PORTAL_BASE_URL = ORIGIN + "/"
    settings.ALLOWED_HOSTS = ["testserver", "halles.example"]
    record = Site.objects.get(is_default_site=True)
    record.hostname, record.port = site_address()
    record.save()
    cache.clear()
    return PortalSite(site_tree)


def head_links(client, url):
    # The request comes by another host than the configured origin, as behind a proxy.
    response = client.get(url, HTTP_HOST="testserver")
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    (canonical,) = soup.select('head link[rel="canonical"]')
    links = soup.select('head link[rel="alternate"][hreflang]')
    alternates = {link["hreflang"]: link["href"] for link in links}
    language = soup.html["lang"]
    return canonical["href"], alternates, language


def assert_agree(client, url, expected_query):
    canonical, alternates, language = head_links(client, url)
    assert urlsplit(canonical).scheme + "://" + urlsplit(canonical).netloc == ORIGIN, canonical
    assert alternates.get(language) == canonical, (url, canonical, alternates)
    assert set(alternates) == {*LANGUAGES, "x-default"}, alternates
    assert alternates["x-default"] == alternates["fr"]
    for code, href in alternates.items():
        assert href.startswith(ORIGIN + "/"), href
        assert urlsplit(href).query == expected_query.lstrip("?"), (url, href)
        if code != "x-default":  # each version names the same set, itself included
            path = urlsplit(href).path + (f"?{urlsplit(href).query}" if expected_query else "")
            other_canonical, other_alternates, other_language = head_links(client, path)
            assert other_language == code and other_canonical == href
            assert other_alternates == alternates, (url, path)
    return canonical


@pytest.mark.django_db
def test_every_page_kind_agrees_in_both_languages(client, site):
    for language in LANGUAGES:
        for kind in KINDS:
            url = site.url(kind, language)
            canonical = assert_agree(client, url, "")
            assert canonical == ORIGIN + url, kind


@pytest.mark.django_db
def test_paged_views_keep_their_page_and_filtered_views_name_their_listing(client, site):
    for language in LANGUAGES:
        for kind, query, kept in VIEWS:
            url = site.url(kind, language)
            canonical = assert_agree(client, url + query, kept)
            assert canonical == ORIGIN + url + kept, (kind, query)


@pytest.mark.django_db
def test_private_pages_name_neither_canonical_nor_alternates(client, site):
    response = client.get("/fr/submission/not-a-token/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert not soup.select('link[rel="canonical"], link[rel="alternate"][hreflang]')
