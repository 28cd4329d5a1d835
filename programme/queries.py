"""Read-side queries of the programme, shared by its pages, blocks and feeds.

Repeating events are stored once and expanded in Python, so every listing costs the same few
queries however many events and repetitions there are.
"""

import datetime as dt
import hashlib
from collections.abc import Sequence
from urllib.parse import quote

from django.db.models import Exists, F, FilteredRelation, OuterRef, Q
from django.utils import timezone
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Locale, Site

from directory.models import OrganisationPage
from navigation.models import SiteSettings

from .occurrence_store import StoredSpan
from .overrides import OccurrenceOverride
from .rooms import rooms_of

UPCOMING_DAYS = 90


def overlapping(queryset, after, before):
    """Events that may have an occurrence between `after` and `before` (checked on expansion)."""
    one_off = Q(recurrence_frequency="", start__lt=before, end__gt=after)
    repeating = (
        ~Q(recurrence_frequency="")
        & Q(start__lt=before)
        & (Q(recurrence_until__isnull=True) | Q(recurrence_until__gte=after.date()))
    )
    return queryset.filter(one_off | repeating)


def localized_rooms(events, locale=None):
    """Rooms in `locale` by translation key: the few rooms of the halls, read once per request
    however many listings on the page ask."""
    locale = locale or Locale.get_active()
    if not any(event.room_id for event in events):
        return {}
    return rooms_of(locale)


def attach_organisers(events, locale=None):
    """Set each event's live organisers in `locale` (falling back to the page an event names),
    in two queries for all `events`, as `EventPage.localized_organisers` gives them one by one."""
    locale = locale or Locale.get_active()
    by_pk = {event.pk: event for event in events}
    named = {pk: [] for pk in by_pk}
    if by_pk:
        pages = (
            OrganisationPage.objects.filter(events__in=list(by_pk))
            .annotate(event_pk=F("events"))
            .order_by("path")
        )
        for page in pages:
            named[page.event_pk].append(page)
    keys = {page.translation_key for pages in named.values() for page in pages}
    found = {}
    if keys:
        found = {
            page.translation_key: page
            for page in OrganisationPage.objects.filter(translation_key__in=keys, locale=locale)
        }
    for pk, pages in named.items():
        localized = (found.get(page.translation_key, page) for page in pages)
        by_pk[pk].__dict__["localized_organisers"] = [page for page in localized if page.live]
    return events


class PageUrls:
    """URLs of many pages for one request, each computed as a string concatenation.

    Wagtail finds a page's site, language and route for each URL it builds; for thousands of
    events that is most of a feed's time. Pages under the same site roots share that part, so
    it is asked once (for the first page) and reused; if the first URL does not end with the
    page's own path (an unusual routing), those pages keep Wagtail's answer.
    """

    def __init__(self, request=None, full=False):
        self.request = request
        self.full = full
        self.root_paths = Site.get_site_root_paths()
        self.prefixes = {}

    def _wagtail(self, page):
        return page.get_full_url(self.request) if self.full else page.get_url(self.request)

    def __call__(self, page):
        roots = tuple(root for root in self.root_paths if page.url_path.startswith(root.root_path))
        if not roots:
            return self._wagtail(page)
        own_path = quote(page.url_path[len(roots[0].root_path) :], safe=RFC3986_SUBDELIMS + "/~:@")
        prefix = self.prefixes.get(roots)
        if prefix is None:
            url = self._wagtail(page)
            found = bool(url) and url.endswith(own_path)
            self.prefixes[roots] = url[: len(url) - len(own_path)] if found else False
            return url
        return prefix + own_path if prefix is not False else self._wagtail(page)


