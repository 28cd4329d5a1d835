"""What readers' searches find, and in which order: the same on SQLite and PostgreSQL.

The suite runs on the database `DATABASE_URL` names (SQLite by default; CI runs it on
PostgreSQL too), so each test here is a parity test: one corpus, one expected answer, two
engines (FTS5 and tsvector). Nothing is mocked. Forgiveness (prefixes, typos, compounds,
"did you mean") is decided in Python from the index's own words (search.vocabulary), which is
why both engines give the same top results.
"""

import pytest
from wagtail.models import Page, PageViewRestriction

from search.models import IndexedPage
from search.query import Search, autocomplete
from tests import factories as f


@pytest.fixture
def corpus(site_tree, translate):
    fr_index = f.directory_index(site_tree["fr"])
    f.organisation(
        fr_index,
        "Démocratie ouverte",
        slug="democratie-ouverte",
        summary="Un collectif pour des institutions plus ouvertes.",
        city="Paris",
    )
    f.organisation(
        fr_index,
        "Les Co-citoyens",
        slug="co-citoyens",
        summary="Financement participatif civique.",
        description="<p>Nous travaillons pour la démocratie locale avec les citoyennes.</p>",
        city="Paris",
        organisation_type="collective",
    )
    f.place(
        fr_index,
        "Medialab Prado",
        slug="medialab-prado",
        summary="Un laboratoire citoyen à Madrid.",
        city="Madrid",
    )
    f.organisation(fr_index, "Brouillon démocratie", slug="brouillon", publish=False)
    private = f.organisation(fr_index, "Démocratie privée", slug="privee")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    en_index = translate(
        fr_index, site_tree["locales"]["en"], {"Annuaire": "Directory", "annuaire": "directory"}
    )
    en_index.get_children().delete()  # translations of the French entries are not wanted
    f.organisation(
        en_index,
        "Open democracy lab",
        slug="open-democracy-lab",
        summary="Citizens running democratic experiments.",
    )
    f.place(
        en_index,
        "Civic Hall",
        slug="civic-hall",
        summary="A hall where technologists meet.",
        city="New York",
    )
    return {"fr": fr_index, "en": en_index}


def found(index, query, language=None):
    """Titles of what a reader of the index's language finds under it, best first."""
    search = Search(index.locale, query, under=index)
    ids = list(search.ordered()[:50])
    titles = dict(IndexedPage.objects.filter(page_id__in=ids).values_list("page_id", "title"))
    return [titles[pk] for pk in ids]


def everywhere(locale, query):
    search = Search(locale, query)
    ids = list(search.ordered()[:50])
    titles = dict(IndexedPage.objects.filter(page_id__in=ids).values_list("page_id", "title"))
    return [titles[pk] for pk in ids]


# --- Words -------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["democratie", "DÉMOCRATIE", "Démocratie", "démocratie"])
def test_accents_and_case_do_not_matter(corpus, query):
    assert set(found(corpus["fr"], query)) == {
        "Démocratie ouverte",
        "Les Co-citoyens",
    }


def test_french_word_forms_match(corpus):
    # "citoyenne", "citoyens", "citoyen" share one stem.
    assert set(found(corpus["fr"], "citoyenne")) == {
        "Les Co-citoyens",
        "Medialab Prado",
    }
    assert found(corpus["fr"], "laboratoires") == ["Medialab Prado"]
    assert found(corpus["fr"], "d'institution") == ["Démocratie ouverte"]


def test_english_word_forms_match(corpus):
    assert found(corpus["en"], "citizen") == ["Open democracy lab"]
    assert found(corpus["en"], "technologist experiment") == []
    assert found(corpus["en"], "technologist") == ["Civic Hall"]
    assert found(corpus["en"], "halls") == ["Civic Hall"]


def test_every_word_must_match(corpus):
    assert found(corpus["fr"], "démocratie madrid") == []
    assert found(corpus["fr"], "démocratie paris collectif") == ["Démocratie ouverte"]


def test_name_match_ranks_above_description_match(corpus):
    assert found(corpus["fr"], "démocratie")[0] == "Démocratie ouverte"
    assert found(corpus["fr"], "citoyen")[0] == "Les Co-citoyens"


def test_only_the_readers_language(corpus):
    assert found(corpus["fr"], "democracy") == []
    assert everywhere(corpus["en"].locale, "democracy") == ["Open democracy lab"]


def test_unpublished_and_private_pages_are_never_found(corpus):
    titles = everywhere(corpus["fr"].locale, "démocratie")
    assert "Brouillon démocratie" not in titles
    assert "Démocratie privée" not in titles


