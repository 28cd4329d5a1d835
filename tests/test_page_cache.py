"""Anonymous pages are cached, and an editor's change shows the moment it is committed.

These tests run inside a transaction that never commits, so content writes are wrapped in
`commit()` (Django's captured on-commit callbacks, executed): invalidation happens at commit,
which is what tests/test_page_cache_shared.py checks with real commits and processes.
"""

import pytest
from django.core.cache import cache
from django.test import override_settings

import pagecache
from home.models import ContentPage
from navigation.models import MainMenu, MenuItem
from pagecache.version import VERSION_KEY


@pytest.fixture(autouse=True)
def page_cache():
    cache.clear()
    with override_settings(PORTAL_PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def about(site_tree, commit):
    page = ContentPage(title="À propos", slug="a-propos", introduction="Version un")
    with commit():
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


def test_published_edit_is_visible_immediately(client, about, commit):
    client.get("/fr/")
    assert "Version un" in client.get("/fr/a-propos/").text

    about.introduction = "Version deux"
    with commit():
        about.save_revision().publish()

    response = client.get("/fr/a-propos/")
    assert response["X-Cache"] == "miss"
    assert "Version deux" in response.text


def test_unpublishing_and_menu_edits_invalidate(client, site_tree, about, commit):
    client.get("/fr/")
    client.get("/fr/a-propos/")

    menu = MainMenu(locale=site_tree["locales"]["fr"])
    menu.items = [MenuItem(link_page=about)]
    with commit():
        menu.save()
    assert 'href="/fr/a-propos/"' in client.get("/fr/").text

    with commit():
        about.unpublish()
    assert client.get("/fr/a-propos/").status_code == 404


def test_moving_and_deleting_pages_invalidate(client, site_tree, about, commit):
    shelf = ContentPage(title="Rayon", slug="rayon")
    with commit():
        site_tree["fr"].add_child(instance=shelf)
        shelf.save_revision().publish()
    client.get("/fr/")
    assert client.get("/fr/a-propos/").status_code == 200

    with commit():
        about.move(shelf, pos="last-child")
    moved = client.get("/fr/a-propos/")  # Wagtail's automatic redirect, not the cached page
    assert (moved.status_code, moved["Location"]) == (301, "/fr/rayon/a-propos/")
    assert client.get("/fr/rayon/a-propos/").status_code == 200

    client.get("/fr/rayon/a-propos/")  # cached now
    with commit():
        ContentPage.objects.get(pk=about.pk).delete()
    assert client.get("/fr/rayon/a-propos/").status_code == 404


def test_the_cache_is_dropped_at_commit_not_before(client, about):
    client.get("/fr/")
    client.get("/fr/a-propos/")
    version = cache.get(VERSION_KEY)

    about.introduction = "Version deux"
    about.save_revision().publish()  # the test's transaction never commits

    # Until the commit, other processes still read the old rows: a page they cached under a
    # new version now would stay stale. So the version has not moved yet.
    assert cache.get(VERSION_KEY) == version
    assert client.get("/fr/a-propos/")["X-Cache"] == "hit"


def test_many_writes_in_one_transaction_move_the_version_once(about, commit, monkeypatch):
    from pagecache import version

    moves = []
    monkeypatch.setattr(version, "bump_version", lambda: moves.append(1))
    with commit():
        for n in range(20):
            about.introduction = f"Version {n}"
            about.save_revision().publish()
        pagecache.invalidate()
    assert moves == [1]

    with commit():  # the next transaction moves it again
        pagecache.invalidate()
    assert moves == [1, 1]


def test_search_promotion_edits_invalidate(client, about, commit):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    client.get("/fr/")
    client.get("/fr/a-propos/")
    with commit():
        SearchPromotion.objects.create(
            query=Query.get("propos"), page=about, sort_order=0, description="Qui sommes-nous"
        )
    assert client.get("/fr/a-propos/")["X-Cache"] == "miss"


def test_rows_that_are_not_content_leave_the_cache_alone(client, about, commit):
    from wagtail.contrib.search_promotions.models import Query

    client.get("/fr/")
    client.get("/fr/a-propos/")
    with commit():
        Query.get("propos").add_hit()  # a reader's search is logged: not content
    assert client.get("/fr/a-propos/")["X-Cache"] == "hit"


def test_draft_changes_do_not_show_until_published(client, about):
    client.get("/fr/a-propos/")
    about.introduction = "Brouillon"
    about.save_revision()

    assert "Brouillon" not in client.get("/fr/a-propos/").text


def test_signed_in_editors_bypass_the_cache(admin_client, about):
    admin_client.get("/fr/a-propos/")
    response = admin_client.get("/fr/a-propos/")

    assert "X-Cache" not in response


@pytest.mark.parametrize("restriction", ["password", "login"])
def test_private_pages_are_never_cached(client, about, commit, restriction):
    from wagtail.models import PageViewRestriction

    client.get("/fr/")
    assert client.get("/fr/a-propos/")["X-Cache"] == "miss"
    assert client.get("/fr/a-propos/")["X-Cache"] == "hit"

    with commit():
        PageViewRestriction.objects.create(
            page=about, restriction_type=restriction, password="secret-words"
        )

    for _ in range(2):
        response = client.get("/fr/a-propos/")
        assert "X-Cache" not in response
        assert "Version un" not in response.text


def test_password_holders_are_served_fresh_pages(client, about, commit):
    from wagtail.models import PageViewRestriction

    with commit():
        restriction = PageViewRestriction.objects.create(
            page=about, restriction_type="password", password="secret-words"
        )
    from django.urls import reverse
    from django.utils import translation

    with translation.override("fr"):
        url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, about.pk])
    client.post(url, {"password": "secret-words", "return_url": "/fr/a-propos/"})
    for _ in range(2):
        response = client.get("/fr/a-propos/")
        assert "Version un" in response.text
        assert "X-Cache" not in response  # they have a session: never served from the cache


