"""Partners' calendars the portal subscribes to (iCalendar addresses), and the events each
brought in, by their iCalendar identity (UID and date), so a feed read twice imports nothing
twice. Editors manage the subscriptions in the admin; the worker reads them (see ical_import.py).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from security.outbound import FetchRefused, check_url


class FetchStatus(models.TextChoices):
    OK = "ok", _("Imported")
    REFUSED = "refused", _("Address refused")
    MALFORMED = "malformed", _("Not a readable calendar")


class CalendarSubscription(models.Model):
    url = models.URLField(
        _("calendar address"),
        max_length=500,
        help_text=_("The partner's iCalendar address (https://…, usually ending in .ics)."),
    )
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calendar_subscriptions",
        help_text=_("Named as the organiser of the imported events."),
    )
    programme = models.ForeignKey(
        "programme.ProgrammePage",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="calendar_subscriptions",
        help_text=_("The programme (and so the language) the events go into."),
    )
    trusted = models.BooleanField(
        _("trusted"),
        default=False,
        help_text=_(
            "Publish the events and their changes at once; otherwise each goes through moderation."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, editable=False)
    last_status = models.CharField(
        _("last status"), max_length=20, choices=FetchStatus.choices, blank=True, editable=False
    )
    last_message = models.TextField(_("last report"), blank=True, editable=False)

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")
        ordering = ["url"]

    def __str__(self):
        return self.url

    def clean(self):
        super().clean()
        if self.url:
            try:
                check_url(self.url)
            except FetchRefused as refused:
                raise ValidationError({"url": refused.message}) from None


class ImportedEvent(models.Model):
    """One date of a feed's event (UID and RECURRENCE-ID) and the event page it became."""

    subscription = models.ForeignKey(
        CalendarSubscription, on_delete=models.CASCADE, related_name="imported_events"
    )
    uid = models.CharField(max_length=255)
    recurrence_id = models.CharField(max_length=20)  # the date's start in UTC, as in the feed
    event = models.ForeignKey(
        "programme.EventPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    fingerprint = models.CharField(max_length=64)  # of the imported values: unchanged, no revision

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "uid", "recurrence_id"],
                name="programme_imported_event_unique",
            )
        ]

    def __str__(self):
        return f"{self.uid} {self.recurrence_id}"