def test_operators_and_symbols_are_plain_words(corpus):
    queries = ['"démocratie', "democ*", "NOT démocratie", "title:prado", "(((", "🙂", "NEAR(a b)"]
    for query in [*queries, "a AND b", "-prado", "^prado", "\ud800", "'; DROP TABLE x; --"]:
        Search(corpus["fr"].locale, query, under=corpus["fr"]).ordered()[:20]  # no error
    assert found(corpus["fr"], "prado!") == ["Medialab Prado"]
    # NOT is a word like any other (one that no entry has), not a negation.
    assert found(corpus["fr"], "NOT démocratie") == []


# --- Forgiveness -------------------------------------------------------------------------------


def test_a_typo_in_a_word_of_five_letters_or_more_still_finds_it(corpus):
    search = Search(corpus["fr"].locale, "medialob", under=corpus["fr"])
    assert search.fuzzy  # the page says these results are close, not exact
    assert found(corpus["fr"], "medialob") == ["Medialab Prado"]
    assert found(corpus["fr"], "laboratoir citoyan") == ["Medialab Prado"]
    assert found(corpus["fr"], "prado") == ["Medialab Prado"]
    assert not Search(corpus["fr"].locale, "prado", under=corpus["fr"]).fuzzy
    # Four letters are too short for a typo: "prdo" finds nothing (but is suggested below).
    assert found(corpus["fr"], "prdo") == []


def test_two_typos_from_nine_letters(corpus):
    assert set(found(corpus["fr"], "demcoratie")) == {"Démocratie ouverte", "Les Co-citoyens"}
    assert found(corpus["fr"], "madrud") == ["Medialab Prado"]  # one typo, six letters
    assert found(corpus["fr"], "mdarid") == []  # two typos in six letters is too many


def test_a_prefix_of_four_letters_finds_the_whole_word_ranked_below_exact_words(corpus, site_tree):
    assert found(corpus["fr"], "partici") == ["Les Co-citoyens"]  # "participatif"
    assert found(corpus["fr"], "medi") == ["Medialab Prado"]
    assert found(corpus["fr"], "lab") == []  # three letters are not a prefix search
    f.organisation(corpus["fr"], "Carto", slug="carto", summary="Des cartes.")
    f.organisation(corpus["fr"], "Cartographie libre", slug="cartographie", summary="Cartes.")
    assert found(corpus["fr"], "carto") == ["Carto", "Cartographie libre"]


def test_compounds_match_in_the_singular_and_the_plural(corpus):
    f.organisation(corpus["fr"], "Réseau des tiers-lieux", slug="reseau", summary="Un réseau.")
    f.organisation(corpus["fr"], "Un tiers-lieu rural", slug="rural", summary="À la campagne.")
    assert set(found(corpus["fr"], "tiers-lieu")) == {
        "Réseau des tiers-lieux",
        "Un tiers-lieu rural",
    }
    assert set(found(corpus["fr"], "tiers lieux")) == {
        "Réseau des tiers-lieux",
        "Un tiers-lieu rural",
    }


def test_the_exact_name_comes_first_then_name_summary_body(corpus):
    f.organisation(
        corpus["fr"],
        "Atelier",
        slug="atelier-court",
        summary="Un lieu.",
        description="<p>Rien d'autre.</p>",
    )
    f.organisation(corpus["fr"], "Grand atelier", slug="grand", summary="Un lieu.")
    f.organisation(corpus["fr"], "Forum", slug="forum", summary="Un atelier par mois.")
    f.organisation(
        corpus["fr"], "Maison", slug="maison", summary="Un lieu.", description="<p>Atelier.</p>"
    )
    assert found(corpus["fr"], "atelier") == ["Atelier", "Grand atelier", "Forum", "Maison"]
    assert found(corpus["fr"], "grand atelier")[0] == "Grand atelier"


def test_did_you_mean_when_nothing_matches(corpus):
    search = Search(corpus["fr"].locale, "medialab prdo", under=corpus["fr"])
    assert search.count() == 0
    assert search.suggestion() == "medialab prado"
    assert found(corpus["fr"], search.suggestion()) == ["Medialab Prado"]
    assert Search(corpus["fr"].locale, "zzzzqqq", under=corpus["fr"]).suggestion() is None


# --- Autocomplete ------------------------------------------------------------------------------


def test_autocomplete_completes_names_across_accents(corpus):
    def titles(query, language="fr"):
        index = corpus[language]
        return [name.title for name in autocomplete(index.locale, query, under=index)]

    assert titles("medi") == ["Medialab Prado"]
    assert titles("démoc") == ["Démocratie ouverte"]
    assert titles("DEMOC") == ["Démocratie ouverte"]
    assert titles("open dem", "en") == ["Open democracy lab"]
    assert titles("pr") == ["Medialab Prado"]  # from two letters, any word of the name
    assert titles("m") == []  # one letter is not enough


