"""Found the moment a change commits, on the production task configuration, with no worker.

The test settings run tasks at once, which hid that Wagtail 8 queues its own index updates:
here tasks go to the database queue, as in production, and nothing runs them. The portal's
read model is written in the publishing transaction, so directory search, site search,
autocomplete and the API see every change at once; the queued tasks prove no worker helped.
Transactional tests: every change really commits, on-commit callbacks included.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from search.models import IndexedPage, SearchPage
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

PRODUCTION_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queue_only(settings):
    settings.TASKS = PRODUCTION_TASKS
    return settings


@pytest.fixture
def portal(site_tree, queue_only):
    home = site_tree["fr"]
    search = SearchPage(title="Recherche", slug="recherche", locale=home.locale)
    home.add_child(instance=search)
    search.save_revision().publish()
    index = f.directory_index(home)
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    return {"index": index, "editor": editor}


def directory_titles(client, query):
    response = client.get("/fr/annuaire/", {"q": query})
    assert response.status_code == 200
    return [entry.title for entry in response.context["entries"]]


def site_titles(client, query):
    response = client.get("/fr/recherche/", {"q": query})
    assert response.status_code == 200
    return [result["page"].title for result in response.context["results"]]


def api_titles(client, query):
    response = client.get("/api/v1/directory/organisations/", {"q": query, "lang": "fr"})
    assert response.status_code == 200
    return [record["name"] for record in response.json()["results"]]


def suggested(client, text):
    return [
        item["title"]
        for item in client.get("/fr/annuaire/autocomplete/", {"q": text}).json()["results"]
    ]


def test_publish_unpublish_move_delete_without_a_worker(client, portal):
    index, editor = portal["index"], portal["editor"]
    page = f.organisation(
        index, "Atelier citoyen", summary="Un atelier de quartier.", publish=False
    )
    assert directory_titles(client, "atelier") == []

    page.get_latest_revision().publish(user=editor)  # what the admin's "Publish" runs
    assert DBTaskResult.objects.filter(status="READY").exists()  # queued, never run
    assert directory_titles(client, "ateliers") == ["Atelier citoyen"]
    assert site_titles(client, "citoyens") == ["Atelier citoyen"]
    assert api_titles(client, "atelier") == ["Atelier citoyen"]
    assert suggested(client, "at") == ["Atelier citoyen"]

    client.force_login(editor)
    response = client.post(f"/admin/pages/{page.pk}/unpublish/")
    assert response.status_code == 302
    client.logout()
    assert directory_titles(client, "atelier") == []
    assert site_titles(client, "atelier") == []

    Page.objects.get(pk=page.pk).specific.save_revision().publish(user=editor)
    other = f.directory_index(portal["index"].get_parent(), slug="autre", title="Autre")
    Page.objects.get(pk=page.pk).move(other, pos="last-child", user=editor)
    assert directory_titles(client, "atelier") == []
    response = client.get("/fr/autre/", {"q": "atelier"})
    assert [entry.title for entry in response.context["entries"]] == ["Atelier citoyen"]

    client.force_login(editor)
    response = client.post(f"/admin/pages/{page.pk}/delete/")
    assert response.status_code == 302
    client.logout()
    assert site_titles(client, "atelier") == []
    assert not IndexedPage.objects.filter(page_id=page.pk).exists()


def test_a_translation_synced_by_wagtail_localize_is_found_in_its_language(
    client, portal, site_tree, translate
):
    en = site_tree["locales"]["en"]
    page = f.organisation(portal["index"], "Atelier citoyen", slug="atelier", summary="Un atelier.")
    translate(portal["index"], en, {"Annuaire": "Directory", "annuaire": "directory"})
    glossary = {
        "Atelier citoyen": "Civic workshop",
        "atelier": "workshop",
        "Un atelier.": "A workshop.",
    }
    translate(page, en, glossary)
    response = client.get("/en/directory/", {"q": "workshops"})
    assert [entry.title for entry in response.context["entries"]] == ["Civic workshop"]
    assert directory_titles(client, "workshop") == []  # the French directory stays French


def test_check_search_index_reports_drift_and_repairs_it(portal, capsys):
    page = f.organisation(portal["index"], "Atelier citoyen")
    call_command("check_search_index")  # in step: exits normally
    IndexedPage.objects.filter(page_id=page.pk).delete()  # an index gone out of step
    with pytest.raises(CommandError, match="drift"):  # manage.py exits 1 on it
        call_command("check_search_index")
    assert "drift" in capsys.readouterr().out
    call_command("check_search_index", "--repair")
    assert IndexedPage.objects.filter(page_id=page.pk).exists()


def test_a_theme_renamed_in_the_admin_or_deleted_is_searched_by_its_new_name(client, portal):
    index, editor = portal["index"], portal["editor"]
    theme = f.theme("Démocratie", "democratie")
    f.organisation(index, "Atelier", summary="Un lieu.", themes=[theme])
    assert directory_titles(client, "democratie") == ["Atelier"]

    client.force_login(editor)
    response = client.post(
        f"/admin/snippets/directory/theme/edit/{theme.pk}/",
        {"name": "Budget participatif", "slug": "budget-participatif", "description": ""},
    )
    assert response.status_code == 302
    client.logout()
    # The entry's text follows the theme at once, without `check_search_index --repair`.
    assert directory_titles(client, "budget participatif") == ["Atelier"]
    assert directory_titles(client, "democratie") == []
    listing = client.get("/fr/annuaire/", {"theme": "budget-participatif"})
    assert [entry.title for entry in listing.context["entries"]] == ["Atelier"]
    card = listing.context["entries"][0]
    assert [theme.name for theme in card.display_themes] == ["Budget participatif"]

    theme.refresh_from_db()
    theme.delete()
    assert directory_titles(client, "budget participatif") == []
    assert directory_titles(client, "atelier") == ["Atelier"]


def test_a_keyword_renamed_is_searched_by_its_new_name(client, portal):
    f.organisation(portal["index"], "Atelier", summary="Un lieu.", keywords=["réparation"])
    assert directory_titles(client, "reparation") == ["Atelier"]
    from taggit.models import Tag

    tag = Tag.objects.get(name="réparation")
    tag.name = "bricolage"
    tag.save()
    assert directory_titles(client, "bricolage") == ["Atelier"]
    assert directory_titles(client, "reparation") == []
