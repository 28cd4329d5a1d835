"""The newsletter: sign-up from the footer or a block, double opt-in by e-mail, one-click
unsubscribe (RFC 8058), links used twice, expired or forged, subscribers in the admin."""

import csv
import datetime as dt
import io
import re
import time
from unittest import mock
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from newsletter.subscribers import Subscriber, SubscriberStatus
from newsletter.tokens import confirm_token, unsubscribe_token
from outbox.models import OutgoingEmail

from .association_support import newsletter_data
from .test_hostile_input import HOSTILE, MARKERS
from .worker_support import production_env, run_worker_batch

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(site_tree):
    cache.clear()
    yield site_tree
    cache.clear()


def sign_up(client, capture, language="fr", **overrides):
    with capture(execute=True):
        return client.post(f"/{language}/newsletter/", newsletter_data(**overrides))


def link_in(message, kind):
    return re.search(rf"https?://\S+/newsletter/{kind}/\S+/", message.body).group(0)


def path_of(url):
    return urlsplit(url).path


def confirmed(client, capture, email="reader@example.org"):
    sign_up(client, capture, email=email)
    with capture(execute=True):
        client.post(path_of(link_in(mail.outbox[-1], "confirm")))
    return Subscriber.objects.get(email=email)


def test_every_page_has_the_footer_form_without_csrf_so_pages_stay_cached(site, client, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    client.get("/fr/")  # the first visit ever creates the site settings rows
    first = client.get("/en/")
    soup = BeautifulSoup(first.content, "html.parser")
    form = soup.select_one("footer form.newsletter-form")
    assert form["action"] == "/en/newsletter/"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is None
    email = form.find("input", attrs={"type": "email"})
    help_text = soup.find(id=email["aria-describedby"]).get_text(" ", strip=True)
    assert "only to send you the newsletter" in help_text
    assert "erased after 30 days" in help_text
    assert first["X-Cache"] == "miss" and not first.cookies
    assert client.get("/en/")["X-Cache"] == "hit"


def test_the_footer_form_posts_every_field_of_the_sign_up_form(
    site, settings, django_capture_on_commit_callbacks
):
    """The footer's inputs are written by hand (it is on every page): they must stay the
    form's fields, and what they hold must sign a reader up."""
    from newsletter.forms import SubscribeForm

    settings.PORTAL_FORM_MIN_SECONDS = 0
    client = Client(enforce_csrf_checks=True)
    client.get("/fr/")
    soup = BeautifulSoup(client.get("/fr/").content, "html.parser")
    form = soup.select_one("footer form.newsletter-form")
    inputs = {field["name"]: field.get("value", "") for field in form.find_all("input")}
    assert set(inputs) == set(SubscribeForm().fields)
    for field in form.find_all("input"):
        assert soup.find("label", attrs={"for": field["id"]}) or field["type"] == "hidden"
    inputs["email"] = "footer@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form["action"], inputs)
    assert response.status_code == 302
    assert Subscriber.objects.get().source == "/fr/"


def test_sign_up_sends_a_confirmation_and_subscribes_nobody_yet(
    site, django_capture_on_commit_callbacks
):
    client = Client(enforce_csrf_checks=True)  # as from a cached page's footer
    response = sign_up(client, django_capture_on_commit_callbacks, email=" Reader@Example.ORG ")

    assert response.status_code == 302
    assert response["Location"] == "/fr/newsletter/check-your-inbox/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.org"
    assert subscriber.status == SubscriberStatus.PENDING
    assert subscriber.language == "fr" and subscriber.source == "/fr/"
    [message] = mail.outbox
    assert message.to == ["reader@example.org"]
    assert "/fr/newsletter/confirm/" in message.body
    assert "List-Unsubscribe" not in message.extra_headers
    assert client.get(response["Location"]).status_code == 200


def test_confirming_takes_a_click_and_says_welcome_with_one_click_unsubscribe(
    site, client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks, language="en")
    confirm_path = path_of(link_in(mail.outbox[0], "confirm"))

    # Opening the link (a mail scanner does) confirms nothing.
    shown = client.get(confirm_path)
    assert shown.status_code == 200
    assert shown["Cache-Control"] == "private, no-store"
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        done = Client(enforce_csrf_checks=True).post(confirm_path)
    assert done.status_code == 200
    assert 'data-newsletter="confirmed"' in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.CONFIRMED and subscriber.confirmed_at
    welcome = mail.outbox[1]
    unsubscribe = link_in(welcome, "unsubscribe")
    assert welcome.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/en/newsletter/unsubscribe/" in unsubscribe


def test_a_confirmation_link_used_twice_expired_or_forged_gets_a_clear_page(
    site, client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks, language="en")
    subscriber = Subscriber.objects.get()
    with mock.patch("time.time", return_value=time.time() - 8 * 86400):
        old = confirm_token(subscriber)
    fresh = path_of(link_in(mail.outbox[0], "confirm"))

    expired = client.get(f"/en/newsletter/confirm/{old}/")
    assert expired.status_code == 410
    assert 'data-link-error="expired"' in expired.content.decode()
    assert "newsletter-email" in expired.content.decode()  # a form to sign up again

    client.post(fresh)
    again = client.post(fresh)
    assert again.status_code == 200
    assert 'data-newsletter="already-confirmed"' in again.content.decode()

    forged = [
        fresh[:-3] + "xx/",
        "/en/newsletter/confirm/1.abc:1tZ:forged/",
        "/en/newsletter/confirm/" + "a" * 400 + "/",
        "/en/newsletter/confirm/%00/",
        "/en/newsletter/confirm/<script>/",
    ]
    for path in forged:
        response = client.get(path)
        assert response.status_code == 400, path
        assert 'data-link-error="invalid"' in response.content.decode()
        assert not any(marker in response.content.decode() for marker in MARKERS)


def test_an_old_link_after_unsubscribing_no_longer_works(
    site, client, django_capture_on_commit_callbacks
):
    subscriber = confirmed(client, django_capture_on_commit_callbacks)
    first_link = path_of(link_in(mail.outbox[0], "confirm"))
    client.post(f"/fr/newsletter/unsubscribe/{unsubscribe_token(subscriber)}/")
    response = client.post(first_link)
    assert response.status_code == 410
    assert 'data-link-error="used"' in response.content.decode()
    assert Subscriber.objects.get().status == SubscriberStatus.UNSUBSCRIBED


def test_one_click_unsubscribe_as_mail_programs_do_it(
    site, client, django_capture_on_commit_callbacks
):
    subscriber = confirmed(client, django_capture_on_commit_callbacks)
    path = f"/fr/newsletter/unsubscribe/{unsubscribe_token(subscriber)}/"

    shown = client.get(path)  # a browser (or a scanner) opening the link changes nothing
    assert shown.status_code == 200
    assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED

    # RFC 8058: a POST with this body, no cookie, no CSRF token.
    mailer = Client(enforce_csrf_checks=True)
    response = mailer.post(path, "List-Unsubscribe=One-Click", content_type="text/plain")
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert (
        mailer.post(path, "List-Unsubscribe=One-Click", content_type="text/plain").status_code
        == 200
    )

    # Erased since: the link still answers that nobody is subscribed.
    subscriber.delete()
    gone = client.get(path)
    assert gone.status_code == 200
    assert 'data-newsletter="unsubscribed"' in gone.content.decode()
    assert client.get("/fr/newsletter/unsubscribe/12.forged/").status_code == 400


def test_signing_up_again_after_leaving_asks_for_confirmation_again(
    site, client, django_capture_on_commit_callbacks
):
    subscriber = confirmed(client, django_capture_on_commit_callbacks)
    client.post(f"/fr/newsletter/unsubscribe/{unsubscribe_token(subscriber)}/")
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - dt.timedelta(hours=1))
    sign_up(client, django_capture_on_commit_callbacks)
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING
    assert len(mail.outbox) == 3  # confirmation, welcome, new confirmation


