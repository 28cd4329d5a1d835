"""Repeating events: an RFC 5545 subset editors can fill in, and its expansion.

Occurrences are computed in Paris wall-clock time and localised afterwards, so that an event at
10:00 stays at 10:00 across daylight-saving changes (expanding in UTC would shift it by an hour).
"""

import datetime as dt
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from icalendar.prop import vRecur
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .choices import Frequency, SetPosition, Weekday

WEEKDAYS = {code: getattr(rrule, code) for code in Weekday.values}


def local_zone():
    return ZoneInfo(settings.TIME_ZONE)


def parse_exclusions(text):
    """The dates of a one-per-line list; raises ValidationError naming the bad line."""
    dates = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            dates.append(dt.date.fromisoformat(line))
        except ValueError:
            raise ValidationError(
                _("“%(value)s” is not a date: write one date per line as YYYY-MM-DD."),
                params={"value": line},
                code="invalid_exclusion",
            ) from None
    return dates


class RecurrenceMixin(models.Model):
    """Fields and behaviour of a repeating event; the model provides `start` and `end`."""

    recurrence_frequency = models.CharField(
        _("repeats"),
        max_length=10,
        choices=Frequency.choices,
        blank=True,
        help_text=_("Leave empty for a one-off event."),
    )
    recurrence_interval = models.PositiveSmallIntegerField(
        _("every"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("1 for every week or month, 2 for every other one..."),
    )
    recurrence_weekdays = models.JSONField(
        _("on these days"),
        default=list,
        blank=True,
        help_text=_("For weekly events, or with a position for “the first Saturday”."),
    )
    recurrence_setpos = models.SmallIntegerField(
        _("which one in the month"),
        choices=SetPosition.choices,
        null=True,
        blank=True,
        help_text=_("With a monthly frequency and a day: “first” + Saturday."),
    )
    recurrence_until = models.DateField(
        _("until"),
        null=True,
        blank=True,
        help_text=_(
            "Last possible date of the repetition; leave empty to repeat a number of "
            "times or without end."
        ),
    )
    recurrence_count = models.PositiveSmallIntegerField(
        _("number of times"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("How many times the event takes place in all, the first date included."),
    )
    recurrence_exclusions = models.TextField(
        _("except on"),
        blank=True,
        help_text=_("Dates without an occurrence, one per line as YYYY-MM-DD."),
    )

    recurrence_panels = [
        MultiFieldPanel(
            [
                FieldPanel("recurrence_frequency"),
                FieldPanel("recurrence_interval"),
                FieldPanel("recurrence_weekdays"),
                FieldPanel("recurrence_setpos"),
                FieldPanel("recurrence_until"),
                FieldPanel("recurrence_count"),
                FieldPanel("recurrence_exclusions"),
            ],
            heading=_("Repetition"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def is_recurring(self):
        return bool(self.recurrence_frequency)

    @property
    def excluded_dates(self):
        try:
            return parse_exclusions(self.recurrence_exclusions)
        except ValidationError:
            return []

    def clean_recurrence(self):
        """Errors by field name, with messages an editor can act on."""
        errors = {}
        days = self.recurrence_weekdays or []
        if not isinstance(days, list) or any(day not in WEEKDAYS for day in days):
            errors["recurrence_weekdays"] = _("Choose days among Monday to Sunday.")
        try:
            parse_exclusions(self.recurrence_exclusions)
        except ValidationError as error:
            errors["recurrence_exclusions"] = error
        if not self.is_recurring:
            if days or self.recurrence_setpos or self.recurrence_until or self.recurrence_count:
                errors["recurrence_frequency"] = _(
                    "Choose how often the event repeats, or clear the repetition fields."
                )
            return errors
        errors.update(self._clean_repetition_end())
        errors.update(self._clean_position_in_month(days))
        return errors

    def _clean_repetition_end(self):
        errors = {}
        if self.recurrence_until and self.recurrence_count:
            errors["recurrence_count"] = _(
                "Give either an end date or a number of times, not both."
            )
        start = getattr(self, "start", None)
        if self.recurrence_until and start and self.recurrence_until < self.local_start.date():
            errors["recurrence_until"] = _("The repetition cannot end before the first date.")
        return errors

    def _clean_position_in_month(self, days):
        if self.recurrence_setpos:
            if self.recurrence_frequency != Frequency.MONTHLY or not days:
                return {
                    "recurrence_setpos": _(
                        "A position such as “first” needs a monthly repetition and a day, "
                        "for example the first Saturday of every month."
                    )
                }
        elif days and self.recurrence_frequency == Frequency.MONTHLY:
            return {
                "recurrence_setpos": _(
                    "Say which one in the month (first, second... last) for a monthly event "
                    "on a day."
                )
            }
        return {}

    @property
    def local_start(self):
        return timezone.localtime(self.start, local_zone())

    @property
    def duration(self):
        return self.end - self.start

    def _rrule(self, dtstart):
        kwargs = {"dtstart": dtstart, "interval": self.recurrence_interval or 1}
        days = [WEEKDAYS[day] for day in self.recurrence_weekdays or [] if day in WEEKDAYS]
        if days:
            kwargs["byweekday"] = days
        if self.recurrence_setpos:
            kwargs["bysetpos"] = self.recurrence_setpos
        if self.recurrence_count:
            kwargs["count"] = self.recurrence_count
        elif self.recurrence_until:
            kwargs["until"] = dt.datetime.combine(self.recurrence_until, dt.time.max)
        return rrule.rrule(getattr(rrule, self.recurrence_frequency), **kwargs)

    def starts_between(self, after, before):
        """Aware start datetimes of the occurrences overlapping [after, before)."""
        zone = local_zone()
        if not self.is_recurring:
            return [self.start] if self.start < before and self.end > after else []
        naive_start = self.local_start.replace(tzinfo=None)
        duration = self.duration
        # Naive wall-clock bounds; widened by the duration so running occurrences are kept.
        lower = (timezone.localtime(after, zone) - duration).replace(tzinfo=None)
        upper = timezone.localtime(before, zone).replace(tzinfo=None)
        excluded = set(self.excluded_dates)
        starts = []
        for naive in self._rrule(naive_start).between(lower, upper, inc=True):
            if naive.date() in excluded:
                continue
            aware = naive.replace(tzinfo=zone)
            if aware < before and aware + duration > after:
                starts.append(aware)
        return starts

    def series_start(self):
        """The first start the rule gives: the DTSTART calendars must receive.

        RFC 5545 counts DTSTART as an occurrence even when the rule does not produce it, while
        the site (dateutil) shows only the rule's dates: a weekly event on Saturdays entered as
        starting on a Wednesday would get a phantom Wednesday in calendar apps. The rule's first
        date is the same series for both (COUNT included, since DTSTART then counts once).
        """
        if not self.is_recurring:
            return self.start
        first = self._rrule(self.local_start.replace(tzinfo=None))[0:1]
        return first[0].replace(tzinfo=local_zone()) if first else self.start

    def rrule_parts(self):
        """The RRULE as an ordered dict of RFC 5545 parts (for icalendar's vRecur)."""
        if not self.is_recurring:
            return None
        parts = {"FREQ": self.recurrence_frequency}
        if (self.recurrence_interval or 1) > 1:
            parts["INTERVAL"] = self.recurrence_interval
        if self.recurrence_weekdays:
            parts["BYDAY"] = list(self.recurrence_weekdays)
        if self.recurrence_setpos:
            parts["BYSETPOS"] = self.recurrence_setpos
        if self.recurrence_count:
            parts["COUNT"] = self.recurrence_count
        elif self.recurrence_until:
            # With a zoned DTSTART, RFC 5545 wants UNTIL in UTC.
            last = dt.datetime.combine(self.recurrence_until, dt.time(23, 59, 59), local_zone())
            parts["UNTIL"] = last.astimezone(dt.UTC)
        return parts

    @property
    def rrule_string(self):
        """The RRULE value, e.g. ``FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1``."""
        parts = self.rrule_parts()
        return vRecur(parts).to_ical().decode() if parts else ""

    def exclusion_starts(self):
        """Aware datetimes of the excluded occurrences, at the event's time of day (EXDATE)."""
        start = self.local_start
        return [dt.datetime.combine(day, start.time(), local_zone()) for day in self.excluded_dates]
