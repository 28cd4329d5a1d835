"""Places at events with registration on the portal: sign-up, waiting list, cancellation.

Every change to the places of an event runs in one transaction that first locks the event's
row, so concurrent sign-ups queue and never confirm more people than there are places. On
PostgreSQL that is `SELECT ... FOR UPDATE`; SQLite ignores it, but the settings open every
write transaction with BEGIN IMMEDIATE, which serialises writers just the same.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from .choices import EventStatus, OccurrenceStatus, RegistrationMode, RegistrationStatus
from .registrations import Registration
from .tasks import send_registration_email


def source_event(event):
    """The event registrations hang on: the first of its translations (the source page)."""
    return (
        type(event)
        .objects.filter(translation_key=event.translation_key)
        .select_related("room")
        .order_by("pk")
        .first()
    )


def capacity_of(event):
    """The event's own number of places, else its room's; None when neither is known."""
    if event.capacity:
        return event.capacity
    if event.room_id and event.room.capacity:
        return event.room.capacity
    return None


def is_open(event, occurrence):
    """Whether people may sign up (or queue) for `occurrence` now."""
    return (
        event.registration_mode == RegistrationMode.PORTAL
        and occurrence.status in (EventStatus.SCHEDULED, EventStatus.FULL)
        and occurrence.start > timezone.now()
    )


def _lock(event):
    list(type(event).objects.select_for_update(of=("self",)).filter(pk=event.pk).values("pk"))


def _places(event, start):
    return Registration.objects.filter(event=event, occurrence_start=start)


def confirmed_counts(event, starts):
    """Confirmed places by occurrence start, in one query."""
    rows = (
        Registration.objects.filter(
            event=event, occurrence_start__in=starts, status=RegistrationStatus.CONFIRMED
        )
        .values("occurrence_start")
        .annotate(count=Count("pk"))
    )
    return {row["occurrence_start"]: row["count"] for row in rows}


def _fill(event, start, capacity):
    """Confirm people from the waiting list, first come first served, while places are free."""
    registrations = _places(event, start)
    confirmed = registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    free = capacity - confirmed if capacity is not None else None
    if free is not None and free <= 0:
        return []
    waiting = registrations.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")
    promoted = list(waiting[:free] if free is not None else waiting)
    registrations.filter(pk__in=[r.pk for r in promoted]).update(
        status=RegistrationStatus.CONFIRMED, updated_at=timezone.now()
    )
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
    return promoted


def _send_after_commit(registration, kind):
    transaction.on_commit(lambda: send_registration_email.enqueue(registration.pk, kind))


def register(event, occurrence, name, email, language):
    """Sign `email` up for `occurrence`: (registration, created). A second sign-up with the same
    address for the same date returns the first one and takes no other place."""
    event = source_event(event)
    email = email.strip().lower()
    start = occurrence.original_start
    capacity = capacity_of(event)
    with transaction.atomic():
        _lock(event)
        existing = _places(event, start).filter(email=email).first()
        if existing is not None and existing.status != RegistrationStatus.CANCELLED:
            return existing, False
        _fill(event, start, capacity)
        confirmed = _places(event, start).filter(status=RegistrationStatus.CONFIRMED).count()
        has_room = capacity is None or confirmed < capacity
        marked_full = occurrence.status == OccurrenceStatus.FULL
        status = (
            RegistrationStatus.CONFIRMED
            if has_room and not marked_full
            else RegistrationStatus.WAITING
        )
        if existing is not None:  # signing up again after cancelling: back of the queue
            existing.name, existing.status, existing.language = name, status, language
            existing.created_at = timezone.now()
            existing.save()
            registration = existing
        else:
            try:
                with transaction.atomic():
                    registration = Registration.objects.create(
                        event=event,
                        occurrence_start=start,
                        name=name,
                        email=email,
                        status=status,
                        language=language,
                    )
            except IntegrityError:  # only without the lock (a database that ignores it)
                return _places(event, start).get(email=email), False
    _send_after_commit(registration, status)
    return registration, True


def cancel(registration):
    """Cancel a registration and give its place to the first person waiting (who is told)."""
    event = source_event(registration.event)
    with transaction.atomic():
        _lock(event)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration, []
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        promoted = _fill(event, registration.occurrence_start, capacity_of(event))
    for other in promoted:
        _send_after_commit(other, "promoted")
    return registration, promoted
