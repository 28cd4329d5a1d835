# ruff: noqa: F811 - the fake server's fixtures are imported, then named as arguments
"""Placing submitted listings on the map: the configured geocoder is asked in a background task
after the listing is stored; a geocoder that is off, down, slow or unsure never blocks nor
loses a submission; the admin report lists what still has no coordinates."""

import json
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django_tasks_db.models import DBTaskResult

from directory.geocoding import geocode
from submissions.models import Submission
from tests import factories as f

from .feed_server import feed_server, no_outside_connections  # noqa: F401 - fixtures
from .submissions_support import (
    form_url,
    organisation_data,
    place_data,
    portal_fixture,  # noqa: F401 - the "portal" fixture
    submit,
)
from .worker_support import production_env, run_worker_batch

pytestmark = pytest.mark.django_db

BAN_LYON = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [4.835659, 45.764043]},
            "properties": {"label": "Lyon", "score": 0.93},
        }
    ],
}
NOMINATIM_LIEGE = [{"lat": "50.6325574", "lon": "5.5796662", "display_name": "Liège"}]


def _geocoder(settings, server, name, answer=None, **route):
    settings.PORTAL_GEOCODER = name
    settings.PORTAL_GEOCODER_TIMEOUT = 1
    if answer is not None:
        route["body"] = json.dumps(answer).encode()
    route.setdefault("content_type", "application/json")
    settings.PORTAL_GEOCODER_URL = server.route("/search/", **route)


def _submitted(client, portal, kind, data, capture):
    response = submit(client, form_url(portal, kind), data, capture)
    assert response.status_code == 302  # stored and thanked, whatever the geocoder did
    page = Submission.objects.get().page.specific
    return page, page.get_latest_revision_as_object()


def test_a_submitted_organisation_is_placed_from_its_address(
    client,
    portal,
    settings,
    feed_server,
    django_capture_on_commit_callbacks,
):
    _geocoder(settings, feed_server, "ban", BAN_LYON)
    data = organisation_data(street_address="3 rue de la République", postcode="69001")
    page, draft = _submitted(
        client, portal, "organisation", data, django_capture_on_commit_callbacks
    )
    assert (draft.latitude, draft.longitude) == (Decimal("45.764043"), Decimal("4.835659"))
    assert not page.live  # the coordinates wait in moderation with the rest
    [hit] = feed_server.hits
    assert "q=3+rue+de+la+R%C3%A9publique+69001+Lyon" in hit


def test_nominatim_is_asked_with_the_country(
    client,
    portal,
    settings,
    feed_server,
    django_capture_on_commit_callbacks,
):
    _geocoder(settings, feed_server, "nominatim", NOMINATIM_LIEGE)
    data = place_data(city="Liège", country="BE")
    _page, draft = _submitted(client, portal, "place", data, django_capture_on_commit_callbacks)
    assert (draft.latitude, draft.longitude) == (Decimal("50.632557"), Decimal("5.579666"))
    assert "countrycodes=be" in feed_server.hits[0]


@pytest.mark.parametrize(
    "route",
    [
        {"status": 503},  # down
        {"delay": 3},  # slower than PORTAL_GEOCODER_TIMEOUT
        {"content_type": "text/html", "body": b"<html>oops</html>"},  # not JSON
    ],
    ids=["down", "slow", "garbage"],
)
def test_a_failing_geocoder_loses_nothing(
    client,
    portal,
    settings,
    feed_server,
    django_capture_on_commit_callbacks,
    route,
):
    _geocoder(settings, feed_server, "ban", **route)
    page, draft = _submitted(
        client, portal, "organisation", organisation_data(), django_capture_on_commit_callbacks
    )
    assert draft.title == "Atelier Citoyen"
    assert draft.latitude is None
    assert page.current_workflow_state is not None  # in moderation as usual


def test_off_by_default_nothing_leaves_the_server(
    client,
    portal,
    settings,
    no_outside_connections,
    django_capture_on_commit_callbacks,
):
    assert settings.PORTAL_GEOCODER == ""
    _page, draft = _submitted(
        client, portal, "organisation", organisation_data(), django_capture_on_commit_callbacks
    )
    assert draft.latitude is None


def test_an_unsure_or_empty_answer_places_nothing(settings, feed_server):
    unsure = json.loads(json.dumps(BAN_LYON))
    unsure["features"][0]["properties"]["score"] = 0.2
    _geocoder(settings, feed_server, "ban", unsure)
    assert geocode("Lyon", "FR") is None
    _geocoder(settings, feed_server, "ban", {"type": "FeatureCollection", "features": []})
    assert geocode("Nulle part", "FR") is None
    assert geocode("Bruxelles", "BE") is None  # the French service knows France only


def test_the_report_lists_listings_without_coordinates(client, site_tree):
    index = f.directory_index(site_tree["fr"])
    f.organisation(index, "Sans Adresse", city="Lyon")
    f.place(index, "Bien Placée", city="Lille", latitude=50.63, longitude=3.06)
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    response = client.get("/admin/reports/directory/no-coordinates/")
    assert response.status_code == 200
    assert "Sans Adresse" in response.text
    assert "Bien Placée" not in response.text
    assert "/admin/reports/directory/no-coordinates/" in client.get("/admin/").text


@pytest.mark.django_db(transaction=True)
def test_the_worker_places_a_submission_on_the_production_configuration(
    client, portal, settings, feed_server, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    _geocoder(settings, feed_server, "ban", BAN_LYON)
    assert client.post(form_url(portal, "organisation"), organisation_data()).status_code == 302
    queued = DBTaskResult.objects.filter(task_path="directory.tasks.geocode_page")
    assert queued.get().status == "READY"  # stored first; the geocoder is the worker's job

    env = production_env(
        tmp_path,
        f"filecache://{tmp_path / 'cache'}",
        PORTAL_GEOCODER="ban",
        PORTAL_GEOCODER_URL=settings.PORTAL_GEOCODER_URL,
    )
    run_worker_batch(env, tmp_path / "worker.log")

    assert queued.get().status == "SUCCESSFUL"
    draft = Submission.objects.get().page.specific.get_latest_revision_as_object()
    assert (draft.latitude, draft.longitude) == (Decimal("45.764043"), Decimal("4.835659"))