def prepare(events, request=None, locale=None, overrides=True):
    """Attach to each event what listing many of them needs, in three queries in all: its
    changes to single dates, its room in `locale`, and the halls' address. `overrides=False`
    says the events are known to have no changed date (the query is skipped)."""
    events = list(events)
    by_pk = {event.pk: event for event in events}
    for event in events:
        event.bulk_overrides = []
    if by_pk and overrides:
        for override in OccurrenceOverride.objects.filter(event_id__in=list(by_pk)).order_by(
            "sort_order", "pk"
        ):
            by_pk[override.event_id].bulk_overrides.append(override)
    rooms = localized_rooms(events, locale)
    address = None
    for event in events:
        if event.room_id:
            event.__dict__["localized_room"] = rooms.get(event.room.translation_key, event.room)
        else:
            event.__dict__["localized_room"] = None
        if event.room_id or not event.venue_name:
            if address is None:
                site = Site.find_for_request(request) if request else event.get_site()
                address = SiteSettings.for_site(site).address_line if site else ""
            event.__dict__["hall_address"] = address
    return events


def expand(events, after, before, request=None, newest_first=False):
    """The occurrences of `events` overlapping [after, before), sorted by date."""
    events = prepare(events, request)
    urls = PageUrls(request)
    occurrences = []
    for event in events:
        url = urls(event)
        for occurrence in event.occurrences_between(after, before, url=url):
            occurrence.room = event.localized_room
            occurrences.append(occurrence)
    occurrences.sort(key=lambda o: (o.start, o.title), reverse=newest_first)
    return occurrences


# In OccurrenceList's keys: a stored date, its occurrence built when shown.
INDEXED = "indexed"
MICROSECOND = dt.timedelta(microseconds=1)


# The columns an agenda row and its dates need (OccurrenceList's `fields`): a third of an
# event page's, which halves the cost of building thirty of them.
LISTED_FIELDS = (
    *("title", "slug", "url_path", "path", "depth", "locale", "live", "translation_key"),
    *("start", "end", "all_day", "status", "format", "is_free", "summary"),
    *("room", "venue_name"),
    *("recurrence_frequency", "recurrence_interval", "recurrence_weekdays"),
    *("recurrence_setpos", "recurrence_until", "recurrence_count", "recurrence_exclusions"),
)
LISTING_ROW = ("pk", "start", "title", "recurrence_frequency")
LISTING_ROW += ("changed", "covered", "stored__start")


class OccurrenceList:
    """The occurrences of `events` overlapping [after, before), by date, sliced as Django's
    Paginator does.

    Most events of a programme happen once and keep their date: those are listed from a light
    query (id, start, title) and loaded as pages only for the slice shown. Repeating events and
    events with a changed date take their dates from those stored on publish
    (programme.occurrence_store), also loaded as pages only for the slice shown; those with no
    usable stored dates are expanded in Python.
    """

    def __init__(self, events, after, before, request=None, newest_first=False, fields=None):
        """`fields`: the only columns the pages of the slice shown need (LISTED_FIELDS for
        the agenda's rows); all of them by default (exports, API)."""
        self.events = events
        self.request = request
        self.fields = fields
        # One query lists the simple events (one-off, without a changed date) with their row's
        # date, and the others with their stored dates in the window, if their stored span
        # is of their live revision and covers the window; the rest are expanded.
        changes = OccurrenceOverride.objects.filter(event_id=OuterRef("pk"))
        covering = StoredSpan.objects.filter(
            event_id=OuterRef("pk"),
            revision_id=OuterRef("live_revision_id"),
            first__lte=after,
            last__gte=before,
        )
        in_window = FilteredRelation(
            "stored_occurrences",
            condition=Q(
                stored_occurrences__revision_id=F("live_revision_id"),
                stored_occurrences__start__lt=before,
                stored_occurrences__end__gt=after,
            ),
        )
        rows = (
            events.order_by()
            .annotate(changed=Exists(changes), covered=Exists(covering), stored=in_window)
            .values_list(*LISTING_ROW)
        )
        # (start, title, event id, occurrence: built, None for a simple event, or INDEXED):
        # sorted by id first, so that equal dates and titles keep the order of the events,
        # as expand() gives them.
        keys, unstored = [], set()
        for pk, start, title, frequency, changed, covered, stored_start in rows:
            if not (frequency or changed):
                keys.append((start, title, pk, None))
            elif not covered:
                unstored.add(pk)
            elif stored_start is not None:
                keys.append((stored_start, title, pk, INDEXED))
        if unstored:
            expanded = expand(events.filter(pk__in=unstored), after, before, self.request)
            keys += [(o.start, o.title, o.event.pk, o) for o in expanded]
        keys.sort(key=lambda key: key[2])
        keys.sort(key=lambda key: (key[0], key[1]), reverse=newest_first)
        self.keys = keys

    def count(self):
        return len(self.keys)

    def __len__(self):
        return len(self.keys)

    def _load(self, keys):
        """The events of `keys` still to be built, as pages, with their listing URLs: in one
        query, and one more for the changed dates if there are indexed dates (simple events,
        one-off without a changed date, have none: see __init__)."""
        pks = {pk for _start, _title, pk, occurrence in keys if occurrence in (None, INDEXED)}
        if not pks:
            return {}
        indexed = any(occurrence is INDEXED for *_rest, occurrence in keys)
        urls = PageUrls(self.request)
        events = {}
        listed = self.events.filter(pk__in=pks)
        if self.fields:
            listed = listed.only(*self.fields)
        for event in prepare(listed, self.request, overrides=indexed):
            events[event.pk] = event
            event.listing_url = urls(event)
        return events

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        return OccurrenceSlice(self, self.keys[index])

    def build(self, keys):
        """The occurrences of `keys` (some of self.keys), their events loaded in one query."""
        events = self._load(keys)
        occurrences = []
        for start, _title, pk, occurrence in keys:
            if occurrence is None or occurrence is INDEXED:
                event = events.get(pk)
                if event is None:  # unpublished meanwhile
                    continue
                if occurrence is None:
                    occurrence = event._occurrence(event.start, event.end, event.listing_url)
                else:
                    dated = event.occurrences_between(
                        start, start + MICROSECOND, url=event.listing_url
                    )
                    occurrence = next((o for o in dated if o.start == start), None)
                    if occurrence is None:
                        continue
                occurrence.room = event.localized_room
            occurrences.append(occurrence)
        return occurrences


