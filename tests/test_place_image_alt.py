"""An inspiring place's images are described in the page's language: the page's own
alternative text (translated with the page by wagtail-localize), else the image's description."""

import pytest
from bs4 import BeautifulSoup

from demo.images import generated_image
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo():
    image = generated_image("Halle de test", ["#a63a1a", "#1f5f3f"], size=(640, 320))
    image.description = "La halle sous sa verrière."
    image.save()
    return image


@pytest.fixture
def index(site_tree, translate):
    index = f.directory_index(site_tree["fr"])
    translate(index, site_tree["locales"]["en"], {"Annuaire": "Directory", "annuaire": "directory"})
    return index


def _alts(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        img["alt"]
        for img in soup.select(".directory-entry__image img, .directory-gallery__item img")
    ]


def _place(index, photo, **fields):
    return f.place(
        index,
        "La Halle",
        slug="la-halle",
        summary="Une halle.",
        image=photo,
        gallery=[
            {
                "type": "image",
                "value": {"image": photo.pk, "alt_text": "Les tables du marché", "caption": ""},
            }
        ],
        **fields,
    )


GLOSSARY = {
    "La Halle": "The Hall",
    "la-halle": "the-hall",
    "Une halle.": "A hall.",
    "Les tables du marché": "The market tables",
}


def test_each_language_describes_the_images_in_its_own_words(
    client, index, photo, translate, site_tree
):
    place = _place(index, photo, image_alt="La halle vue du parvis")
    translate(
        place,
        site_tree["locales"]["en"],
        {**GLOSSARY, "La halle vue du parvis": "The hall seen from the square"},
    )
    assert _alts(client, "/fr/annuaire/la-halle/") == [
        "La halle vue du parvis",
        "Les tables du marché",
    ]
    assert _alts(client, "/en/directory/the-hall/") == [
        "The hall seen from the square",
        "The market tables",
    ]


def test_without_words_of_its_own_the_page_uses_the_image_description(
    client, index, photo, translate, site_tree
):
    place = f.place(
        index,
        "La Halle",
        slug="la-halle",
        summary="Une halle.",
        image=photo,
        gallery=[{"type": "image", "value": {"image": photo.pk, "caption": ""}}],
    )
    translate(place, site_tree["locales"]["en"], GLOSSARY)
    for url in ("/fr/annuaire/la-halle/", "/en/directory/the-hall/"):
        assert _alts(client, url) == ["La halle sous sa verrière."] * 2
