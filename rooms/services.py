"""What happens to a hire request: stored, checked against the room's calendar, decided.

A room's calendar is its confirmed hires and the occurrences of the programme's events in it
(repeating events expanded, cancelled dates left out). Confirming a request locks the room's
row inside a transaction, then checks the calendar, then writes: two staff members confirming
overlapping requests at the same moment queue on the lock and the second one is refused. On
PostgreSQL the lock is `SELECT ... FOR UPDATE`; SQLite ignores it, but the settings open every
write transaction with BEGIN IMMEDIATE, which serialises writers just the same.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from programme.models import EventPage, Room
from programme.queries import overlapping
from publicforms.defences import hash_address

from .choices import RequestStatus
from .hires import RoomRequest
from .tasks import send_request_email


class Conflict(Exception):
    """The request overlaps something already in the room's calendar."""

    def __init__(self, entries):
        super().__init__(", ".join(str(entry) for entry in entries))
        self.entries = entries


class AlreadyDecided(Exception):
    """The request was confirmed or declined in the meantime."""


@dataclass
class CalendarEntry:
    """One busy slot of a room: an event occurrence or a hire (confirmed or not)."""

    kind: str  # "event" or "hire"
    title: str
    start: object
    end: object
    url: str = ""
    status: str = ""
    uid: str = ""
    hire: object = None

    def __str__(self):
        local = timezone.localtime
        return f"{self.title} ({local(self.start):%Y-%m-%d %H:%M}–{local(self.end):%H:%M})"


def source_room(room):
    """The room in the default language, which requests and feeds hang on."""
    if room is None:
        return None
    default = Locale.get_default()
    if room.locale_id == default.pk:
        return room
    return Room.objects.filter(translation_key=room.translation_key, locale=default).first() or room


def event_entries(room, after, before, locale=None, request=None):
    """Occurrences of live events in `room` (any language, counted once) between the bounds."""
    locale = locale or Locale.get_default()
    events = (
        EventPage.objects.live()
        .filter(room__translation_key=room.translation_key)
        .select_related("locale", "room")
        .prefetch_related("occurrence_overrides")
        .order_by("pk")
    )
    chosen = {}
    for event in overlapping(events, after, before):
        # One event per translation key: the one in `locale` if it exists, else the first.
        if event.translation_key not in chosen or event.locale_id == locale.pk:
            chosen[event.translation_key] = event
    entries = []
    for event in chosen.values():
        for occurrence in event.occurrences_between(after, before, request):
            if occurrence.is_cancelled:
                continue
            entries.append(
                CalendarEntry(
                    kind="event",
                    title=occurrence.title,
                    start=occurrence.start,
                    end=occurrence.end,
                    url=occurrence.url,
                    status=occurrence.status,
                    uid=f"event-{event.translation_key}-{occurrence.key}@halles-civiques",
                )
            )
    return entries


def hire_entries(room, after, before, statuses=(RequestStatus.CONFIRMED,), exclude=None):
    hires = (
        RoomRequest.objects.filter(
            room__translation_key=room.translation_key,
            status__in=statuses,
            start__lt=before,
            end__gt=after,
        )
        .exclude(pk=getattr(exclude, "pk", None))
        .order_by("start")
    )
    return [
        CalendarEntry(
            kind="hire",
            title=hire.organisation_name,
            start=hire.start,
            end=hire.end,
            status=hire.status,
            uid=f"room-hire-{hire.pk}@halles-civiques",
            hire=hire,
        )
        for hire in hires
    ]


def room_calendar(room, after, before, locale=None, request=None, include_pending=False):
    """Events and hires of `room` overlapping [after, before), in time order."""
    statuses = [RequestStatus.CONFIRMED]
    if include_pending:
        statuses.append(RequestStatus.PENDING)
    entries = event_entries(room, after, before, locale, request) + hire_entries(
        room, after, before, statuses
    )
    entries.sort(key=lambda entry: (entry.start, entry.title))
    return entries


def find_conflicts(hire):
    """What already occupies the room while `hire` would (touching ends do not count)."""
    if hire.room_id is None:
        return []
    room = hire.room
    return event_entries(room, hire.start, hire.end) + hire_entries(
        room, hire.start, hire.end, exclude=hire
    )


def create_request(form, http_request, index_page):
    """Store the request (one transaction); the e-mails leave once it is committed."""
    data = form.cleaned_data
    organisation = data.get("organisation")
    with transaction.atomic():
        hire = RoomRequest.objects.create(
            room=source_room(data["room"]),
            organisation=organisation,
            organisation_name=data.get("organisation_name") or organisation.title,
            contact_name=data["contact_name"],
            email=data["email"].strip().lower(),
            purpose=data["purpose"],
            start=data["start"],
            end=data["end"],
            attendance=data["attendance"],
            needs=data.get("needs", ""),
            language=index_page.locale.language_code,
            idempotency_token=data["idempotency_token"],
            origin_ip_hash=hash_address(http_request),
        )
        transaction.on_commit(lambda: send_request_email.enqueue(hire.pk, "received"))
        transaction.on_commit(lambda: send_request_email.enqueue(hire.pk, "staff_new"))
    return hire


def _lock_room(room_id):
    list(Room.objects.select_for_update().filter(pk=room_id).values("pk"))


def confirm(hire_id, user=None, comment=None):
    """Confirm a pending request, or raise Conflict / AlreadyDecided; tells the requester."""
    with transaction.atomic():
        room_id = RoomRequest.objects.values_list("room_id", flat=True).get(pk=hire_id)
        if room_id is not None:
            _lock_room(room_id)
        hire = (
            RoomRequest.objects.select_for_update(of=("self",))
            .select_related("room")
            .get(pk=hire_id)
        )
        if hire.status != RequestStatus.PENDING:
            raise AlreadyDecided(hire.get_status_display())
        clashes = find_conflicts(hire)
        if clashes:
            raise Conflict(clashes)
        _decide(hire, RequestStatus.CONFIRMED, user, comment)
        transaction.on_commit(lambda: send_request_email.enqueue(hire.pk, "confirmed"))
    return hire


def decline(hire_id, user=None, comment=None):
    """Decline a pending (or cancel a confirmed) request; tells the requester."""
    with transaction.atomic():
        hire = RoomRequest.objects.select_for_update().get(pk=hire_id)
        if hire.status == RequestStatus.DECLINED:
            raise AlreadyDecided(hire.get_status_display())
        _decide(hire, RequestStatus.DECLINED, user, comment)
        transaction.on_commit(lambda: send_request_email.enqueue(hire.pk, "declined"))
    return hire


def _decide(hire, status, user, comment):
    hire.status = status
    hire.decided_at = timezone.now()
    hire.decided_by = user if user is not None and user.is_authenticated else None
    fields = ["status", "decided_at", "decided_by", "updated"]
    if comment is not None:
        hire.staff_comment = comment
        fields.append("staff_comment")
    hire.save(update_fields=fields)
