"""Changes to one date of an event: cancelled, postponed, full or moved, the series intact."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .choices import OccurrenceStatus
from .recurrence import local_zone


class OccurrenceOverride(TranslatableMixin, Orderable):
    """One date of an event that differs from its rule; the note is translated, the rest kept."""

    event = ParentalKey(
        "programme.EventPage", on_delete=models.CASCADE, related_name="occurrence_overrides"
    )
    date = models.DateField(
        _("date of the occurrence"),
        help_text=_("The date the occurrence was planned on, before any change."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=OccurrenceStatus.choices,
        default=OccurrenceStatus.SCHEDULED,
        help_text=_("What happens to this date only: cancelled, moved, full."),
    )
    new_start = models.DateTimeField(
        _("new start"),
        null=True,
        blank=True,
        help_text=_("For a moved date: the new start, Paris time."),
    )
    new_end = models.DateTimeField(
        _("new end"), null=True, blank=True, help_text=_("For a moved date: the new end.")
    )
    note = models.CharField(
        _("note"),
        max_length=250,
        blank=True,
        help_text=_("A short word for readers, e.g. “moved to the garden”."),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("note"),
    ]
    override_translatable_fields = [
        TranslatableField("note"),
        SynchronizedField("date", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("new_start", overridable=False),
        SynchronizedField("new_end", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("change to one date")
        verbose_name_plural = _("changes to single dates")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_status_display()}"

    def clean(self):
        super().clean()
        if self.new_end and not self.new_start:
            raise ValidationError({"new_start": _("Give the new start with the new end.")})
        if self.new_start and self.new_end and self.new_end <= self.new_start:
            raise ValidationError({"new_end": _("The new end must be after the new start.")})

    @property
    def is_moved(self):
        return self.new_start is not None

    def moved_times(self, duration):
        """The (start, end) the occurrence moved to, or None."""
        if self.new_start is None:
            return None
        return self.new_start, self.new_end or self.new_start + duration

    def original_start(self, event):
        """The planned start on this date, at the event's time of day (the RECURRENCE-ID)."""
        return dt.datetime.combine(self.date, event.local_start.time(), local_zone())
