"""Public images come at several widths (issue 19): cards and the hero carry a srcset with at
least two widths, a `sizes`, and width and height so the page does not shift as they load."""

import re

import pytest
from bs4 import BeautifulSoup

from demo.images import illustration
from tests import factories as f


def _widths(img):
    """The widths a srcset offers, e.g. [320, 640]."""
    return [int(w) for w in re.findall(r"\s(\d+)w(?:,|$)", img["srcset"])]


def _assert_responsive(img, loading):
    assert len(set(_widths(img))) >= 2, img
    assert img["sizes"], img
    assert int(img["width"]) > 0 and int(img["height"]) > 0, img
    # The src is one of the srcset's renditions, so old browsers get a real picture too.
    assert img["src"] in img["srcset"]
    assert img.get("loading", "eager") == loading, img


@pytest.fixture
def picture(db):
    return illustration("La grande halle", "market-hall")


def test_article_cards_and_lead_image_have_srcset(client, news, picture):
    f.article(news["fr"], "La halle ouvre", slug="la-halle-ouvre", lead_image=picture)

    index = BeautifulSoup(client.get("/fr/actualites/").content, "html.parser")
    card_image = index.select_one(".card--article .card__image")
    _assert_responsive(card_image, loading="lazy")
    assert card_image["alt"] == ""  # the card's title says it all: the image is decorative
    article = BeautifulSoup(client.get("/fr/actualites/la-halle-ouvre/").content, "html.parser")
    # The lead image is at the top of the page: it loads at once.
    _assert_responsive(article.select_one(".article__image img"), loading="eager")


def test_hero_image_has_srcset_and_loads_first(client, site_tree, picture):
    home = site_tree["fr"]
    home.body = [
        {
            "type": "hero",
            "value": {"heading": "Bienvenue", "text": "", "image": picture.pk, "links": []},
        }
    ]
    home.save_revision().publish()

    page = BeautifulSoup(client.get("/fr/").content, "html.parser")
    hero = page.select_one(".hero__image")
    _assert_responsive(hero, loading="eager")
    assert hero["alt"] == "" and hero["sizes"] == "100vw"
    assert max(_widths(hero)) == 1600


def test_directory_cards_and_place_image_have_srcset(client, site_tree, picture):
    index = f.directory_index(site_tree["fr"])
    place = f.place(index, "Civic Hall", slug="civic-hall", image=picture)
    halles = f.organisation(index, "Les Halles Civiques", slug="les-halles-civiques")
    halles.related_places.add(place)
    halles.save_revision().publish()

    organisation = BeautifulSoup(
        client.get("/fr/annuaire/les-halles-civiques/").content, "html.parser"
    )
    card_image = organisation.select_one(".directory-card .card__image")
    _assert_responsive(card_image, loading="lazy")
    # On phones the card shows a 3.5rem thumbnail: the browser picks the smallest width.
    assert card_image["sizes"].startswith("(max-width: 39.99rem) 3.5rem")
    page = BeautifulSoup(client.get("/fr/annuaire/civic-hall/").content, "html.parser")
    main_image = page.select_one(".directory-entry__image img")
    _assert_responsive(main_image, loading="eager")
    # An informative picture: its alternative text is the image's description.
    assert main_image["alt"] == picture.description
