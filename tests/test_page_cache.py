"""Anonymous pages are cached, and an editor's change shows the moment it is published."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from home.models import ContentPage, MainMenu, MenuItem


@pytest.fixture(autouse=True)
def page_cache():
    cache.clear()
    with override_settings(PORTAL_PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


@pytest.fixture
def about(site_tree):
    page = ContentPage(title="À propos", slug="a-propos", introduction="Version un")
    site_tree["fr"].add_child(instance=page)
    page.save_revision().publish()
    return page


def test_second_visit_is_served_from_the_cache(client, about):
    client.get("/fr/")  # the first visit ever creates the site settings row
    first = client.get("/fr/a-propos/")
    second = client.get("/fr/a-propos/")

    assert first["X-Cache"] == "miss"
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second  # headers are added to cached pages too


def test_published_edit_is_visible_immediately(client, about):
    client.get("/fr/")
    assert "Version un" in client.get("/fr/a-propos/").text

    about.introduction = "Version deux"
    about.save_revision().publish()

    response = client.get("/fr/a-propos/")
    assert response["X-Cache"] == "miss"
    assert "Version deux" in response.text


def test_unpublishing_and_menu_edits_invalidate(client, site_tree, about):
    client.get("/fr/")
    client.get("/fr/a-propos/")

    menu = MainMenu(locale=site_tree["locales"]["fr"])
    menu.items = [MenuItem(link_page=about)]
    menu.save()
    assert 'href="/fr/a-propos/"' in client.get("/fr/").text

    about.unpublish()
    assert client.get("/fr/a-propos/").status_code == 404


def test_draft_changes_do_not_show_until_published(client, about):
    client.get("/fr/a-propos/")
    about.introduction = "Brouillon"
    about.save_revision()

    assert "Brouillon" not in client.get("/fr/a-propos/").text


def test_signed_in_editors_bypass_the_cache(admin_client, about):
    admin_client.get("/fr/a-propos/")
    response = admin_client.get("/fr/a-propos/")

    assert "X-Cache" not in response


def test_pages_that_use_the_csrf_token_are_never_cached(client, about, rf):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from home.cache import AnonymousPageCacheMiddleware

    def view_with_form(request):
        token = get_token(request)
        return HttpResponse(f'<form><input name="csrfmiddlewaretoken" value="{token}">')

    middleware = AnonymousPageCacheMiddleware(view_with_form)
    requests = [rf.get("/fr/formulaire/") for _ in range(2)]
    for request in requests:
        request.user = AnonymousUser()
    first, second = (middleware(request) for request in requests)

    assert "X-Cache" not in first and "X-Cache" not in second
    assert first.content != second.content  # each visitor gets their own token
