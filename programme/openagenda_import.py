"""Writing an OpenAgenda export's events into the programme (read by programme/openagenda.py):
one event page per date, in one transaction, with a report of what happened to each date.

The saving is the partners' calendars' (`ical_import.save_imported`: published when trusted,
else sent to moderation; the page's own checks first) and so is the guard that leaves an
editor's unpublished draft alone (`ical_import.editor_draft_pending`).
"""

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from directory.themes import Theme
from fileimports.files import ImportFileError
from fileimports.runs import ImportReport, import_transaction

from .choices import RegistrationMode
from .events import EventPage
from .ical_import import editor_draft_pending, save_imported
from .openagenda import BadEvent, event_dates, title_of
from .subscriptions import OpenAgendaEvent


@dataclass
class Outcome:
    """What happened (or, in a dry run, would happen) to one date, or why an event was left."""

    position: int  # the event's place in the file, from 1
    uid: str
    title: str
    start: dt.datetime | None
    action: str  # created, updated, unchanged, skipped
    reason: str = ""


@dataclass
class ImportTarget:
    """Where the events go and how: what ical_import.save_imported reads of a subscription."""

    programme: object
    organisation: object = None
    trusted: bool = False
    themes: dict = field(default_factory=dict)  # by slug, filled by import_agenda


def _apply(page, agenda_event, themes):
    for name in (
        "title",
        "summary",
        "description",
        "start",
        "end",
        "all_day",
        "venue_name",
        "venue_address",
        "venue_city",
        "latitude",
        "longitude",
        "registration_url",
        "step_free_access",
        "status",
    ):
        setattr(page, name, getattr(agenda_event, name))
    # Keywords naming a theme become its themes; without any, an editor's choice stays.
    matched = [themes[slug] for slug in agenda_event.keywords if slug in themes]
    if matched:
        page.themes.set(matched)
    if agenda_event.registration_url:
        page.registration_mode = RegistrationMode.EXTERNAL
    elif page.registration_mode == RegistrationMode.EXTERNAL:
        page.registration_mode = RegistrationMode.NONE


def _create(target, agenda_event):
    page = EventPage(slug=_slug(target, agenda_event), live=False)
    _apply(page, agenda_event, target.themes)
    if target.organisation is not None:
        page.organisers.set([target.organisation])  # written with the page
    target.programme.add_child(instance=page)
    save_imported(page, target)
    return page


def _slug(target, agenda_event):
    base = slugify(agenda_event.title)[:50].strip("-") or "evenement"
    identity = f"openagenda/{target.programme.pk}/{agenda_event.uid}/"
    identity += agenda_event.recurrence_id
    return f"{base}-{hashlib.sha1(identity.encode(), usedforsecurity=False).hexdigest()[:8]}"


def _write_one(target, known, agenda_event):
    """Create, update or leave one date; returns (action, reason)."""
    link = known.get((agenda_event.uid, agenda_event.recurrence_id))
    fingerprint = agenda_event.fingerprint()
    if link is not None and link.event is not None:
        if link.fingerprint == fingerprint:
            return "unchanged", ""
        if editor_draft_pending(link.event):
            return "skipped", _("An editor has unpublished changes to this event: they are kept.")
        page = link.event.get_latest_revision_as_object()
        _apply(page, agenda_event, target.themes)
        save_imported(page, target)
        link.fingerprint = fingerprint
        link.save(update_fields=["fingerprint"])
        return "updated", ""
    page = _create(target, agenda_event)
    OpenAgendaEvent.objects.update_or_create(
        programme=target.programme,
        uid=agenda_event.uid,
        timing=agenda_event.recurrence_id,
        defaults={"event": page, "fingerprint": fingerprint},
    )
    return "created", ""


def import_agenda(target, items, dry_run=False, now=None):
    """Import the exported events into `target.programme` in one transaction (rolled back
    for a dry run); the report says what happened to each date, or why an event was left."""
    report = ImportReport(dry_run=dry_run)
    language = target.programme.locale.language_code
    dates = []
    for position, item in enumerate(items, start=1):
        try:
            dates.extend((position, date) for date in event_dates(item, language, now))
        except BadEvent as bad:
            title = title_of(item, language)
            report.outcomes.append(
                Outcome(position, str(item.get("uid", ""))[:64], title, None, "skipped", str(bad))
            )
    if len(dates) > settings.PORTAL_OPENAGENDA_MAX_EVENTS:
        raise ImportFileError(
            _("The file has more than %(count)d dates to come: split it.")
            % {"count": settings.PORTAL_OPENAGENDA_MAX_EVENTS}
        )
    locale = target.programme.locale_id
    target.themes = {theme.slug: theme for theme in Theme.objects.filter(locale_id=locale)}
    with import_transaction(dry_run):
        links = OpenAgendaEvent.objects.filter(programme=target.programme)
        known = {(link.uid, link.timing): link for link in links.select_related("event")}
        seen = set()
        for position, date in dates:
            key = (date.uid, date.recurrence_id)
            if key in seen:
                continue  # the same date twice in one file: the first wins
            seen.add(key)
            report.outcomes.append(_write_date(target, known, position, date))
    report.outcomes.sort(key=lambda outcome: outcome.position)
    return report


def _write_date(target, known, position, date):
    try:
        with transaction.atomic():  # a date the page refuses leaves nothing of itself
            action, reason = _write_one(target, known, date)
    except ValidationError as invalid:
        action, reason = "skipped", "; ".join(invalid.messages)
    return Outcome(position, date.uid, date.title, date.start, action, reason)
