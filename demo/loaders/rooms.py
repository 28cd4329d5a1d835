"""Room hire: the rooms index, a page per room of the halls, two requests, the room feeds."""

import datetime as dt
from importlib import import_module

from django.apps import apps
from django.utils import timezone

from directory.models import OrganisationPage
from languages.translation import translate
from programme.models import Room
from programme.recurrence import local_zone
from rooms.models import RoomFeed, RoomPage, RoomPhoto, RoomRequest, RoomsIndexPage

from .. import factories
from ..data import rooms as data
from ..images import illustration

# The role migration's module name starts with a digit: only import_module can load it.
STAFF_PERMISSIONS = "rooms.migrations.0002_staff_permissions"


def rooms_index(demo):
    return demo.child_page(
        demo.home_fr,
        RoomsIndexPage,
        "salles",
        data.INDEX_GLOSSARY,
        title="Salles",
        introduction=data.INTRODUCTION,
        conditions=f"<p>{data.CONDITIONS}</p><p>{data.CONDITIONS_2}</p>",
    )


def _room_page(demo, index, spec):
    slug, en_slug, title, intro, equipment, conditions, caption, half, day, scene = spec
    room = Room.objects.filter(locale=demo.fr, slug=slug).first()
    if room is None:
        return None
    page = RoomPage.objects.child_of(index).filter(slug=slug, locale=demo.fr).first()
    if page is None:
        photo = RoomPhoto(
            image=illustration(f"Salle {title[0]}", scene), caption=caption[0], locale=demo.fr
        )
        page = factories.child_page(
            index,
            RoomPage,
            slug=slug,
            locale=demo.fr,
            title=title[0],
            room=room,
            introduction=intro[0],
            equipment=equipment[0],
            hire_conditions=f"<p>{conditions[0]}</p>",
            price_half_day=half,
            price_day=day,
            photos=[photo],
        )
        demo.note(f"RoomPage {slug}")
    if page.get_translation_or_none(demo.en) is None:
        # wagtail-localize offers a multi-line text as one segment with <br/> for line breaks.
        lines = tuple(text.replace("\n", "<br/>") for text in equipment)
        translate(page, demo.en, dict([(slug, en_slug), title, intro, lines, conditions, caption]))
        demo.note(f"RoomPage {slug} (en)")
    return page


def _request(demo, spec, today):
    room = Room.objects.filter(locale=demo.fr, slug=spec["room"]).first()
    if room is None:
        return
    day = today + dt.timedelta(days=spec["days_ahead"])
    (start_h, start_m), (end_h, end_m) = spec["hours"]
    organisation = None
    if spec["organisation"]:
        organisation = OrganisationPage.objects.filter(
            locale=demo.fr, slug=spec["organisation"]
        ).first()
    RoomRequest.objects.create(
        idempotency_token=spec["key"],
        room=room,
        organisation=organisation,
        organisation_name=spec["organisation_name"],
        contact_name=spec["contact_name"],
        email=spec["email"],
        purpose=spec["purpose"],
        needs=spec["needs"],
        start=dt.datetime.combine(day, dt.time(start_h, start_m), local_zone()),
        end=dt.datetime.combine(day, dt.time(end_h, end_m), local_zone()),
        attendance=spec["attendance"],
        status=spec["status"],
        language=spec["language"],
        decided_at=timezone.now() if spec["status"] == "confirmed" else None,
    )
    demo.note(f"RoomRequest {spec['organisation_name']}")


def load(demo):
    # The submissions loader resets the roles on a flushed database: add room hire back.
    import_module(STAFF_PERMISSIONS).grant(apps)
    index = rooms_index(demo)
    for spec in data.ROOM_PAGES:
        _room_page(demo, index, spec)
    today = timezone.localdate()
    for spec in data.REQUESTS:
        if not RoomRequest.objects.filter(idempotency_token=spec["key"]).exists():
            _request(demo, spec, today)
    for room in Room.objects.filter(locale=demo.fr):
        _feed, created = RoomFeed.objects.get_or_create(room=room)
        if created:
            demo.note(f"RoomFeed {room.slug}")
    # The home demo's "Louer une salle" entry leads to the rooms themselves once they exist.
    demo.menu_entry(index, "salles", replacing="louer-une-salle")
    return index