def test_the_form_never_tells_who_is_subscribed_nor_floods_an_inbox(
    site, client, django_capture_on_commit_callbacks
):
    confirmed(client, django_capture_on_commit_callbacks, email="known@example.org")
    sent_before = len(mail.outbox)
    known = sign_up(client, django_capture_on_commit_callbacks, email="known@example.org")
    unknown = sign_up(client, django_capture_on_commit_callbacks, email="new@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == sent_before + 1  # only the new address got a link

    # The same address again at once: no second e-mail; ten minutes later: a new one.
    sign_up(client, django_capture_on_commit_callbacks, email="new@example.org")
    assert len(mail.outbox) == sent_before + 1
    Subscriber.objects.filter(email="new@example.org").update(
        confirmation_sent_at=timezone.now() - dt.timedelta(minutes=11)
    )
    sign_up(client, django_capture_on_commit_callbacks, email="new@example.org")
    assert len(mail.outbox) == sent_before + 2


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"email": ""}, "Enter your e-mail address to subscribe."),
        ({"email": "pas une adresse"}, "valid email address"),
        ({"email": "a\x00b@example.org"}, "Null characters are not allowed"),
        ({"email": "<script>@example.org"}, "valid email address"),
        ({"email": "x" * 300 + "@example.org"}, "at most 254 characters"),
        ({"homepage": "spam"}, "could not be sent"),
        ({"started": "forged"}, "could not be sent"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(
    site, client, overrides, message, django_capture_on_commit_callbacks
):
    response = sign_up(client, django_capture_on_commit_callbacks, language="en", **overrides)
    assert response.status_code == 400
    text = response.content.decode()
    assert message in text
    assert 'role="alert"' in text
    assert Subscriber.objects.count() == 0 and OutgoingEmail.objects.count() == 0


def test_hostile_values_never_give_a_server_error(
    site, client, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_FORM_RATE = "100000/h"
    failures = []
    for name in ("email", "source"):
        for value in HOSTILE:
            response = sign_up(client, django_capture_on_commit_callbacks, **{name: value})
            if response.status_code not in (302, 400):
                failures.append(f"{name}={value[:30]!r}: {response.status_code}")
            elif any(marker in response.content.decode() for marker in MARKERS):
                failures.append(f"{name}={value[:30]!r}: markup in the page")
    assert not failures, "\n".join(failures)
    assert (
        not Subscriber.objects.exclude(source__in=["", "/fr/"])
        .exclude(source__startswith="/")
        .exists()
    )


def test_a_flood_is_stopped(site, client, settings, django_capture_on_commit_callbacks):
    settings.PORTAL_FORM_RATE = "2/h"
    codes = [
        sign_up(client, django_capture_on_commit_callbacks, email=f"r{n}@example.org").status_code
        for n in range(4)
    ]
    assert codes == [302, 302, 429, 429]


def test_editors_place_the_form_with_a_block(site, client):
    from home.models import ContentPage

    page = ContentPage(
        title="Rester en contact",
        slug="rester-en-contact",
        body=[
            {
                "type": "newsletter_signup",
                "value": {"heading": "Recevez nos nouvelles", "text": "Une fois par mois."},
            }
        ],
    )
    site["fr"].add_child(instance=page)
    page.save_revision().publish()
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    block = soup.select_one("main .newsletter-block")
    assert block.h2.get_text() == "Recevez nos nouvelles"
    assert block.select_one("form")["action"] == "/fr/newsletter/"
    ids = [element["id"] for element in soup.select("[id]")]
    assert len(ids) == len(set(ids))  # the block's form and the footer's do not clash


def test_subscribers_are_listed_and_exported_in_the_admin(
    site, client, admin_client, django_capture_on_commit_callbacks
):
    subscriber = confirmed(client, django_capture_on_commit_callbacks)
    sign_up(client, django_capture_on_commit_callbacks, email="pending@example.org")

    listing = admin_client.get("/admin/snippets/newsletter/subscriber/")
    assert listing.status_code == 200
    assert "reader@example.org" in listing.content.decode()
    filtered = admin_client.get("/admin/snippets/newsletter/subscriber/?status=confirmed")
    assert "pending@example.org" not in filtered.content.decode()

    export = admin_client.get("/admin/snippets/newsletter/subscriber/?export=csv&status=confirmed")
    assert export.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    # The admin speaks French, as the headings do.
    assert [row["E-mail"] for row in rows] == ["reader@example.org"]
    assert rows[0]["Lien de désinscription"].endswith(
        f"/fr/newsletter/unsubscribe/{unsubscribe_token(subscriber)}/"
    )
    # Consent comes from the person: nobody adds or edits an address in the admin.
    assert admin_client.get("/admin/snippets/newsletter/subscriber/add/").status_code in (
        302,
        403,
    )
    edit = admin_client.get(f"/admin/snippets/newsletter/subscriber/edit/{subscriber.pk}/")
    assert edit.status_code in (302, 403)


@pytest.mark.django_db(transaction=True)
def test_with_the_database_queue_the_worker_sends_the_confirmation(
    site, client, settings, tmp_path
):
    """Production configuration: the sign-up is stored and queued; a `run_worker` process
    with the production settings sends the confirmation, then the welcome."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert client.post("/fr/newsletter/", newsletter_data()).status_code == 302
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert Subscriber.objects.get().email == newsletter_data()["email"]  # stored before sending
    assert mail.outbox == []
    env = production_env(tmp_path, f"filecache://{tmp_path / 'cache'}")

    run_worker_batch(env, tmp_path / "worker.log")
    sent = _mail_files(tmp_path)
    assert len(sent) == 1
    confirm = re.search(r"https?://\S+/newsletter/confirm/\S+/", sent[0]).group(0)
    client.post(path_of(confirm))
    run_worker_batch(env, tmp_path / "worker.log")
    assert len(_mail_files(tmp_path)) == 2  # the welcome
    assert DBTaskResult.objects.exclude(status="SUCCESSFUL").count() == 0
    assert Subscriber.objects.get().sync_pending is False  # handed over (CSV: nothing to send)


def _mail_files(tmp_path):
    """The messages the worker wrote with the file e-mail backend, oldest first."""
    folder = tmp_path / "mail"
    if not folder.exists():
        return []
    texts = []
    for path in sorted(folder.iterdir(), key=lambda path: path.stat().st_mtime):
        texts.extend(part for part in path.read_text().split("-" * 79) if "Subject:" in part)
    return texts
