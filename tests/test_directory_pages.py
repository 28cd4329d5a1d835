"""The directory as readers see it: listing, facets, pages in both languages, demo content."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.images import generated_image
from languages.translation import translate as translate_now
from tests import factories as f


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """translate(), with wagtail-localize's on-commit publishing run at once as in production."""

    def run(instance, locale, glossary):
        with django_capture_on_commit_callbacks(execute=True):
            translate_now(instance, locale, glossary)
        return instance.get_translation(locale)

    return run


@pytest.fixture
def directory(site_tree, translate):
    """A French directory (with its English translation) holding a few varied entries."""
    index = f.directory_index(site_tree["fr"])
    index_en = translate(
        index, site_tree["locales"]["en"], {"Annuaire": "Directory", "annuaire": "directory"}
    )
    democracy = f.theme("Démocratie participative", "democratie-participative")
    ecology = f.theme("Écologie urbaine", "ecologie-urbaine")
    cocity = f.organisation(
        index,
        "Les Co-citoyens",
        slug="les-co-citoyens",
        organisation_type="association",
        relation="resident",
        city="Paris",
        country="FR",
        latitude=48.8566,
        longitude=2.3522,
        themes=[democracy],
        contact_email="secret@co-citoyens.example",
        show_contact=False,
    )
    halles = f.organisation(
        index,
        "Les Halles Civiques",
        slug="les-halles-civiques",
        organisation_type="association",
        relation="member",
        city="Paris",
        country="FR",
        themes=[democracy, ecology],
        contact_email="bonjour@halles.example",
        contact_phone="+33 1 00 00 00 00",
        show_contact=True,
    )
    nesta = f.organisation(
        index,
        "Nesta",
        slug="nesta",
        organisation_type="other",
        relation="partner",
        city="Londres",
        country="GB",
    )
    civic_hall = f.place(
        index,
        "Civic Hall",
        slug="civic-hall",
        kind="civic-hall",
        city="New York",
        country="US",
        latitude=40.7392,
        longitude=-73.9903,
        step_free_access=True,
        themes=[democracy],
    )
    voisins = f.place(
        index,
        "Les Grands Voisins",
        slug="les-grands-voisins",
        kind="temporary-occupation",
        city="Paris",
        country="FR",
        easy_to_read=True,
        themes=[ecology],
    )
    halles.related_places.add(civic_hall)
    halles.save_revision().publish()
    return {
        "index": index,
        "index_en": index_en,
        "themes": {"democracy": democracy, "ecology": ecology},
        "cocity": cocity,
        "halles": halles,
        "nesta": nesta,
        "civic_hall": civic_hall,
        "voisins": voisins,
    }


def titles(response):
    return [entry.title for entry in response.context["entries"]]


def facet(response, name):
    for item in response.context["facets"]:
        if item["name"] == name:
            return {option["value"]: option["count"] for option in item["options"]}
    return {}


def test_index_lists_entries_by_name_with_labelled_filters(client, directory):
    response = client.get("/fr/annuaire/")
    assert response.status_code == 200
    assert titles(response) == [
        "Civic Hall",
        "Les Co-citoyens",
        "Les Grands Voisins",
        "Les Halles Civiques",
        "Nesta",
    ]
    html = response.content.decode()
    assert "<fieldset" in html and "<legend>" in html
    assert '<label for="id_q">' in html
    assert not re.search(r"<script(?![^>]*(src=|application/ld\+json))", html)
    assert ' style="' not in html


def test_facet_counts_are_computed_over_the_other_filters(client, directory):
    response = client.get("/fr/annuaire/", {"type": "association"})
    assert titles(response) == ["Les Co-citoyens", "Les Halles Civiques"]
    # Type counts ignore the type filter itself, so other choices stay visible.
    assert facet(response, "type") == {"association": 2, "other": 1}
    assert facet(response, "entry") == {"organisation": 2}
    assert facet(response, "theme") == {"democratie-participative": 2, "ecologie-urbaine": 1}

    combined = client.get(
        "/fr/annuaire/", {"type": "association", "theme": "ecologie-urbaine", "city": "paris"}
    )
    assert titles(combined) == ["Les Halles Civiques"]
    assert facet(combined, "city") == {"Paris": 1}
    # Links keep the other filters.
    html = combined.content.decode()
    assert "type=association" in html and "theme=ecologie-urbaine" in html