class OccurrenceSlice(Sequence):
    """Some of an OccurrenceList's occurrences (a page of a listing), built when first read: a
    listing whose rows are cached (programme_tags.agenda_days) never loads their events."""

    def __init__(self, source, keys):
        self.source = source
        self.keys = keys
        self._occurrences = None

    def _built(self):
        if self._occurrences is None:
            self._occurrences = self.source.build(self.keys)
        return self._occurrences

    def __getitem__(self, index):
        return self._built()[index]

    def __len__(self):
        return len(self._built())

    def __bool__(self):
        return bool(self.keys)

    def identity(self):
        """Which dates of which events these are: with the content version, it names their
        rows' markup."""
        dates = ",".join(f"{pk}@{start.isoformat()}" for start, _title, pk, _o in self.keys)
        return hashlib.sha256(dates.encode()).hexdigest()


def upcoming_occurrences(events, limit=None, request=None, days=365):
    """Upcoming occurrences of `events` (a listed queryset), soonest first."""
    now = timezone.now()
    before = now + dt.timedelta(days=days)
    events = overlapping(events, now, before)
    occurrences = [o for o in expand(events, now, before, request) if o.start >= now]
    return occurrences[:limit] if limit else occurrences


def upcoming_at(page, events, request=None, limit=6, days=365):
    """The next occurrences of `events` (a listed queryset) that an organisation page organises
    or a room page's room hosts, soonest first (a handful of queries however many)."""
    if isinstance(page, OrganisationPage):
        # The ids first, in a light query: most organisations organise no event, and the
        # events' own query (every column of three tables) is then not even built.
        organising = list(
            events.model.organisers.through.objects.filter(
                organisationpage__translation_key=page.translation_key
            ).values_list("eventpage_id", flat=True)
        )
        if not organising:
            return []
        events = events.filter(pk__in=organising)
    elif getattr(page, "room_id", None):
        events = events.filter(room__translation_key=page.room.translation_key)
    else:
        return []
    now = timezone.now()
    before = now + dt.timedelta(days=days)
    events = overlapping(events, now, before)
    occurrences = [o for o in expand(events, now, before, request) if o.end > now]
    return occurrences[:limit]
