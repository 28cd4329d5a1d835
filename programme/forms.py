"""The programme's filter form: every field optional, bad values reported, never fatal."""

import datetime as dt

from django import forms
from django.db.models import Q
from django.forms.renderers import Jinja2
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from directory.models import Theme
from pagecache.fragments import cached_fragment
from privacy.notices import why_and_how_long
from publicforms.text import CleanTextForm

from .choices import AccessFeature, Audience, EventFormat
from .queries import UPCOMING_DAYS
from .recurrence import local_zone
from .rooms import Room, rooms_of

MAX_DAYS = 366
# Dates a reader may ask for: beyond these, date arithmetic and time zones overflow.
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2999, 12, 31)


def _midnight(day):
    return dt.datetime.combine(day, dt.time.min, local_zone())


def _translated(options):
    """Choices with their labels translated now (they are cached per language): plain strings
    are read back from the cache faster than lazy translations."""

    def choice(key, label):
        if isinstance(label, list | tuple):  # a group: its name, then its choices
            return str(key), [choice(*inner) for inner in label]
        return key, str(label)

    return {name: [choice(*item) for item in choices] for name, choices in options.items()}


class DateInput(forms.DateInput):
    input_type = "date"


class SearchInput(forms.TextInput):
    input_type = "search"


VENUE_PREFIX = "venue:"  # place values that name an outside venue rather than a room's slug
MONTH_FORMAT = "%Y-%m"


