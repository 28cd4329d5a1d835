"""Staff's side: who reaches the requests and the room calendar, what the calendar shows,
and the private room feed (right token: events and confirmed hires; wrong token: 404)."""

import icalendar
import pytest
from django.test import Client

from rooms.models import RoomFeed
from tests.rooms_support import (
    add_event,
    at,
    make_request,
    make_user,
    rooms_fixture,  # noqa: F401 - fixture
)

LISTING = "/admin/snippets/rooms/roomrequest/"
CALENDAR = "/admin/room-calendar/"


def test_anonymous_visitors_reach_no_admin_view(client, rooms):  # noqa: F811
    hire = make_request(rooms["room"], at(10, 14), at(10, 17))
    for url in (LISTING, f"{LISTING}inspect/{hire.pk}/", CALENDAR):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    response = client.post(f"{LISTING}decide/{hire.pk}/confirm/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    hire.refresh_from_db()
    assert hire.status == "pending"


@pytest.mark.parametrize(("group", "can_decide"), [("Moderators", True), ("Editors", False)])
def test_roles(client, rooms, group, can_decide):  # noqa: F811
    hire = make_request(rooms["room"], at(10, 14), at(10, 17))
    client.force_login(make_user("staff", group))
    assert client.get(LISTING).status_code == 200
    assert client.get(CALENDAR).status_code == 200
    inspect = client.get(f"{LISTING}inspect/{hire.pk}/").content.decode()
    assert ("decide/" in inspect) is can_decide
    response = client.post(f"{LISTING}decide/{hire.pk}/confirm/")
    hire.refresh_from_db()
    assert (hire.status == "confirmed") is can_decide
    if not can_decide:
        assert response.status_code in (302, 403)
    assert client.get(f"{LISTING}add/").status_code in (302, 403)  # requests come from the public


def test_staff_without_a_role_see_nothing(client, rooms, django_user_model):  # noqa: F811
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("nobody", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(CALENDAR).status_code in (302, 403)
    assert client.get(LISTING).status_code in (302, 403)


def test_calendar_lists_events_and_hires_of_the_room(client, rooms):  # noqa: F811
    room = rooms["room"]
    add_event(rooms["programme"], "debat-public", at(5, 19), at(5, 21), room)
    add_event(
        rooms["programme"],
        "cafe-hebdo",
        at(6, 9),
        at(6, 10),
        room,
        recurrence_frequency="WEEKLY",
        recurrence_count=3,
    )
    make_request(room, at(5, 14), at(5, 17), status="confirmed", organisation_name="Confirmés")
    make_request(room, at(5, 10), at(5, 12), status="declined", organisation_name="Refusés")
    client.force_login(make_user("mod", "Moderators"))
    day = at(5, 0)
    response = client.get(CALENDAR, {"room": room.pk, "month": f"{day:%Y-%m}"})
    text = response.content.decode()
    assert "Debat public" in text and "Confirmés" in text and "Refusés" not in text
    week = client.get(CALENDAR, {"room": room.pk, "view": "week", "week": f"{at(13, 0):%Y-%m-%d}"})
    assert week.content.decode().count("Cafe hebdo") == 1


def test_private_feed(client, rooms):  # noqa: F811
    room = rooms["room"]
    add_event(rooms["programme"], "debat-public", at(5, 19), at(5, 21), room)
    make_request(room, at(6, 14), at(6, 17), status="confirmed", organisation_name="Confirmés")
    make_request(room, at(7, 14), at(7, 17), status="pending", organisation_name="En attente")
    feed = RoomFeed.objects.create(room=room)
    response = client.get(f"/fr/room-calendar/{feed.calendar_token}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "no-store" in response["Cache-Control"]
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = {str(event["summary"]) for event in calendar.walk("VEVENT")}
    assert summaries == {"Debat public", "Confirmés"}
    hire = next(e for e in calendar.walk("VEVENT") if str(e["summary"]) == "Confirmés")
    assert hire.decoded("dtstart") == at(6, 14)

    assert client.get("/fr/room-calendar/wrong-token/").status_code == 404
    assert client.get(f"/fr/room-calendar/{feed.calendar_token}x/").status_code == 404


def test_regenerated_feed_address_replaces_the_old_one(client, rooms):  # noqa: F811
    room = rooms["room"]
    feed = RoomFeed.objects.create(room=room)
    old = feed.calendar_token
    moderator = Client()
    moderator.force_login(make_user("mod", "Moderators"))
    page = moderator.get(CALENDAR, {"room": room.pk}).content.decode()
    assert old in page
    moderator.post(f"{CALENDAR}{room.pk}/new-address/")
    feed.refresh_from_db()
    assert feed.calendar_token != old
    assert client.get(f"/fr/room-calendar/{old}/").status_code == 404
    assert client.get(f"/en/room-calendar/{feed.calendar_token}/").status_code == 200


def test_inspect_shows_paris_time(client, rooms):  # noqa: F811
    hire = make_request(rooms["room"], at(10, 19), at(10, 21, 30))
    client.force_login(make_user("mod", "Moderators"))
    text = client.get(f"{LISTING}inspect/{hire.pk}/").content.decode()
    assert "19:00" in text  # Paris time, French admin
    assert "21:30" in text


def test_unknown_action_and_overlong_message_change_nothing(client, rooms):  # noqa: F811
    hire = make_request(rooms["room"], at(10, 14), at(10, 17))
    client.force_login(make_user("mod", "Moderators"))
    # A 404, which the language middleware turns into a redirect to a prefixed address.
    assert client.post(f"{LISTING}decide/{hire.pk}/publish/").status_code in (302, 404)
    hire.refresh_from_db()
    assert hire.status == "pending"
    response = client.post(f"{LISTING}decide/{hire.pk}/confirm/", {"comment": "x" * 2001})
    assert response.status_code == 302
    hire.refresh_from_db()
    assert hire.status == "pending" and hire.staff_comment == ""
