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
    SUSPICIOUS = "suspicious", _("Imported, missing events kept")


# What a partner reads about their calendar's last read, by the reason's code (the fetcher's
# `FetchRefused.code`, or the import's): plain words and what to do, no technical terms.
PARTNER_EXPLANATIONS = {
    "bad_url": _(
        "The address is not a web address. Send us the https:// address of your calendar."
    ),
    "unresolvable": _(
        "The address's server cannot be found. Check the address, or send us "
        "the new one if it changed."
    ),
    "private_address": _(
        "The address leads to a private network (or redirects there), which "
        "the portal does not visit. Give the public address of your calendar, "
        "the one that opens from any computer."
    ),
    "redirects": _(
        "The address sends us from page to page too many times. Give the final "
        "address of your calendar."
    ),
    "timeout": _(
        "Your calendar's server took too long to answer. If it happens again, ask "
        "your host, or give us another address."
    ),
    "too_large": _(
        "Your calendar file is too large for the portal. Publish only your coming "
        "events in it, or ask us for help."
    ),
    "http_error": _(
        "Your calendar's server answered with an error: the calendar may be "
        "private or moved. Check that it is public and that the address works."
    ),
    "encoded": _(
        "Your calendar's server sent a compressed file the portal cannot read. Ask "
        "your host to serve it plainly, or give us another address."
    ),
    "unreachable": _("Your calendar's server could not be reached. We will try again later."),
    "malformed": _(
        "The address does not give a calendar the portal can read (an .ics file). "
        "Check that it is your calendar's iCalendar export address."
    ),
    "too_many_dates": _(
        "Your calendar has too many dates in the coming year for the portal. "
        "Publish fewer repeating events, or ask us for help."
    ),
    "invalid_event": _(
        "One of your events could not be read (its dates, for instance), so "
        "nothing was imported. Check your coming events, or ask us for help."
    ),
    "vanished": _(
        "Your calendar suddenly lost many of its coming events. We kept them on "
        "the portal in case this is a mistake. If they are really called off, mark "
        "them cancelled in your calendar rather than deleting them."
    ),
}

UNKNOWN_PROBLEM = _(
    "The last read of your calendar did not work. We will try again; our team can tell you "
    "more if it goes on."
)


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
    last_reason = models.CharField(_("last problem"), max_length=30, blank=True, editable=False)
    last_success_at = models.DateTimeField(_("last imported"), null=True, editable=False)

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")
        ordering = ["url"]

    def __str__(self):
        return self.url

    @property
    def partner_explanation(self):
        """The last read's problem in the partner's words ("" when all went well)."""
        if self.last_status in ("", FetchStatus.OK):
            return ""
        # Reads recorded before the reasons were: no code, a general sentence.
        return PARTNER_EXPLANATIONS.get(self.last_reason, UNKNOWN_PROBLEM)

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


class OpenAgendaEvent(models.Model):
    """One date (timing) of an OpenAgenda event imported from a file, and its event page:
    importing the same export again updates rather than duplicates (programme/openagenda.py).
    """

    programme = models.ForeignKey(
        "programme.ProgrammePage", on_delete=models.CASCADE, related_name="+"
    )
    uid = models.CharField(max_length=64)
    timing = models.CharField(max_length=20, blank=True)  # the date's start in UTC; "" if one
    event = models.ForeignKey(
        "programme.EventPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    fingerprint = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "uid", "timing"], name="programme_openagenda_event_unique"
            )
        ]

    def __str__(self):
        return f"{self.uid} {self.timing}"