def test_place_facets_and_accessibility(client, directory):
    response = client.get("/fr/annuaire/", {"access": "step_free_access"})
    assert titles(response) == ["Civic Hall"]
    assert facet(response, "access") == {"step_free_access": 1, "easy_to_read": 1}
    response = client.get("/fr/annuaire/", {"entry": "place", "country": "FR"})
    assert titles(response) == ["Les Grands Voisins"]


def test_unknown_filter_values_are_ignored(client, directory):
    response = client.get(
        "/fr/annuaire/",
        {"type": "spaceship", "theme": "nope", "sort": "random", "entry": "x", "country": "ZZ"},
    )
    assert response.status_code == 200
    assert len(titles(response)) == 5


def test_empty_results_suggest_removing_filters(client, directory):
    response = client.get("/fr/annuaire/", {"type": "company", "city": "Paris"})
    assert response.status_code == 200
    assert titles(response) == []
    html = response.content.decode()
    assert 'href="?city=Paris"' in html  # removing the type filter
    assert 'href="?type=company"' in html  # removing the city filter


@pytest.mark.parametrize("page", ["abc", "0", "-1", "9999", "1.5", "%00"])
def test_bad_page_numbers_never_fail(client, directory, page):
    response = client.get("/fr/annuaire/", {"page": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1


def test_pagination_twenty_per_page_and_keeps_filters(client, site_tree):
    index = f.directory_index(site_tree["fr"])
    for n in range(25):
        f.organisation(index, f"Organisation {n:02d}", city="Lyon")
    response = client.get("/fr/annuaire/", {"city": "Lyon"})
    assert len(titles(response)) == 20
    assert 'href="?city=Lyon&amp;page=2"' in response.content.decode()
    last = client.get("/fr/annuaire/", {"city": "Lyon", "page": "9999"})
    assert titles(last) == [
        "Organisation 20",
        "Organisation 21",
        "Organisation 22",
        "Organisation 23",
        "Organisation 24",
    ]


def test_english_directory_shows_only_english_entries(client, directory, site_tree, translate):
    index_en = directory["index_en"]
    theme_en = translate(
        directory["themes"]["democracy"],
        site_tree["locales"]["en"],
        {
            "Démocratie participative": "Participatory democracy",
            "democratie-participative": "participatory-democracy",
        },
    )
    f.organisation(index_en, "Open Councils", themes=[directory["themes"]["democracy"]])
    response = client.get("/en/directory/")
    assert response.status_code == 200
    assert titles(response) == ["Open Councils"]
    # Themes point at the French theme; the English reader sees and filters by its translation.
    assert facet(response, "theme") == {theme_en.slug: 1}
    filtered = client.get("/en/directory/", {"theme": "participatory-democracy"})
    assert titles(filtered) == ["Open Councils"]
    assert b"Participatory democracy" in filtered.content


def test_translated_entry_page_renders_in_english(client, directory, site_tree, translate):
    halles = directory["halles"]
    english = translate(
        halles,
        site_tree["locales"]["en"],
        {
            "Les Halles Civiques": "Les Halles Civiques",
            "les-halles-civiques": "les-halles-civiques",
            "Summary of Les Halles Civiques": "A network of civic third places",
            "Paris": "Paris",
        },
    )
    assert english.url == "/en/directory/les-halles-civiques/"
    assert english.latitude == halles.latitude and english.show_contact
    response = client.get(english.url)
    assert response.status_code == 200
    assert b"A network of civic third places" in response.content
    assert b'<html lang="en">' in response.content


def _json_ld(response):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(match.group(1))


def test_organisation_page_json_ld_contact_and_related_places(client, directory):
    response = client.get("/fr/annuaire/les-halles-civiques/")
    assert response.status_code == 200
    data = _json_ld(response)
    assert data["@type"] == "Organization"
    assert data["name"] == "Les Halles Civiques"
    assert data["email"] == "bonjour@halles.example"
    html = response.content.decode()
    assert "bonjour@halles.example" in html
    assert 'href="/fr/annuaire/civic-hall/"' in html
    assert '<meta property="og:type" content="profile">' in html


def test_contact_is_hidden_unless_opted_in(client, directory):
    response = client.get("/fr/annuaire/les-co-citoyens/")
    assert response.status_code == 200
    assert b"secret@co-citoyens.example" not in response.content
    assert "email" not in _json_ld(response)


def test_place_page_json_ld_and_reverse_relation(client, directory):
    response = client.get("/fr/annuaire/civic-hall/")
    data = _json_ld(response)
    assert data["@type"] == "Place"
    assert data["geo"]["longitude"] == -73.9903
    assert data["amenityFeature"][0]["value"] is True
    assert 'href="/fr/annuaire/les-halles-civiques/"' in response.content.decode()


def test_json_ld_cannot_close_the_script_element(client, site_tree):
    index = f.directory_index(site_tree["fr"])
    page = f.organisation(index, "Evil </script><script>alert(1)</script> & co")
    response = client.get(page.url)
    html = response.content.decode()
    assert "</script><script>alert(1)" not in html
    assert _json_ld(response)["name"] == "Evil </script><script>alert(1)</script> & co"


def test_unpublished_entries_are_not_listed(client, directory):
    directory["nesta"].unpublish()
    response = client.get("/fr/annuaire/")
    assert "Nesta" not in titles(response)


def _fill(index, count):
    theme = f.theme(f"Thème {count}", f"theme-{count}")
    logo = generated_image(f"logo {count}", ["#000000", "#ffffff"], size=(40, 40))
    for n in range(count):
        if n % 2:
            f.organisation(
                index,
                f"Entrée {n:02d} ({count})",
                logo=logo,
                themes=[theme],
                keywords=["civic", f"k{n}"],
                city=f"City {n % 5}",
                country="FR",
            )
        else:
            f.place(
                index,
                f"Entrée {n:02d} ({count})",
                image=logo,
                themes=[theme],
                keywords=["lab"],
                city=f"City {n % 5}",
                country="US",
            )


def _count_queries(client, url):
    client.get(url)  # the first request creates renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_entries(client, site_tree):
    small = f.directory_index(site_tree["fr"], slug="petit", title="Petit")
    large = f.directory_index(site_tree["fr"], slug="grand", title="Grand")
    _fill(small, 10)
    _fill(large, 50)
    assert _count_queries(client, "/fr/petit/") == _count_queries(client, "/fr/grand/")
    assert _count_queries(client, "/fr/petit/?q=entree&theme=theme-10") == _count_queries(
        client, "/fr/grand/?q=entree&theme=theme-50"
    )


@pytest.fixture
def facet_catalogue():
    """French translations of each facet's "All" as a translator would give them."""
    from django.utils.translation import trans_real

    catalogue = trans_real.translation("fr")._catalog
    entries = {
        "directory facet: every type of organisation\x04All": "Tous",
        "directory facet: every city\x04All": "Toutes",
        "directory facet: every relation to the network\x04All": "Toutes",
        "directory facet: no accessibility requirement\x04Any": "Indifférent",
    }
    saved = {key: catalogue.get(key) for key in entries}
    for key, value in entries.items():
        catalogue[key] = value
    yield entries
    for key, value in saved.items():
        if value is None:
            for layer in catalogue._catalogs:
                layer.pop(key, None)
        else:
            catalogue[key] = value


def _all_labels(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        label["for"].removeprefix("facet-").removesuffix("-all"): label.get_text(strip=True)
        for label in soup.select('label[for^="facet-"][for$="-all"]')
    }


def test_each_facet_says_all_in_agreement_with_its_noun(client, directory, facet_catalogue):
    labels = _all_labels(client.get("/fr/annuaire/"))
    # Each facet carries its own translation context, so French can agree in gender.
    assert labels["type"] == "Tous"
    assert labels["relation"] == "Toutes"
    assert labels["city"] == "Toutes"
    assert labels["access"] == "Indifférent"
    english = _all_labels(client.get("/en/directory/"))
    assert set(english.values()) <= {"All", "Any"}
    assert english.get("access", "Any") == "Any"


def test_an_entry_links_back_to_its_directory_without_reading_it(directory):
    from directory.models import OrganisationPage

    entry = OrganisationPage.objects.get(slug="les-co-citoyens")

    with CaptureQueriesContext(connection) as queries:
        url = entry.directory_url()

    assert url == entry.get_parent().get_url() == "/fr/annuaire/"
    assert not [q for q in queries if "wagtailcore_page" in q["sql"]]