# --- Through the directory page (search + facets) ----------------------------------------------


def test_directory_search_with_facets_and_counts(client, corpus):
    response = client.get("/fr/annuaire/", {"q": "citoyens"})
    assert [entry.title for entry in response.context["entries"]] == [
        "Les Co-citoyens",
        "Medialab Prado",
    ]
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    counts = {option["value"]: option["count"] for option in facets["entry"]["options"]}
    assert counts == {"organisation": 1, "place": 1}
    response = client.get("/fr/annuaire/", {"q": "citoyens", "entry": "place"})
    assert [entry.title for entry in response.context["entries"]] == ["Medialab Prado"]
    response = client.get("/fr/annuaire/", {"q": "citoyens", "type": "collective"})
    assert [entry.title for entry in response.context["entries"]] == ["Les Co-citoyens"]


def test_directory_page_tells_fuzzy_results_and_suggests(client, corpus):
    fuzzy = client.get("/fr/annuaire/", {"q": "medialob"})
    assert [entry.title for entry in fuzzy.context["entries"]] == ["Medialab Prado"]
    assert b"search-info directory-fuzzy" in fuzzy.content
    nothing = client.get("/fr/annuaire/", {"q": "medialab prdo"})
    assert nothing.context["entries"] == []
    assert nothing.context["suggestion"] == ("medialab prado", "?q=medialab+prado")
    assert b'href="?q=medialab+prado"' in nothing.content


def test_directory_autocomplete_route(client, corpus):
    response = client.get("/fr/annuaire/autocomplete/", {"q": "prad"})
    assert [item["title"] for item in response.json()["results"]] == ["Medialab Prado"]


# --- The index follows the page tree -----------------------------------------------------------


def test_publishing_and_unpublishing_update_the_index(corpus):
    page = f.organisation(corpus["fr"], "Atelier numérique", summary="Des ateliers ouverts.")
    assert found(corpus["fr"], "ateliers") == ["Atelier numérique"]

    page.unpublish()
    assert found(corpus["fr"], "ateliers") == []

    page.save_revision().publish()
    assert found(corpus["fr"], "atelier") == ["Atelier numérique"]


def test_editing_a_page_updates_the_index(corpus):
    page = Page.objects.get(slug="medialab-prado").specific
    page.summary = "Un jardin partagé à Madrid."
    page.save_revision().publish()
    assert found(corpus["fr"], "jardins") == ["Medialab Prado"]
    assert found(corpus["fr"], "laboratoire") == []


def test_a_draft_of_a_live_page_is_not_indexed(corpus):
    page = Page.objects.get(slug="medialab-prado").specific
    page.summary = "Un jardin partagé à Madrid."
    page.save_revision()  # a draft: readers still see the published text
    assert found(corpus["fr"], "jardins") == []
    assert found(corpus["fr"], "laboratoire") == ["Medialab Prado"]


def test_moving_a_page_updates_the_index(corpus, site_tree):
    other = f.directory_index(site_tree["fr"], slug="autre", title="Autre annuaire")
    page = Page.objects.get(slug="medialab-prado")
    page.move(other, pos="last-child")
    assert found(corpus["fr"], "laboratoire") == []
    assert found(other, "laboratoire") == ["Medialab Prado"]


def test_deleting_a_page_removes_it_from_the_index(corpus):
    Page.objects.get(slug="medialab-prado").delete()
    assert everywhere(corpus["fr"].locale, "laboratoire") == []
    assert not IndexedPage.objects.filter(title="Medialab Prado").exists()


def test_a_view_restriction_removes_the_page_and_lifting_it_restores_it(corpus):
    page = Page.objects.get(slug="medialab-prado")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert found(corpus["fr"], "laboratoire") == []
    restriction.delete()
    assert found(corpus["fr"], "laboratoire") == ["Medialab Prado"]


# --- News articles -----------------------------------------------------------------------------


def test_news_articles_match_other_word_forms(site_tree):
    news = f.news_index(site_tree["fr"])
    f.article(
        news,
        "Budget participatif",
        introduction="Les citoyennes ont voté pour trois jardins partagés.",
    )
    f.article(news, "Rapport annuel", introduction="Nos comptes de l'année.")
    # "citoyens" and "jardin" are only in other forms ("citoyennes", "jardins") in the text.
    assert found(news, "citoyens jardin") == ["Budget participatif"]
    assert found(news, "comptes") == ["Rapport annuel"]
