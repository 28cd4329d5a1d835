"""Registration on the portal: places, waiting list, e-mails with a private cancel link, and
capacity that holds when many people sign up at the same moment."""

import datetime as dt
import re
import threading
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connections
from django.test import Client, TestCase
from django.utils import timezone

from programme.models import EventPage, Registration, Room
from tests.test_programme_pages import add_event, programme  # noqa: F401 - fixture

PARIS = ZoneInfo("Europe/Paris")


def next_week(hour=18):
    day = timezone.localdate() + dt.timedelta(days=7)
    return dt.datetime.combine(day, dt.time(hour), PARIS)


def portal_event(parent, slug="atelier", capacity=2, en=False, **fields):
    return add_event(
        parent,
        slug,
        fields.pop("start", next_week()),
        en=en,
        registration_mode="portal",
        capacity=capacity,
        **fields,
    )


def post(client, url, data=None, **kwargs):
    """A POST whose after-commit work (the e-mail task) runs, as it does outside a test's
    never-committed transaction."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data or {}, **kwargs)


def sign_up(client, event, name, email, occurrence=None, **extra):
    if occurrence is None:
        occurrence = event.next_occurrences(limit=1)[0].key
    data = {"occurrence": occurrence, "name": name, "email": email, "website": "", **extra}
    return post(client, event.url, data, follow=True)


def cancel_link(message):
    return re.search(r"https?://\S+/registration/\S+/", message.body).group(0)


def places(event, status):
    return Registration.objects.filter(event=event, status=status).count()


def test_sign_up_confirms_then_waits_and_emails_a_cancel_link(client, programme):  # noqa: F811
    event = portal_event(programme)
    page = client.get(event.url)
    form = BeautifulSoup(page.content, "html.parser").select_one("#registration form")
    assert form is not None and form.select_one("input[name=website]") is not None
    assert "2 places left" in form.get_text() or "2 places restantes" in form.get_text()

    response = sign_up(client, event, "Ada", "Ada@Example.org")
    assert response.status_code == 200
    assert places(event, "confirmed") == 1
    (message,) = mail.outbox
    assert message.to == ["ada@example.org"] and "Ada" in message.body
    assert event.title in message.subject
    assert cancel_link(message).startswith(f"http://testserver{event.url}registration/")

    sign_up(client, event, "Bob", "bob@example.org")
    sign_up(client, event, "Cy", "cy@example.org")
    assert places(event, "confirmed") == 2 and places(event, "waiting") == 1
    assert len(mail.outbox) == 3
    assert Registration.objects.get(email="cy@example.org").status == "waiting"


def test_double_submission_takes_one_place(client, programme):  # noqa: F811
    event = portal_event(programme)
    sign_up(client, event, "Ada", "ada@example.org")
    response = sign_up(client, event, "Ada again", "ADA@example.org ")
    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 1
    text = BeautifulSoup(response.content, "html.parser").select_one("#registration").get_text()
    assert "already registered" in text or "déjà inscrite" in text


def test_bad_input_and_honeypot_store_nothing(client, programme):  # noqa: F811
    event = portal_event(programme)
    key = event.next_occurrences(limit=1)[0].key
    for data in (
        {"occurrence": key, "name": "", "email": "nobody"},
        {"occurrence": "20000101T000000Z", "name": "Ada", "email": "ada@example.org"},
        {"occurrence": key, "name": "Bot", "email": "bot@example.org", "website": "spam"},
    ):
        response = client.post(event.url, data)
        assert response.status_code == 200
        assert BeautifulSoup(response.content, "html.parser").select(".errorlist")
    assert Registration.objects.count() == 0 and mail.outbox == []


def test_capacity_from_the_room_and_per_occurrence(client, programme):  # noqa: F811
    room = Room.objects.create(name="Atelier", slug="atelier", capacity=1, locale=programme.locale)
    event = portal_event(
        programme,
        capacity=None,
        room=room,
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=[],
        recurrence_count=3,
    )
    first, second, _third = event.next_occurrences()
    sign_up(client, event, "Ada", "ada@example.org", occurrence=first.key)
    sign_up(client, event, "Bob", "bob@example.org", occurrence=first.key)
    sign_up(client, event, "Bob", "bob@example.org", occurrence=second.key)
    by_date = {
        (r.occurrence_start, r.email): r.status for r in Registration.objects.filter(event=event)
    }
    assert by_date == {
        (first.start, "ada@example.org"): "confirmed",
        (first.start, "bob@example.org"): "waiting",
        (second.start, "bob@example.org"): "confirmed",
    }
    options = BeautifulSoup(client.get(event.url).content, "html.parser").select(
        "select[name=occurrence] option"
    )
    assert len(options) == 3
    assert "waiting list" in options[0].get_text() or "liste d’attente" in options[0].get_text()


def test_english_page_shares_the_places_and_writes_in_english(client, programme):  # noqa: F811
    event = portal_event(programme, capacity=1, en=True)
    english = EventPage.objects.get(
        translation_key=event.translation_key, locale__language_code="en"
    )
    sign_up(client, event, "Ada", "ada@example.org")
    sign_up(client, english, "Bob", "bob@example.org")
    assert Registration.objects.filter(event=event).count() == 2
    assert places(event, "waiting") == 1
    assert "waiting list" in mail.outbox[1].subject
    assert english.url in mail.outbox[1].body


def test_cancel_link_frees_the_place_for_the_first_waiting(client, programme):  # noqa: F811
    event = portal_event(programme, capacity=1)
    sign_up(client, event, "Ada", "ada@example.org")
    sign_up(client, event, "Bob", "bob@example.org")
    sign_up(client, event, "Cy", "cy@example.org")
    link = cancel_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200 and "Ada" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert places(event, "confirmed") == 1  # a GET (a mail scanner) cancels nothing
    mail.outbox.clear()
    post(client, link)
    assert Registration.objects.get(email="ada@example.org").status == "cancelled"
    assert Registration.objects.get(email="bob@example.org").status == "confirmed"
    assert Registration.objects.get(email="cy@example.org").status == "waiting"
    (promoted,) = mail.outbox
    assert promoted.to == ["bob@example.org"]
    post(client, link)  # twice: nothing more happens
    assert places(event, "confirmed") == 1 and len(mail.outbox) == 1


@pytest.mark.parametrize("suffix", ["registration/forged/", "registration/WzEsImFiYyJd/"])
def test_forged_cancel_links_are_not_found(client, programme, suffix):  # noqa: F811
    event = portal_event(programme)
    sign_up(client, event, "Ada", "ada@example.org")
    assert client.get(event.url + suffix).status_code == 404
    assert client.post(event.url + suffix).status_code == 404


def test_registrations_are_for_staff_only(client, programme, admin_user, django_user_model):  # noqa: F811
    event = portal_event(programme)
    sign_up(client, event, "Ada", "ada@example.org")
    assert "ada@example.org" not in client.get(event.url).content.decode()

    listing = "/admin/snippets/programme/registration/"
    assert client.get(listing).status_code == 302  # to the login page

    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", password="x" * 12, is_staff=False)
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_registration"),
    )
    client.force_login(editor)
    assert client.get(listing).status_code in (302, 403)

    client.force_login(admin_user)
    assert "ada@example.org" in client.get(listing).content.decode()
    export = client.get(listing + "?export=csv")
    assert export.status_code == 200
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "ada@example.org" in body and "confirmed" in body.lower() or "Confirm" in body
    assert client.get(listing + "add/").status_code in (302, 403)


def test_fifty_concurrent_sign_ups_for_ten_places(transactional_db, programme):  # noqa: F811
    event = portal_event(programme, capacity=10)
    key = event.next_occurrences(limit=1)[0].key
    barrier = threading.Barrier(50)
    errors = []

    def attempt(n):
        try:
            barrier.wait()
            response = Client().post(
                event.url,
                {"occurrence": key, "name": f"P{n}", "email": f"p{n}@example.org"},
            )
            if response.status_code != 302:
                errors.append(response.status_code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert places(event, "confirmed") == 10
    assert places(event, "waiting") == 40
    assert len(mail.outbox) == 50

    first_waiting = (
        Registration.objects.filter(event=event, status="waiting")
        .order_by("created_at", "pk")
        .first()
    )
    confirmed = Registration.objects.filter(event=event, status="confirmed").first()
    mail.outbox.clear()
    from programme import places as allocation

    allocation.cancel(confirmed)
    first_waiting.refresh_from_db()
    assert first_waiting.status == "confirmed"
    assert places(event, "confirmed") == 10 and places(event, "waiting") == 39
    (message,) = mail.outbox
    assert message.to == [first_waiting.email]
