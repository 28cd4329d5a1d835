"""Language prefixes, the browser-preference redirect, the switcher and hreflang."""

import pytest
from bs4 import BeautifulSoup

from home.models import ContentPage


@pytest.mark.parametrize(("accept", "target"), [("fr-FR,fr;q=0.9", "/fr/"), ("en-GB,en", "/en/")])
def test_root_redirects_by_browser_preference(client, site_tree, accept, target):
    response = client.get("/", headers={"accept-language": accept})

    assert response.status_code == 302
    assert response["Location"] == target


def test_root_defaults_to_french(client, site_tree):
    response = client.get("/", headers={"accept-language": "de-DE"})

    assert response["Location"] == "/fr/"


def _switcher(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {a["hreflang"]: a for a in soup.select("nav.lang-switcher a")}


def test_switcher_leads_to_translated_page(client, site_tree, translate):
    page = ContentPage(title="Nous rendre visite", slug="venir")
    site_tree["fr"].add_child(instance=page)
    page.save_revision().publish()
    translate(page, site_tree["locales"]["en"], {"Nous rendre visite": "Visit", "venir": "visit"})

    links = _switcher(client.get("/fr/venir/"))

    assert links["en"]["href"] == "/en/visit/"
    assert "lang-switcher__note" not in str(links["en"])


def test_switcher_falls_back_to_nearest_translated_ancestor_and_says_so(client, site_tree):
    page = ContentPage(title="Seulement en français", slug="seulement")
    site_tree["fr"].add_child(instance=page)
    page.save_revision().publish()

    links = _switcher(client.get("/fr/seulement/"))

    assert links["en"]["href"] == "/en/"
    assert "page not translated" in links["en"].get_text()


def test_hreflang_alternates_with_x_default(client, site_tree):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")

    alternates = {
        link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')
    }
    assert alternates == {
        "fr": "http://testserver/fr/",
        "en": "http://testserver/en/",
        "x-default": "http://testserver/fr/",
    }


@pytest.mark.parametrize(
    ("url", "lang", "text"),
    [("/fr/introuvable/", "fr", "Page introuvable"), ("/en/missing/", "en", "Page not found")],
)
def test_unknown_page_is_a_404_in_the_right_language(client, site_tree, url, lang, text):
    response = client.get(url)

    assert response.status_code == 404
    assert f'<html lang="{lang}">' in response.text
    assert text in response.text


def test_unknown_language_prefix_never_500s(client, site_tree):
    response = client.get("/xx/", follow=True)

    assert response.status_code == 404


@pytest.mark.parametrize("query", ["?page=%ff%fe", "?q=%00", "?a=1&a=2&a=%E2%80%AE", "?%zz=1"])
def test_malformed_query_strings_do_not_break_pages(client, site_tree, query):
    assert client.get("/fr/" + query).status_code == 200
