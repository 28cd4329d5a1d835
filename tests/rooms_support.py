"""Shared set-up for the room-hire tests: a room with its pages in both languages, a
programme for events in it, the request form's data and staff users."""

import datetime as dt
import time
import uuid
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from publicforms.defences import issue_started_token

PARIS = ZoneInfo("Europe/Paris")
PASSWORD = "correct-horse-battery"


@pytest.fixture(name="rooms")
def rooms_fixture(site_tree, translate):
    from programme.models import ProgrammePage, Room
    from rooms.models import RoomPage, RoomsIndexPage

    cache.clear()  # the rate limiter counts in the cache
    fr, en = site_tree["locales"]["fr"], site_tree["locales"]["en"]
    room = Room.objects.create(
        name="Salle du belvédère",
        slug="belvedere",
        capacity=50,
        step_free_access=True,
        access_information="De plain-pied depuis le parc.",
        locale=fr,
    )
    room_en = translate(
        room,
        en,
        {"Salle du belvédère": "Belvedere room", "De plain-pied depuis le parc.": "Step-free."},
    )
    index = RoomsIndexPage(title="Salles", slug="salles", locale=fr)
    site_tree["fr"].add_child(instance=index)
    index.save_revision().publish()
    index_en = translate(index, en, {"Salles": "Rooms", "salles": "rooms"})
    page = RoomPage(
        title="Salle du belvédère",
        slug="salle-du-belvedere",
        room=room,
        equipment="Vidéoprojecteur",
        price_half_day=Decimal("150.00"),
        price_day=Decimal("260.00"),
        locale=fr,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page_en = translate(
        page,
        en,
        {
            "Salle du belvédère": "Belvedere room",
            "salle-du-belvedere": "belvedere-room",
            "Vidéoprojecteur": "Video projector",
        },
    )
    programme = ProgrammePage(title="Programme", slug="programme", locale=fr)
    site_tree["fr"].add_child(instance=programme)
    programme.save_revision().publish()
    yield {
        "room": room,
        "room_en": room_en,
        "index": index,
        "index_en": index_en,
        "page": page,
        "page_en": page_en,
        "programme": programme,
        "site": site_tree,
    }
    cache.clear()


def at(days, hour, minute=0):
    """An aware Paris time `days` from today."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), PARIS)


def request_data(**overrides):
    start = at(14, 18)
    data = {
        "room": "belvedere",
        "organisation": "",
        "organisation_name": "Atelier Citoyen",
        "contact_name": "Ada Lovelace",
        "email": "ada@example.org",
        "purpose": "Assemblée générale de l’association.",
        "start": start.strftime("%Y-%m-%dT%H:%M"),
        "end": (start + dt.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
        "attendance": "30",
        "needs": "Un micro.",
        "idempotency_token": str(uuid.uuid4()),
        "started": issue_started_token(time.time() - 60),
        "homepage": "",
    }
    data.update(overrides)
    return data


def form_url(rooms, language="fr"):
    index = rooms["index"] if language == "fr" else rooms["index_en"]
    return index.url + index.reverse_subpage("request")


def post(client, url, data, **kwargs):
    """A POST whose after-commit work (the e-mail tasks) runs."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data, **kwargs)


def make_request(room, start, end, status="pending", attendance=20, **fields):
    from rooms.models import RoomRequest

    fields.setdefault("organisation_name", "Collectif")
    fields.setdefault("contact_name", "Sam")
    fields.setdefault("email", "sam@example.org")
    fields.setdefault("purpose", "Réunion")
    return RoomRequest.objects.create(
        room=room, start=start, end=end, status=status, attendance=attendance, **fields
    )


def add_event(programme, slug, start, end, room, **fields):
    from programme.models import EventPage

    event = EventPage(
        title=slug.replace("-", " ").capitalize(),
        slug=slug,
        start=start,
        end=end,
        room=room,
        locale=programme.locale,
        **fields,
    )
    programme.add_child(instance=event)
    event.save_revision().publish()
    return event


def make_user(username, group_name=None, superuser=False):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user_model = get_user_model()
    if superuser:
        return user_model.objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    user = user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user
