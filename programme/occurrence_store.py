"""The dates of repeating and changed events, expanded when an event is published and stored.

Listings read an event's dates from here instead of expanding its rule on each request
(issue 17). Each stored date names the live revision it was expanded from, and each event's
span says which window was expanded: a listing trusts the stored dates only for an event whose
span matches its live revision and covers the listing's window, and expands the others as
before. A missed signal or a stale row therefore costs time, never a wrong date.

Written on publish (programme.signals) and once a day for spans coming to their end
(`manage.py store_occurrences`, in PORTAL_SCHEDULE). One-off events without a changed date
need nothing stored: their date is on their row.
"""

import datetime as dt
import logging

from django.db import models, transaction
from django.utils import timezone

from .overrides import OccurrenceOverride

logger = logging.getLogger(__name__)

# From a month back (this month's listing) to a bit more than a year ahead (the listings' and
# feeds' default windows); refreshed when fewer than REFRESH_DAYS remain ahead.
DAYS_BACK = 32
DAYS_AHEAD = 401
REFRESH_DAYS = 30


class StoredSpan(models.Model):
    """The window of an event's stored dates, and the revision they were expanded from."""

    event = models.OneToOneField(
        "programme.EventPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="stored_span",
    )
    revision_id = models.PositiveBigIntegerField()
    first = models.DateTimeField()
    last = models.DateTimeField()

    def __str__(self):
        return f"{self.event_id}: {self.first:%Y-%m-%d} to {self.last:%Y-%m-%d}"


class StoredOccurrence(models.Model):
    """One date of a repeating or changed event (after its changes: moved, cancelled...)."""

    event = models.ForeignKey(
        "programme.EventPage", on_delete=models.CASCADE, related_name="stored_occurrences"
    )
    revision_id = models.PositiveBigIntegerField()
    start = models.DateTimeField()
    end = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["event", "revision_id", "start"], name="stored_occurrence_find")
        ]

    def __str__(self):
        return f"{self.event_id}: {self.start:%Y-%m-%d %H:%M}"


def needs_dates(event):
    """Whether a listing needs more than the event's own row to date it."""
    return bool(event.recurrence_frequency) or bool(event.overrides())


def window(today=None):
    today = today or timezone.localdate()
    first = dt.datetime.combine(today - dt.timedelta(days=DAYS_BACK), dt.time(), dt.UTC)
    last = dt.datetime.combine(today + dt.timedelta(days=DAYS_AHEAD), dt.time(), dt.UTC)
    return first, last


def store(event, revision_id=None):
    """Replace the stored dates of `event` (an EventPage) with those of its live version."""
    revision_id = revision_id or event.live_revision_id
    with transaction.atomic():
        StoredOccurrence.objects.filter(event=event).delete()
        StoredSpan.objects.filter(event=event).delete()
        if not event.live or revision_id is None or not needs_dates(event):
            return 0
        first, last = window()
        rows = [
            StoredOccurrence(event=event, revision_id=revision_id, start=o.start, end=o.end)
            for o in event.occurrences_between(first, last, url="")
        ]
        StoredOccurrence.objects.bulk_create(rows, batch_size=500)
        StoredSpan.objects.create(event=event, revision_id=revision_id, first=first, last=last)
    return len(rows)


def store_quietly(event, revision_id=None):
    """`store`, logging a failure instead of raising it: a publish never fails for this (the
    listing expands an event whose dates are not stored)."""
    try:
        store(event, revision_id)
    except Exception:
        logger.exception("Could not store the dates of event %s", event.pk)


def due(model, today=None):
    """Live repeating or changed events whose stored dates are missing, stale or about to run
    out."""
    today = today or timezone.localdate()
    soon = dt.datetime.combine(today + dt.timedelta(days=DAYS_AHEAD - REFRESH_DAYS), dt.time())
    fresh = StoredSpan.objects.filter(
        event=models.OuterRef("pk"),
        revision_id=models.OuterRef("live_revision_id"),
        last__gte=soon.replace(tzinfo=dt.UTC),
    )
    changed = OccurrenceOverride.objects.values("event_id")
    dated = ~models.Q(recurrence_frequency="") | models.Q(pk__in=changed)
    return model.objects.live().filter(dated).exclude(models.Exists(fresh))


def prune(model):
    """Forget the dates of events no longer live, or stored from an older revision: a listing
    ignores them, this only frees the space."""
    current = model.objects.live().filter(
        pk=models.OuterRef("event_id"), live_revision_id=models.OuterRef("revision_id")
    )
    spans = StoredSpan.objects.exclude(models.Exists(current))
    removed, _ = StoredOccurrence.objects.exclude(models.Exists(current)).delete()
    spans.delete()
    return removed