class ProgrammeFilterForm(forms.Form):
    # Its dozen fields and their options are drawn on every programme and festival page:
    # Django's Jinja2 widget templates (the same markup) draw them in half the time.
    default_renderer = Jinja2()

    # "from" and "to" are Python keywords or builtins' neighbours: added in __init__ by name.
    q = forms.CharField(
        label=_("Keywords"),
        required=False,
        max_length=100,
        widget=SearchInput(attrs={"autocomplete": "off"}),
    )
    view = forms.ChoiceField(
        label=_("View"),
        required=False,
        choices=[("", _("List")), ("calendar", _("Calendar"))],
    )
    month = forms.DateField(
        label=_("Month"), required=False, input_formats=[MONTH_FORMAT], widget=forms.HiddenInput
    )
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[
            ("", _("Any time")),
            ("today", _("Today")),
            ("this-weekend", _("This weekend")),
            ("this-week", _("This week")),
        ],
    )
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("All formats")), *EventFormat.choices]
    )
    audience = forms.ChoiceField(
        label=_("Audience"), required=False, choices=[("", _("All audiences")), *Audience.choices]
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    festival = forms.TypedChoiceField(label=_("Festival"), required=False, coerce=int)
    room = forms.ChoiceField(label=_("Place"), required=False)
    access = forms.MultipleChoiceField(
        label=_("Accessibility"),
        required=False,
        choices=AccessFeature.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    free = forms.BooleanField(label=_("Free events only"), required=False)
    archive = forms.BooleanField(label=_("Past events"), required=False)

    def __init__(
        self, data=None, *, locale, events, festival=None, festivals=None, choices_key=None
    ):
        """`events`: the listed events, whose outside venues are offered as places.
        `festival`: the festival whose listing this is; else `festivals` may be chosen.
        `choices_key`: names the page whose form this is (its events and festivals): its
        options are then read once per content version, not on every request."""
        super().__init__(data)
        dates = {
            "from": forms.DateField(label=_("From"), required=False, widget=DateInput),
            "to": forms.DateField(label=_("To"), required=False, widget=DateInput),
        }
        self.fields = {**dates, **self.fields}
        self.fixed_festival = festival
        self.festivals = festivals
        if festival is not None:
            del self.fields["festival"]

        def options():
            return self._options(locale, events, festivals if festival is None else None)

        if choices_key is None:
            found = options()
        else:
            key = [*choices_key, locale.pk, get_language()]
            found = cached_fragment(
                None, "programme-filter-options", key, lambda: _translated(options())
            )
        for name, choices in found.items():
            self.fields[name].choices = choices

    @classmethod
    def _options(cls, locale, events, festivals):
        """The choices of the fields whose options come from the database."""
        themes = Theme.objects.filter(locale=locale).order_by("name")
        found = {
            "theme": [("", _("All themes")), *((t.slug, t.name) for t in themes)],
            "room": cls._place_choices(locale, events),
        }
        if festivals is not None:
            found["festival"] = [
                ("", _("All festivals")),
                *((f.pk, f.title) for f in festivals.order_by("-start_date")),
            ]
        return found

    @staticmethod
    def _place_choices(locale, events):
        """The halls' rooms, then the outside venues the listed events take place at."""
        rooms = list(rooms_of(locale).values())  # by name (Room's ordering)
        venues = (
            events.filter(room__isnull=True)
            .exclude(venue_name="")
            .order_by("venue_name")
            .values_list("venue_name", flat=True)
            .distinct()
        )
        choices = [("", _("All places"))]
        if rooms:
            choices.append((_("At the halls"), [(r.slug, r.name) for r in rooms]))
        if venues:
            choices.append((_("Elsewhere"), [(VENUE_PREFIX + v, v) for v in venues]))
        return choices

    def clean(self):
        data = super().clean()
        for name in ("from", "to"):
            day = data.get(name)
            if day and not FIRST_DATE <= day <= LAST_DATE:
                self.add_error(name, _("Enter a date between 1900 and 2999."))
                data.pop(name, None)
        start, end = data.get("from"), data.get("to")
        if start and end:
            if end < start:
                self.add_error("to", _("The end date must be after the start date."))
            elif (end - start).days > MAX_DAYS:
                self.add_error("to", _("Choose a period of at most a year."))
        return data

    def active_count(self):
        """How many filters of the disclosure panel are set (not the keywords, view, dates)."""
        names = ("format", "audience", "theme", "festival", "room", "access", "free", "from", "to")
        return sum(1 for name in names if self.value(name))

    def active_label(self, count):
        """ "(2 active)" in the disclosure's summary, without the brackets."""
        return ngettext("%(counter)s active", "%(counter)s active", count) % {"counter": count}

    def value(self, name, default=None):
        """A cleaned value, or `default` when it is missing or invalid."""
        data = getattr(self, "cleaned_data", {})
        return data.get(name) or default

    def window(self):
        """The (after, before) aware datetimes to list, and whether past events come first."""
        now = timezone.now()
        today = timezone.localdate(now, local_zone())
        start, end = self.value("from"), self.value("to")
        if self.value("archive"):
            before = _midnight(end + dt.timedelta(days=1)) if end else now
            before = min(before, now)
            after = _midnight(start) if start else before - dt.timedelta(days=MAX_DAYS)
            return after, before, True
        if self.value("view") == "calendar":
            first = self.month_shown()
            following = (first + dt.timedelta(days=32)).replace(day=1)
            return _midnight(first), _midnight(following), False
        when = self.value("when")
        if when == "today":
            return now, _midnight(today + dt.timedelta(days=1)), False
        if when == "this-week":
            monday = today + dt.timedelta(days=7 - today.weekday())
            return now, _midnight(monday), False
        if when == "this-weekend":
            saturday = today + dt.timedelta(days=max(0, 5 - today.weekday()))
            monday = saturday + dt.timedelta(days=7 - saturday.weekday())
            return max(now, _midnight(saturday)), _midnight(monday), False
        if self.fixed_festival is not None and not (start or end):
            festival = self.fixed_festival
            return (
                _midnight(festival.start_date),
                _midnight(festival.end_date + dt.timedelta(days=1)),
                False,
            )
        after = _midnight(start) if start else now
        if end:
            before = _midnight(end + dt.timedelta(days=1))
        else:
            before = after + dt.timedelta(days=UPCOMING_DAYS)
        return after, before, False

    def month_shown(self):
        """First day of the month the calendar shows: the one asked for, else the festival's
        first month, else this month."""
        month = self.value("month")
        if month is None and self.fixed_festival is not None:
            month = self.fixed_festival.start_date
        if month is None:
            month = timezone.localdate(timezone.now(), local_zone())
        return month.replace(day=1)

    def filter(self, queryset):
        """`queryset` of events narrowed by the valid facets."""
        words = self.value("q", "").split()
        for word in words[:8]:
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(venue_name__icontains=word)
                | Q(description__icontains=word)
            )
        if self.value("format"):
            queryset = queryset.filter(format=self.value("format"))
        if self.value("audience"):
            queryset = queryset.filter(audience=self.value("audience"))
        if self.value("free"):
            queryset = queryset.filter(is_free=True)
        for feature in self.value("access", []):
            queryset = queryset.filter(**{feature: True})
        if self.value("theme"):
            keys = Theme.objects.filter(slug=self.value("theme")).values("translation_key")
            queryset = queryset.filter(themes__translation_key__in=keys).distinct()
        place = self.value("room")
        if place and place.startswith(VENUE_PREFIX):
            queryset = queryset.filter(room__isnull=True, venue_name=place[len(VENUE_PREFIX) :])
        elif place:
            keys = Room.objects.filter(slug=place).values("translation_key")
            queryset = queryset.filter(room__translation_key__in=keys)
        festival = self.fixed_festival
        if festival is None and self.value("festival"):
            festival = self.festivals.filter(pk=self.value("festival")).first()
        if festival is not None:
            queryset = queryset.descendant_of(festival)
        return queryset

    def querystring(self, exclude=(), **extra):
        """The valid filters as a query string (less `exclude`, plus `extra`), for links that
        keep the reader's choices: pages, feeds, days and months of the calendar."""
        query = QueryDict(mutable=True)
        for name, value in getattr(self, "cleaned_data", {}).items():
            if name in exclude or name in self.errors or value in (None, "", [], False):
                continue
            if isinstance(value, list):
                query.setlist(name, value)
            elif name == "month":
                query[name] = value.strftime(MONTH_FORMAT)
            elif value is True:
                query[name] = "1"
            else:
                query[name] = value.isoformat() if hasattr(value, "isoformat") else str(value)
        for name, value in extra.items():
            query[name] = value
        return query.urlencode()


class RegistrationForm(CleanTextForm):
    """Sign-up for one date of an event; `website` is a trap only robots fill in."""

    occurrence = forms.ChoiceField(
        label=_("Date"),
        error_messages={
            "invalid_choice": _("This date is not open for registration: choose another one.")
        },
    )
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=why_and_how_long("registrations"),
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, data=None, *, occurrences, labels=None):
        super().__init__(data)
        self.occurrences = {occurrence.key: occurrence for occurrence in occurrences}
        labels = labels or {}
        self.fields["occurrence"].choices = [
            (key, labels.get(key, key)) for key in self.occurrences
        ]
        if len(self.occurrences) == 1:
            self.fields["occurrence"].widget = forms.HiddenInput()
            self.fields["occurrence"].initial = next(iter(self.occurrences))
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(
                _("We could not take this registration. Leave the last field empty and try again.")
            )
        return data

    def selected_occurrence(self):
        return self.occurrences[self.cleaned_data["occurrence"]]
