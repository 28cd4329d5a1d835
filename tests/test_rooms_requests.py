"""The public request form: stored before any e-mail, a private status link that works (and
refuses wrong or expired tokens), bad input given back with a message and nothing stored."""

import datetime as dt
import time
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache

from publicforms.defences import issue_started_token
from rooms.models import RoomRequest
from tests.rooms_support import (
    at,
    form_url,
    post,
    request_data,
    rooms_fixture,  # noqa: F401 - fixture
)


def status_link(message):
    import re

    return re.search(r"https?://\S+/request/\S+/", message.body).group(0)


def test_request_is_stored_emailed_and_followed_by_link(client, rooms, settings):  # noqa: F811
    settings.PORTAL_STAFF_EMAILS = ["staff@example.org"]
    response = post(client, form_url(rooms, "en"), request_data(email="Ada@Example.org"))
    assert response.status_code == 302
    hire = RoomRequest.objects.get()
    assert hire.room == rooms["room"] and hire.status == "pending"
    assert hire.email == "ada@example.org" and hire.language == "en"
    assert hire.start == at(14, 18) and hire.end == at(14, 21)
    assert response["Location"].startswith("/en/rooms/request/")

    requester, staff = sorted(mail.outbox, key=lambda m: m.to != ["ada@example.org"])
    assert requester.to == ["ada@example.org"] and "Belvedere room" in requester.subject
    assert staff.to == ["staff@example.org"] and "Atelier Citoyen" in staff.subject
    assert "/admin/snippets/rooms/roomrequest/inspect/" in staff.body
    link = status_link(requester)
    assert "/request/" not in staff.body.replace("/admin/", "")  # the private link stays private

    page = client.get(link.replace("http://testserver", ""))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"] and page["X-Robots-Tag"] == "noindex"
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.select_one("[data-status]")["data-status"] == "pending"
    assert "Atelier Citoyen" in soup.get_text()


def test_request_is_stored_even_when_the_email_task_fails(client, rooms):  # noqa: F811
    with mock.patch("rooms.tasks.render_email", side_effect=RuntimeError("mail down")):
        response = post(client, form_url(rooms), request_data())
    assert response.status_code == 302
    assert RoomRequest.objects.count() == 1
    assert mail.outbox == []
    assert client.get(response["Location"]).status_code == 200


def test_directory_entry_can_name_the_organisation(client, rooms):  # noqa: F811
    from tests import factories

    directory = factories.directory_index(rooms["site"]["fr"])
    organisation = factories.organisation(directory, "Les Co-citoyens")
    data = request_data(organisation=str(organisation.pk), organisation_name="")
    assert post(client, form_url(rooms), data).status_code == 302
    hire = RoomRequest.objects.get()
    assert hire.organisation == organisation and hire.organisation_name == "Les Co-citoyens"


@pytest.mark.parametrize(
    "token",
    ["forged", "MS5hYmM6eHh4Onl5eQ", "bm90LWJhc2U2NA"],
)
def test_wrong_token_is_not_found(client, rooms, token):  # noqa: F811
    post(client, form_url(rooms), request_data())
    response = client.get(f"/fr/salles/request/{token}/")
    assert response.status_code == 404


def test_expired_and_revoked_links_are_not_found(client, rooms, settings):  # noqa: F811
    response = post(client, form_url(rooms), request_data())
    link = response["Location"].split("?")[0]
    assert client.get(link).status_code == 200
    with mock.patch("time.time", return_value=time.time() + 181 * 24 * 3600):
        assert client.get(link).status_code == 404
    RoomRequest.objects.get().revoke_link()
    assert client.get(link).status_code == 404


def _past(hours):
    return (at(0, 0) - dt.timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end": at(14, 17).strftime("%Y-%m-%dT%H:%M")}, "end"),  # before the start
        ({"end": at(14, 18).strftime("%Y-%m-%dT%H:%M")}, "end"),  # equal to the start
        ({"start": _past(30), "end": _past(28)}, "start"),
        ({"attendance": "0"}, "attendance"),
        ({"attendance": "-5"}, "attendance"),
        ({"attendance": "9999999"}, "attendance"),
        ({"attendance": "lots"}, "attendance"),
        ({"purpose": "x" * 2001}, "purpose"),
        ({"contact_name": "x" * 151}, "contact_name"),
        ({"needs": "x" * 2001}, "needs"),
        ({"email": "not-an-address"}, "email"),
        ({"organisation_name": ""}, "organisation_name"),
        ({"room": "no-such-room"}, "room"),
        ({"start": "yesterday-ish"}, "start"),
    ],
)
def test_bad_input_gives_the_form_again_and_stores_nothing(
    client,
    rooms,  # noqa: F811
    overrides,
    field,
):
    response = post(client, form_url(rooms, "en"), request_data(**overrides))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#error-summary") is not None
    assert soup.select_one(f"[name={field}]").find_parent(class_="form-field--error") is not None
    assert RoomRequest.objects.count() == 0 and mail.outbox == []


@pytest.mark.parametrize(
    "overrides",
    [
        {"homepage": "http://spam.example"},
        {"started": "now"},  # sent at once
        {"started": "forged"},
    ],
)
def test_bots_get_the_form_again_and_store_nothing(client, rooms, overrides):  # noqa: F811
    if overrides.get("started") == "now":
        overrides = {"started": issue_started_token(time.time())}
    response = post(client, form_url(rooms, "en"), request_data(**overrides))
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select_one("#error-summary")
    assert RoomRequest.objects.count() == 0


def test_rate_limit_answers_429(client, rooms, settings):  # noqa: F811
    settings.PORTAL_FORM_RATE = "2/h"
    cache.clear()
    url = form_url(rooms)
    for _n in range(2):
        assert post(client, url, request_data()).status_code == 302
    response = post(client, url, request_data())
    assert response.status_code == 429 and RoomRequest.objects.count() == 2


def test_user_input_is_escaped_on_the_status_page(client, rooms):  # noqa: F811
    data = request_data(organisation_name="<img src=x onerror=alert(1)>")
    response = post(client, form_url(rooms), data)
    body = client.get(response["Location"]).content.decode()
    assert "<img src=x" not in body and "&lt;img src=x" in body


def test_form_preselects_the_room_and_carries_defences(client, rooms):  # noqa: F811
    response = client.get(form_url(rooms, "en") + "?room=belvedere")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("select[name=room] option[selected]")["value"] == "belvedere"
    assert soup.select_one("input[name=homepage]") is not None
    assert soup.select_one("input[name=started]") is not None
    assert soup.select_one("textarea[name=purpose]")["maxlength"] == "2000"


def test_dead_mail_server_keeps_the_emails_for_later(client, rooms, settings):  # noqa: F811
    from django.core.management import call_command

    from outbox.models import OutgoingEmail

    settings.PORTAL_STAFF_EMAILS = ["staff@example.org"]
    with mock.patch(
        "django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("connection refused")
    ):
        response = post(client, form_url(rooms), request_data())
    assert response.status_code == 302 and RoomRequest.objects.count() == 1
    waiting = OutgoingEmail.objects.filter(sent_at__isnull=True)
    assert waiting.count() == 2 and all(email.attempts == 1 for email in waiting)
    call_command("send_submission_emails", verbosity=0)
    assert OutgoingEmail.objects.filter(sent_at__isnull=True).count() == 0
    assert len(mail.outbox) == 2
