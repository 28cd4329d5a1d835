"""The directory's filters as a reader meets them without JavaScript: a folded panel of
checkboxes with counts after the search box, one button to apply them, the filters in use as
links that remove one value each, a link that clears them all, and result cards that say in
words what a place offers for accessibility."""

from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup

from languages.translation import translate
from tests import factories as f


@pytest.fixture
def index(site_tree):
    index = f.directory_index(site_tree["fr"])
    ecology = f.theme("Écologie urbaine", "ecologie-urbaine")
    f.organisation(
        index, "Les Co-citoyens", organisation_type="association", relation="resident",
        city="Paris", country="FR", themes=[ecology],
    )  # fmt: skip
    f.organisation(
        index, "Nesta", organisation_type="other", relation="partner", city="Londres",
        country="GB",
    )  # fmt: skip
    f.organisation(
        index, "Collectif Belleville", organisation_type="collective", relation="member",
        city="Paris", country="FR",
    )  # fmt: skip
    f.place(
        index, "Civic Hall", kind="civic-hall", city="New York", country="US",
        step_free_access=True, easy_to_read=True,
    )  # fmt: skip
    return index


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _titles(soup):
    return [link.get_text(strip=True) for link in soup.select(".directory-card .card__title a")]


def test_filters_are_folded_after_the_search_box_with_one_apply_button(client, index):
    soup = _soup(client.get("/fr/annuaire/"))
    form = soup.select_one("form[data-directory-form]")
    panel = form.select_one("details[data-directory-panel]")
    # Folded: on a phone the results follow a one-line summary, not nine groups of boxes.
    assert panel is not None and not panel.has_attr("open")
    assert panel.summary.get_text(strip=True) == "Filtres et tri"
    children = [child for child in form.children if getattr(child, "name", None)]
    assert children[0].select_one('input[name="q"]') and children[1] is panel
    # Every facet is a fieldset with a legend, inside the panel; one button applies them.
    assert len(panel.select("fieldset > legend")) >= 5
    assert not form.select("fieldset:not(details fieldset)")
    applies = panel.select('button[type="submit"]')
    assert [button.get_text(strip=True) for button in applies] == ["Appliquer les filtres"]
    # The count is announced outside the part the script replaces.
    status = soup.select_one("[data-directory-status]")
    assert status["role"] == "status" and not status.find_parent(class_="directory__layout")


def test_each_value_is_a_labelled_checkbox_whose_count_is_spoken_as_entries(client, index):
    soup = _soup(client.get("/fr/annuaire/"))
    box = soup.select_one('input[type="checkbox"][name="type"][value="association"]')
    assert box["id"] == "facet-type-association"  # stable when other options come and go
    label = soup.select_one(f'label[for="{box["id"]}"]')
    assert label.select_one(".directory-facet__count[aria-hidden=true]").get_text() == "1"
    assert label.select_one(".visually-hidden").get_text(strip=True) == ", 1 fiche"
    ids = [element["id"] for element in soup.select("[id]")]
    assert len(ids) == len(set(ids))


def test_several_values_of_a_facet_are_checked_and_combined(client, index):
    soup = _soup(client.get("/fr/annuaire/?type=association&type=collective"))
    assert sorted(_titles(soup)) == ["Collectif Belleville", "Les Co-citoyens"]
    checked = {box["value"] for box in soup.select('input[name="type"][checked]')}
    assert checked == {"association", "collective"}
    # The other values of the facet keep counting what choosing them would add.
    other = soup.select_one('label[for="facet-type-other"] .directory-facet__count')
    assert other.get_text() == "1"
    summary = soup.select_one(".directory-panel__summary")
    assert summary.select_one(".directory-panel__count").get_text(strip=True) == "2 actifs"


def test_each_chip_removes_one_value_and_clear_all_keeps_the_view(client, index):
    url = "/fr/annuaire/?type=association&type=collective&city=Paris&view=map&q=citoyens"
    soup = _soup(client.get(url))
    chips = soup.select(".directory-active__link")
    assert len(chips) == 4  # the words, two types, the city
    removing_collective = next(chip for chip in chips if "Collectif" in chip.get_text())
    assert removing_collective.select_one(".visually-hidden").get_text(strip=True)
    params = parse_qs(urlparse(removing_collective["href"]).query)
    assert params["type"] == ["association"]
    assert params["city"] == ["Paris"] and params["view"] == ["map"] and params["q"]

    after = _soup(client.get("/fr/annuaire/" + removing_collective["href"]))
    assert len(after.select(".directory-active__link")) == 3

    clear = soup.select_one(".directory-active__clear")
    assert clear.get_text(strip=True) == "Effacer tous les filtres"
    assert parse_qs(urlparse(clear["href"]).query) == {"view": ["map"]}
    cleared = _soup(client.get("/fr/annuaire/" + clear["href"]))
    assert not cleared.select(".directory-active__link")
    assert len(_titles(cleared)) == 4


def test_no_chips_nor_clear_all_without_filters(client, index):
    soup = _soup(client.get("/fr/annuaire/"))
    assert not soup.select(".directory-active__link, .directory-active__clear")
    assert soup.select_one(".directory-panel__count") is None


def test_place_cards_state_accessibility_facts_in_words(client, index):
    soup = _soup(client.get("/fr/annuaire/?entry=place"))
    facts = soup.select_one(".directory-card .directory-card__access")
    text = " ".join(facts.get_text().split())
    assert text.startswith("Accessibilité :")
    assert "Accès de plain-pied" in text and "FALC" in text
    organisations = _soup(client.get("/fr/annuaire/?entry=organisation"))
    assert not organisations.select(".directory-card__access")


def test_english_directory_has_the_same_panel_in_english(
    client, index, site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate(
            index, site_tree["locales"]["en"], {"Annuaire": "Directory", "annuaire": "directory"}
        )
    soup = _soup(client.get("/en/directory/"))
    assert soup.select_one(".directory-panel__summary").get_text(strip=True) == (
        "Filters and sorting"
    )
    assert soup.select_one("[data-directory-apply]").get_text(strip=True) == "Apply the filters"
