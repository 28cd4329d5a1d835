"""Hand-over of subscribers to Brevo, tested against a local fake of its contacts API: what is
sent, and that a slow, failing or unreachable tool never blocks a reader's sign-up."""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache
from django.core.checks import run_checks
from django.core.management import call_command

from newsletter.subscribers import Subscriber, SubscriberStatus
from newsletter.tokens import confirm_token, unsubscribe_token
from privacy import services as privacy

from .association_support import newsletter_data

pytestmark = pytest.mark.django_db


class FakeBrevo:
    """Brevo's contacts API as far as the portal uses it: records requests, answers as told."""

    def __init__(self):
        self.requests = []
        self.status = 201
        self.body = b"{}"
        self.delay = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the http.server API
                length = int(self.headers.get("Content-Length", 0))
                fake.requests.append(
                    {
                        "path": self.path,
                        "api_key": self.headers.get("api-key"),
                        "json": json.loads(self.rfile.read(length) or b"null"),
                    }
                )
                time.sleep(fake.delay)
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(fake.body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/v3"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def brevo(settings, site_tree):
    cache.clear()
    fake = FakeBrevo()
    settings.PORTAL_NEWSLETTER_ADAPTER = "brevo"
    settings.PORTAL_NEWSLETTER_BREVO_API_KEY = "test-key"
    settings.PORTAL_NEWSLETTER_BREVO_LIST_ID = 7
    settings.PORTAL_NEWSLETTER_BREVO_URL = fake.url
    settings.PORTAL_NEWSLETTER_API_TIMEOUT = 0.5
    yield fake
    fake.stop()
    cache.clear()


def subscribe_and_confirm(client, capture, email="reader@example.org"):
    with capture(execute=True):
        assert client.post("/fr/newsletter/", newsletter_data(email=email)).status_code == 302
    subscriber = Subscriber.objects.get(email=email)
    with capture(execute=True):
        response = client.post(f"/fr/newsletter/confirm/{confirm_token(subscriber)}/")
    subscriber.refresh_from_db()
    return response, subscriber


def test_a_confirmed_subscriber_joins_the_list_and_leaves_it(
    client, brevo, django_capture_on_commit_callbacks
):
    response, subscriber = subscribe_and_confirm(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert brevo.requests == [
        {
            "path": "/v3/contacts",
            "api_key": "test-key",
            "json": {
                "email": "reader@example.org",
                "listIds": [7],
                "updateEnabled": True,
                "attributes": {"LANGUAGE": "fr"},
            },
        }
    ]
    assert subscriber.sync_pending is False and subscriber.sync_error == ""

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/newsletter/unsubscribe/{unsubscribe_token(subscriber)}/")
    assert brevo.requests[-1]["path"] == "/v3/contacts/lists/7/contacts/remove"
    assert brevo.requests[-1]["json"] == {"emails": ["reader@example.org"]}
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED and not subscriber.sync_pending


def test_a_pending_sign_up_is_not_handed_over(client, brevo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/newsletter/", newsletter_data())
    assert brevo.requests == []


@pytest.mark.parametrize("failure", ["error", "slow", "unreachable"])
def test_a_failing_tool_never_blocks_the_reader_and_is_caught_up_later(
    client, brevo, settings, failure, django_capture_on_commit_callbacks
):
    if failure == "error":
        brevo.status, brevo.body = 502, b'{"message": "bad gateway"}'
    elif failure == "slow":
        brevo.delay = 2  # longer than the 0.5 s time-out
    else:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        settings.PORTAL_NEWSLETTER_BREVO_URL = f"http://127.0.0.1:{port}/v3"

    response, subscriber = subscribe_and_confirm(client, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert 'data-newsletter="confirmed"' in response.content.decode()
    assert subscriber.status == SubscriberStatus.CONFIRMED
    assert subscriber.sync_pending is True
    assert subscriber.sync_attempts == 1
    assert "Brevo" in subscriber.sync_error

    # The tool is back: the command hands over what waits.
    brevo.status, brevo.body, brevo.delay = 201, b"{}", 0
    settings.PORTAL_NEWSLETTER_BREVO_URL = brevo.url
    call_command("sync_newsletter", verbosity=0)
    subscriber.refresh_from_db()
    assert subscriber.sync_pending is False and subscriber.sync_error == ""
    assert brevo.requests[-1]["json"]["email"] == "reader@example.org"


def test_already_in_the_list_counts_as_done(client, brevo, django_capture_on_commit_callbacks):
    brevo.status, brevo.body = (
        400,
        b'{"code": "duplicate_parameter", "message": "Contact already in list"}',
    )
    _response, subscriber = subscribe_and_confirm(client, django_capture_on_commit_callbacks)
    assert subscriber.sync_pending is False


def test_erasing_an_address_removes_it_from_the_tool(
    client, brevo, django_capture_on_commit_callbacks
):
    subscribe_and_confirm(client, django_capture_on_commit_callbacks)
    privacy.erase("reader@example.org")
    assert Subscriber.objects.count() == 0
    assert brevo.requests[-1]["path"] == "/v3/contacts/lists/7/contacts/remove"


def test_the_brevo_adapter_refuses_to_start_half_configured(settings):
    settings.PORTAL_NEWSLETTER_ADAPTER = "brevo"
    settings.PORTAL_NEWSLETTER_BREVO_API_KEY = ""
    errors = [error.id for error in run_checks()]
    assert "newsletter.E001" in errors
    settings.PORTAL_NEWSLETTER_ADAPTER = "mailchimp"
    assert "newsletter.E001" in [error.id for error in run_checks()]
    settings.PORTAL_NEWSLETTER_ADAPTER = "csv"
    assert "newsletter.E001" not in [error.id for error in run_checks()]
