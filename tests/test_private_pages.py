"""Pages behind a private link are kept by no cache and indexed by no search engine: each
answer (the page, a refused or unknown link, the form a partner's link opens) carries
`Cache-Control: private, no-store` and `X-Robots-Tag: noindex`, and the page cache, turned on
here as in production, never stores or serves one."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from programme.models import Registration
from rooms.hires import RoomFeed
from rooms.links import status_path
from submissions.links import make_token
from submissions.models import Submission
from tests import factories as f
from tests.rooms_support import PARIS, add_event, make_request, rooms_fixture  # noqa: F401
from tests.submissions_support import form_url, portal_fixture  # noqa: F401


@pytest.fixture(autouse=True)
def page_cache():
    cache.clear()
    with override_settings(PORTAL_PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


def assert_private(client, url, statuses):
    """Two visits: both private, neither stored nor served by the page cache."""
    keys_before = _page_keys()
    responses = [client.get(url) for _visit in range(2)]
    assert [r.status_code for r in responses] == [statuses, statuses], url
    for response in responses:
        assert response["Cache-Control"] == "private, no-store", url
        assert response["X-Robots-Tag"] == "noindex", url
        assert "X-Cache" not in response, url
    assert _page_keys() == keys_before, url


def _page_keys():
    return {key for key in getattr(cache, "_cache", {}) if ":page:" in key}


def test_a_public_page_is_cached_so_the_check_can_fail(client, portal):
    """The page cache is on in these tests: an ordinary page is stored and served from it."""
    url = portal["directory_fr"].url
    first, second = client.get(url), client.get(url)
    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit"
    assert "X-Robots-Tag" not in second


def test_partner_status_edit_and_event_form_are_private(client, portal):
    organisation = f.organisation(portal["directory_fr"], "Atelier Citoyen")
    submission = Submission.objects.create(
        kind="organisation",
        title="Atelier Citoyen",
        email="partner@example.org",
        language="fr",
        page=organisation,
    )
    token = make_token(submission)
    assert_private(client, f"/fr/submission/{token}/", 200)
    assert_private(client, f"/fr/submission/{token}/edit/", 200)
    # The event form opened through the partner's link names their organisation.
    assert_private(client, form_url(portal, "event") + f"?organisation={token}", 200)
    # Refused links are private too: a forged token, a revoked one.
    assert_private(client, "/fr/submission/1.abc:forged:sig/", 403)
    submission.revoke_link()
    assert_private(client, f"/fr/submission/{token}/", 403)


def test_room_request_form_status_and_calendar_are_private(client, rooms):
    start = dt.datetime.combine(timezone.localdate() + dt.timedelta(days=10), dt.time(9), PARIS)
    hire = make_request(rooms["room"], start, start + dt.timedelta(hours=3))
    index = rooms["index"]
    assert_private(client, index.url + index.reverse_subpage("request"), 200)
    assert_private(client, status_path(hire, "fr"), 200)
    assert_private(client, index.url + index.reverse_subpage("status", args=("forged",)), 404)
    feed = RoomFeed.objects.create(room=rooms["room"])
    assert_private(client, f"/fr/room-calendar/{feed.calendar_token}/", 200)
    assert_private(client, "/fr/room-calendar/unknown-token/", 404)


def test_registration_cancel_page_is_private(client, rooms):
    start = dt.datetime.combine(timezone.localdate() + dt.timedelta(days=10), dt.time(18), PARIS)
    event = add_event(
        rooms["programme"],
        "atelier",
        start,
        start + dt.timedelta(hours=2),
        rooms["room"],
        registration_mode="portal",
        capacity=5,
    )
    registration = Registration.objects.create(
        event=event,
        occurrence_start=start,
        name="Sam",
        email="sam@example.org",
        language="fr",
        status="confirmed",
    )

    def route(token):
        return event.url + event.reverse_subpage("registration", args=(token,))

    assert_private(client, route(registration.cancel_token()), 200)
    assert_private(client, route("forged"), 404)
