"""Staff decisions: confirming refuses overlaps with confirmed hires and programme events
(repeating ones too), touching slots are fine, two concurrent confirmations of overlapping
requests confirm only one; over-capacity requests are flagged; the requester is told."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import connections
from django.test import TestCase

from rooms import services
from rooms.models import RoomRequest
from tests.rooms_support import (
    add_event,
    at,
    make_request,
    make_user,
    rooms_fixture,  # noqa: F401 - fixture
)


def confirm(hire, user=None):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.confirm(hire.pk, user=user)


def test_confirm_refuses_overlap_with_a_confirmed_hire(rooms):  # noqa: F811
    room = rooms["room"]
    make_request(room, at(10, 14), at(10, 17), status="confirmed")
    overlapping = make_request(room, at(10, 16), at(10, 19))
    with pytest.raises(services.Conflict) as conflict:
        confirm(overlapping)
    assert conflict.value.entries[0].kind == "hire"
    overlapping.refresh_from_db()
    assert overlapping.status == "pending" and mail.outbox == []


def test_adjacent_slots_and_other_rooms_are_fine(rooms):  # noqa: F811
    from programme.models import Room

    room = rooms["room"]
    make_request(room, at(10, 14), at(10, 17), status="confirmed")
    make_request(room, at(10, 9), at(10, 14), status="pending")  # pending blocks nothing
    after = make_request(room, at(10, 17), at(10, 20))
    before = make_request(room, at(10, 10), at(10, 14))
    other_room = Room.objects.create(name="Atelier", slug="atelier", locale=room.locale)
    elsewhere = make_request(other_room, at(10, 15), at(10, 16))
    for hire in (after, before, elsewhere):
        assert confirm(hire).status == "confirmed"
    assert len(mail.outbox) == 3


def test_confirm_refuses_overlap_with_an_event_in_the_room(rooms):  # noqa: F811
    room = rooms["room"]
    add_event(rooms["programme"], "debat", at(12, 19), at(12, 21), room)
    clash = make_request(room, at(12, 20), at(12, 23))
    with pytest.raises(services.Conflict) as conflict:
        confirm(clash)
    assert conflict.value.entries[0].kind == "event"
    assert conflict.value.entries[0].title == "Debat"
    touching = make_request(room, at(12, 21), at(12, 23))
    assert confirm(touching).status == "confirmed"


def test_repeating_event_blocks_each_of_its_dates_but_not_cancelled_ones(rooms):  # noqa: F811
    from programme.models import EventPage, OccurrenceOverride

    room = rooms["room"]
    event = add_event(
        rooms["programme"],
        "cafe-du-mercredi",
        at(3, 9),
        at(3, 11),
        room,
        recurrence_frequency="WEEKLY",
        recurrence_count=10,
    )
    third_week = make_request(room, at(3 + 14, 10), at(3 + 14, 12))
    with pytest.raises(services.Conflict):
        confirm(third_week)
    event = EventPage.objects.get(pk=event.pk)
    OccurrenceOverride.objects.create(
        event=event, date=at(3 + 14, 9).date(), status="cancelled", locale=event.locale
    )
    event.save_revision().publish()
    assert confirm(third_week).status == "confirmed"


def test_admin_confirm_shows_a_clear_message_and_declines_mail(client, rooms):  # noqa: F811
    room = rooms["room"]
    make_request(room, at(10, 14), at(10, 17), status="confirmed", organisation_name="Premiers")
    clash = make_request(room, at(10, 15), at(10, 18), email="late@example.org", language="en")
    client.force_login(make_user("mod", "Moderators"))
    url = f"/admin/snippets/rooms/roomrequest/decide/{clash.pk}/confirm/"
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {"comment": ""}, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Premiers" in text and "Non confirmée" in text
    clash.refresh_from_db()
    assert clash.status == "pending"

    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(
            f"/admin/snippets/rooms/roomrequest/decide/{clash.pk}/decline/",
            {"comment": "Try the following week."},
        )
    clash.refresh_from_db()
    assert clash.status == "declined" and clash.staff_comment == "Try the following week."
    (message,) = mail.outbox
    assert message.to == ["late@example.org"] and "Try the following week." in message.body
    assert "/en/rooms/request/" in message.body


def test_accept_emails_the_requester_and_status_page_says_so(client, rooms):  # noqa: F811
    hire = make_request(rooms["room"], at(10, 14), at(10, 17), email="ada@example.org")
    client.force_login(make_user("mod", "Moderators"))
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(f"/admin/snippets/rooms/roomrequest/decide/{hire.pk}/confirm/", {})
    hire.refresh_from_db()
    assert hire.status == "confirmed" and hire.decided_by.username == "mod"
    (message,) = mail.outbox
    assert message.to == ["ada@example.org"]
    import re

    link = re.search(r"https?://\S+/request/\S+/", message.body).group(0)
    page = client.get(link.replace("http://testserver", ""))
    assert 'data-status="confirmed"' in page.content.decode()


def test_capacity_is_flagged_in_list_and_detail(client, rooms):  # noqa: F811
    crowded = make_request(rooms["room"], at(10, 14), at(10, 17), attendance=80)
    fine = make_request(rooms["room"], at(11, 14), at(11, 17), attendance=50)
    assert crowded.over_capacity and not fine.over_capacity
    client.force_login(make_user("mod", "Moderators"))
    listing = client.get("/admin/snippets/rooms/roomrequest/").content.decode()
    # The admin speaks the site's default language, French.
    assert "80 attendus, la salle en accueille 50" in listing
    detail = client.get(f"/admin/snippets/rooms/roomrequest/inspect/{crowded.pk}/")
    assert detail.status_code == 200
    assert "Capacité dépassée" in detail.content.decode()
    detail = client.get(f"/admin/snippets/rooms/roomrequest/inspect/{fine.pk}/")
    assert "Capacité dépassée" not in detail.content.decode()


def test_two_concurrent_confirmations_of_overlapping_requests(transactional_db, rooms):  # noqa: F811
    """Both staff members check the calendar at the same moment; without the lock both would
    see a free room. The check is slowed down so the two transactions really overlap."""
    room = rooms["room"]
    first = make_request(room, at(10, 14), at(10, 17))
    second = make_request(room, at(10, 16), at(10, 19))
    barrier = threading.Barrier(2)
    outcomes = {}
    real_find = services.find_conflicts

    def slow_find(hire):
        found = real_find(hire)
        threading.Event().wait(0.3)
        return found

    def attempt(hire):
        try:
            barrier.wait()
            services.confirm(hire.pk)
            outcomes[hire.pk] = "confirmed"
        except services.Conflict:
            outcomes[hire.pk] = "conflict"
        except Exception as error:  # noqa: BLE001 - reported below
            outcomes[hire.pk] = repr(error)
        finally:
            connections.close_all()

    services.find_conflicts = slow_find
    try:
        threads = [threading.Thread(target=attempt, args=(h,)) for h in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        services.find_conflicts = real_find
    assert sorted(outcomes.values()) == ["confirmed", "conflict"]
    statuses = sorted(RoomRequest.objects.values_list("status", flat=True))
    assert statuses == ["confirmed", "pending"]


def test_decided_requests_are_not_confirmed_twice(rooms):  # noqa: F811
    hire = make_request(rooms["room"], at(10, 14), at(10, 17))
    confirm(hire)
    with pytest.raises(services.AlreadyDecided):
        confirm(hire)
    assert len(mail.outbox) == 1
    assert dt.timedelta(0) <= dt.datetime.now(dt.UTC) - RoomRequest.objects.get().decided_at