def test_pages_behind_a_private_link_are_never_cached(client, site_tree):
    from submissions.links import make_token
    from submissions.models import Submission

    submission = Submission.objects.create(
        kind="organisation", title="Café civique", email="partner@example.org", language="fr"
    )
    url = f"/fr/submission/{make_token(submission)}/"
    responses = [client.get(url) for _ in range(2)]

    assert [r.status_code for r in responses] == [200, 200]
    assert all("X-Cache" not in r for r in responses)
    assert "private" in responses[0]["Cache-Control"]


def test_pages_that_use_the_csrf_token_are_never_cached(client, about, rf):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from pagecache.middleware import AnonymousPageCacheMiddleware

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


def test_pages_are_served_when_the_cache_server_is_down(client, about, monkeypatch):
    from pagecache import middleware

    def refuse():
        raise ConnectionError("cache server down")

    monkeypatch.setattr(middleware, "content_version", refuse)
    client.get("/fr/")
    response = client.get("/fr/a-propos/")

    assert response.status_code == 200
    assert "Version un" in response.text
    assert "X-Cache" not in response


def test_tasks_named_in_the_setting_drop_the_cache(client, about, commit, settings):
    from modelsearch.tasks import insert_or_update_object_task
    from wagtail.tasks import update_reference_index_task

    settings.PORTAL_PAGE_CACHE_AFTER_TASKS = [insert_or_update_object_task.module_path]
    client.get("/fr/")
    client.get("/fr/a-propos/")
    arguments = ("home", "contentpage", str(about.pk))
    with commit():  # the reference index is not shown on public pages
        update_reference_index_task.enqueue(*arguments)
    assert client.get("/fr/a-propos/")["X-Cache"] == "hit"

    with commit():  # a task named in the setting: its end drops the cache
        insert_or_update_object_task.enqueue(*arguments)
    assert client.get("/fr/a-propos/")["X-Cache"] == "miss"


def test_search_index_writes_drop_the_cache(client, about, commit):
    from search.indexing import index_page_ids

    client.get("/fr/")
    client.get("/fr/a-propos/")
    assert client.get("/fr/a-propos/")["X-Cache"] == "hit"
    with commit():  # what rebuild_search_index and check_search_index --repair do
        index_page_ids([about.pk])
    assert client.get("/fr/a-propos/")["X-Cache"] == "miss"
