"""Routing reads the pages of a path in one query (languages/routing.py `route_down`) and
reaches the same page, sub-route and 404 as Wagtail's own `Page.route`, level by level; a
path reached before costs one query, until the content version moves on."""

from datetime import timedelta

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from home.models import ContentPage
from languages.routing import route_down, route_for_request
from programme.models import EventPage, FestivalPage, ProgrammePage


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def tree(site_tree):
    home = site_tree["fr"]
    programme = _publish(home, ProgrammePage(title="Programme", slug="programme"))
    today = timezone.localdate()
    festival = _publish(
        programme,
        FestivalPage(
            title="Festival",
            slug="festival",
            start_date=today,
            end_date=today + timedelta(days=3),
        ),
    )
    start = timezone.now() + timedelta(days=3)
    event = EventPage(title="Atelier", slug="atelier", start=start, end=start + timedelta(hours=2))
    _publish(festival, event)
    # A child whose slug is also one of the programme's own routes: the route wins, as in
    # Wagtail, whose routable pages try their routes before their children.
    _publish(programme, ContentPage(title="Flux", slug="feed"))
    about = _publish(home, ContentPage(title="À propos", slug="a-propos"))
    about.unpublish()
    _publish(about, ContentPage(title="Équipe", slug="equipe"))
    _publish(home, ContentPage(title="Brouillon", slug="brouillon")).unpublish()
    return home.specific


PATHS = [
    [],
    ["programme"],
    ["programme", "festival"],
    ["programme", "festival", "atelier"],
    ["programme", "export", "csv"],
    ["programme", "calendar"],
    ["programme", "feed"],
    ["programme", "festival", "atelier", "plus-loin"],
    ["programme", "nulle-part"],
    ["a-propos"],  # unpublished: 404
    ["a-propos", "equipe"],  # a live page under an unpublished one is served, as in Wagtail
    ["brouillon"],
    ["inconnu", "festival"],
]


def _outcome(route):
    try:
        result = route()
    except Http404:
        return "404"
    page, args, kwargs = result
    view = args[0].__name__ if args else None
    return (page.pk, type(page).__name__, view, args[1:] if args else (), kwargs)


@pytest.mark.parametrize("components", PATHS, ids="/".join)
def test_the_same_outcome_as_wagtail_level_by_level(tree, components):
    request = RequestFactory().get("/fr/" + "".join(f"{slug}/" for slug in components))

    ours = _outcome(lambda: route_down(request, tree, components))
    wagtails = _outcome(lambda: tree.route(request, components))

    assert ours == wagtails


def test_a_page_three_levels_down_costs_two_queries(tree):
    request = RequestFactory().get("/fr/programme/festival/atelier/")

    with CaptureQueriesContext(connection) as queries:
        page, _args, _kwargs = route_down(request, tree, ["programme", "festival", "atelier"])

    assert type(page) is EventPage
    assert len(queries) == 2  # the pages of the path, then the event's own row
    # Wagtail's get_parent() reads nothing more, as with its own routing.
    with CaptureQueriesContext(connection) as queries:
        assert page.get_parent().slug == "festival"
    assert len(queries) == 0


# Each process remembers where a path leads (languages/routing.py `_route`) -------------------


@pytest.fixture
def remembering(settings):
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 300
    cache.clear()  # a new content version
    caches["local"].clear()
    yield caches["local"]
    cache.clear()


def _served(path):
    request = RequestFactory().get(path)
    request.LANGUAGE_CODE = "fr"
    with translation.override("fr"):
        found = route_for_request(request, path[len("/fr") :])  # None where Wagtail raises 404
    return _outcome(lambda: found) if found is not None else "404"


@pytest.mark.parametrize("components", PATHS, ids="/".join)
def test_a_remembered_path_leads_where_wagtail_does(tree, remembering, components):
    path = "/fr/" + "".join(f"{slug}/" for slug in components)
    request = RequestFactory().get(path)

    first, second = _served(path), _served(path)

    assert first == second == _outcome(lambda: tree.route(request, components))


def test_a_page_reached_before_costs_one_query(tree, remembering):
    _served("/fr/programme/festival/atelier/")
    request = RequestFactory().get("/fr/programme/festival/atelier/")

    with translation.override("fr"), CaptureQueriesContext(connection) as queries:
        page, _args, _kwargs = route_for_request(request, "/programme/festival/atelier/")

    assert type(page) is EventPage
    assert len(queries) == 1  # the event's own row


def test_a_made_up_address_below_a_page_is_not_remembered(tree, remembering):
    _served("/fr/programme/festival/atelier/")
    remembered = len(remembering._cache)

    for n in range(20):
        assert _served(f"/fr/programme/festival/atelier/registration/token-{n}/") != "404"
        assert _served(f"/fr/programme/nulle-part-{n}/") == "404"

    assert len(remembering._cache) == remembered


def test_a_moved_page_is_found_at_its_new_address(tree, remembering, commit):
    assert _served("/fr/programme/festival/")[1] == "FestivalPage"
    festival = FestivalPage.objects.get(slug="festival")

    with commit():  # the content version moves on at the commit
        festival.slug = "festival-2027"
        festival.save_revision().publish()

    assert _served("/fr/programme/festival/") == "404"
    assert _served("/fr/programme/festival-2027/atelier/")[1] == "EventPage"
