"""The programme: rooms of the halls, next year's festival, and its events (dates relative to
the day the demo is first loaded)."""

import datetime as dt

from django.utils import timezone

from directory.models import OrganisationPage, Theme
from programme.models import EventPage, FestivalPage, ProgrammePage, Room
from programme.recurrence import local_zone

from ..data import programme as data
from ..images import illustration


def _first_saturday(day):
    first = day.replace(day=1)
    return first + dt.timedelta(days=(5 - first.weekday()) % 7)


def festival_day(today):
    """The festival's first day: the third Saturday of next September."""
    september = dt.date(today.year + 1, 9, 1)
    return _first_saturday(september) + dt.timedelta(days=14)


def event_day(rule, today):
    """The day an event's rule names: days from today, or one of a few named days."""
    if isinstance(rule, int):
        return today + dt.timedelta(days=rule)
    named = {
        "first-saturday": _first_saturday(today),
        "wednesday-eight-weeks-ago": today - dt.timedelta(days=today.weekday() - 2 + 7 * 8),
        "festival": festival_day(today),
    }
    return named[rule]


def programme_index(demo):
    """The programme page under the French home page (the menu links to it)."""
    return demo.child_page(
        demo.home_fr,
        ProgrammePage,
        "programme",
        data.INDEX_GLOSSARY,
        title="Programme",
        introduction=data.INTRODUCTION,
    )


def _rooms(demo):
    rooms = {}
    for slug, name, en_name, capacity, step_free, loop, access, en_access in data.ROOMS:
        rooms[slug] = demo.snippet(
            Room,
            {"slug": slug},
            {name: en_name, access: en_access},
            name=name,
            capacity=capacity,
            step_free_access=step_free,
            induction_loop=loop,
            access_information=access,
        )
    return rooms


def _festival(demo, index, today):
    year = today.year + 1
    slug = f"festives-halles-civiques-{year}"
    title = f"Festives Halles Civiques {year}"
    first_day = festival_day(today)
    glossary = {
        title: title,
        slug: slug,
        data.FESTIVAL_SUMMARY: data.FESTIVAL_SUMMARY_EN,
        data.FESTIVAL_TEXT: data.FESTIVAL_TEXT_EN,
        data.FESTIVAL_VENUES: data.FESTIVAL_VENUES_EN,
    }
    return demo.child_page(
        index,
        FestivalPage,
        slug,
        glossary,
        title=title,
        summary=data.FESTIVAL_SUMMARY,
        start_date=first_day,
        end_date=first_day + dt.timedelta(days=1),
        description=f"<p>{data.FESTIVAL_TEXT}</p>",
        venues=data.FESTIVAL_VENUES,
        image=illustration(*data.FESTIVAL_IMAGE),
    )


def _event_fields(demo, spec, rooms, today):
    """The page fields and the English glossary of one event of `data.EVENTS`."""
    rule, (start_h, start_m), (end_h, end_m) = spec["when"]
    day = event_day(rule, today)
    zone = local_zone()
    fields = {
        "title": spec["title"][0],
        "summary": spec["summary"][0],
        "description": f"<p>{spec['text'][0]}</p>",
        "start": dt.datetime.combine(day, dt.time(start_h, start_m), zone),
        "end": dt.datetime.combine(day, dt.time(end_h, end_m), zone),
        **spec["fields"],
    }
    pairs = [spec["title"], spec["slug"], spec["summary"], spec["text"]]
    if spec.get("room"):
        fields["room"] = rooms[spec["room"]]
    if spec.get("venue_name"):
        fields["venue_name"] = spec["venue_name"][0]
        pairs.append(spec["venue_name"])
    if spec.get("themes"):
        fields["themes"] = list(Theme.objects.filter(locale=demo.fr, slug__in=spec["themes"]))
    if spec.get("organisers"):
        organisers = OrganisationPage.objects.filter(locale=demo.fr, slug__in=spec["organisers"])
        fields["organisers"] = list(organisers)
    return fields, dict(pairs)


def load(demo):
    index = programme_index(demo)
    rooms = _rooms(demo)
    today = timezone.localdate()
    parents = {"programme": index, "festival": _festival(demo, index, today)}
    for spec in data.EVENTS:
        fields, glossary = _event_fields(demo, spec, rooms, today)
        demo.child_page(parents[spec["parent"]], EventPage, spec["slug"][0], glossary, **fields)
    return index
