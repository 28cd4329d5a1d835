"""Home and content pages render from real page objects, in both languages."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model

from home.models import ContentPage


def _image():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#a63a1a").save(buffer, format="PNG")
    return get_image_model().objects.create(
        title="Belvédère", file=ImageFile(buffer, name="belvedere.png"), width=40, height=30
    )


@pytest.fixture
def content_page(site_tree):
    page = ContentPage(
        title="À propos",
        slug="a-propos",
        introduction="Un réseau de tiers-lieux civiques.",
        body=[{"type": "rich_text", "value": "<p>Le pavillon du parc de Belleville.</p>"}],
    )
    site_tree["fr"].add_child(instance=page)
    page.save_revision().publish()
    return page


def test_home_page_renders_each_block_type(client, site_tree, content_page):
    home = site_tree["fr"]
    home.body = [
        {
            "type": "hero",
            "value": {
                "heading": "Le laboratoire de la démocratie",
                "text": "Sous le belvédère",
                "image": _image().pk,
                "links": [{"label": "En savoir plus", "page": content_page.pk, "url": ""}],
            },
        },
        {"type": "rich_text", "value": "<p>Six cent cinquante mètres carrés.</p>"},
        {
            "type": "call_to_action",
            "value": {
                "heading": "Louer une salle",
                "text": "",
                "link": {"label": "Écrire", "page": None, "url": "https://example.org/salles"},
            },
        },
        {"type": "image", "value": {"image": _image().pk, "alt_text": "Le parc", "caption": "Vue"}},
        {"type": "featured_pages", "value": {"heading": "À lire", "pages": [content_page.pk]}},
        {"type": "featured_entries", "value": {"heading": "Membres", "entries": [content_page.pk]}},
        {"type": "upcoming_events", "value": {"heading": "Bientôt", "count": 3}},
    ]
    home.save_revision().publish()

    response = client.get("/fr/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".hero__heading").get_text() == "Le laboratoire de la démocratie"
    assert soup.select_one(".hero a.button")["href"] == "/fr/a-propos/"
    assert "Six cent cinquante mètres carrés." in soup.select_one(".block-text").get_text()
    assert soup.select_one(".cta a")["href"] == "https://example.org/salles"
    assert soup.select_one("figure img")["alt"] == "Le parc"
    assert soup.select_one("figure figcaption").get_text() == "Vue"
    titles = [a.get_text() for a in soup.select(".card__title a")]
    assert titles.count("À propos") == 2  # featured pages and featured entries


def test_unpublished_featured_page_is_not_shown(client, site_tree, content_page):
    home = site_tree["fr"]
    home.body = [
        {"type": "featured_pages", "value": {"heading": "À lire", "pages": [content_page.pk]}}
    ]
    home.save_revision().publish()
    content_page.unpublish()

    response = client.get("/fr/")

    assert "À propos" not in response.text


def test_content_page_in_both_languages(client, site_tree, content_page, translate):
    translate(
        content_page,
        site_tree["locales"]["en"],
        {
            "À propos": "About us",
            "a-propos": "about",
            "Un réseau de tiers-lieux civiques.": "A network of civic third places.",
            "Le pavillon du parc de Belleville.": "The Parc de Belleville pavilion.",
        },
    )

    fr = client.get("/fr/a-propos/")
    en = client.get("/en/about/")

    assert fr.status_code == en.status_code == 200
    assert '<html lang="fr">' in fr.text and '<html lang="en">' in en.text
    en_soup = BeautifulSoup(en.content, "html.parser")
    assert en_soup.h1.get_text() == "About us"
    assert "The Parc de Belleville pavilion." in en_soup.select_one(".prose").get_text()
    assert en_soup.select_one('link[rel="canonical"]')["href"] == "http://testserver/en/about/"
    assert en_soup.select_one('meta[property="og:title"]')["content"] == "About us"
    assert en_soup.select_one('meta[property="og:locale"]')["content"] == "en_GB"


def test_page_has_landmarks_and_skip_link(client, site_tree):
    soup = BeautifulSoup(client.get("/fr/").content, "html.parser")

    skip = soup.select_one("a.skip-link")
    assert skip is not None and skip["href"] == "#main"
    assert soup.find("main", id="main") is not None
    assert soup.find("header") is not None and soup.find("footer") is not None
    assert soup.select_one("nav.lang-switcher")["aria-label"]
