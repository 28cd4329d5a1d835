"""Events of the programme: one-off or repeating, in a room of the halls or elsewhere."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from directory.freshness import FreshnessMixin
from streamblocks.blocks import RICH_TEXT_FEATURES

from . import feeds, views
from .accessibility import AccessibilityMixin
from .choices import Audience, EventFormat, EventStatus, RegistrationMode, Weekday
from .linked import LinkedMixin
from .occurrences import EventOccurrence
from .recurrence import RecurrenceMixin, local_zone
from .registrations import EventRegistrationMixin
from .searching import EventSearch
from .sharing import SharingMixin
from .venues import VenueMixin


class EventQuerySet(PageQuerySet):
    def listed(self, locale=None):
        """Live, public events in `locale` (the active one by default), with what cards show."""
        return (
            self.live()
            .public()
            .filter(locale=locale or Locale.get_active())
            .select_related("locale", "room")
            .order_by("start", "pk")
        )


class EventPageForm(WagtailAdminPageForm):
    recurrence_weekdays = forms.MultipleChoiceField(
        label=_("on these days"),
        choices=Weekday.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class EventPage(
    FreshnessMixin,
    EventSearch,
    RoutablePageMixin,
    RecurrenceMixin,
    SharingMixin,
    LinkedMixin,
    VenueMixin,
    AccessibilityMixin,
    EventRegistrationMixin,
    Page,
):
    """An event of the programme, once or repeating, in a room of the halls or elsewhere."""

    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences shown under the title in the programme and in link previews."
        ),
    )
    description = RichTextField(
        _("description"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What happens, for whom, and what to bring. Shown on the event page."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A landscape photo, at least 1200 pixels wide; it is cropped for cards and previews."
        ),
    )
    start = models.DateTimeField(
        _("start"), help_text=_("Paris time. For a repeating event, the first date.")
    )
    end = models.DateTimeField(_("end"), help_text=_("Paris time; after the start."))
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Tick for an event without hours (an open day, an exhibition)."),
    )
    organisers = ParentalManyToManyField(
        "directory.OrganisationPage",
        verbose_name=_("organisers"),
        blank=True,
        related_name="events",
        help_text=_(
            "Organisations of the directory that run the event; it is listed on their pages."
        ),
    )
    themes = ParentalManyToManyField(
        "directory.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="events",
        help_text=_("Readers filter the programme by theme."),
    )
    format = models.CharField(
        _("format"),
        max_length=20,
        choices=EventFormat.choices,
        default=EventFormat.OTHER,
        help_text=_("The kind of event; readers filter the programme by it."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.EVERYONE,
        help_text=_("Who the event is meant for; readers filter the programme by it."),
    )
    is_free = models.BooleanField(
        _("free"),
        default=True,
        help_text=_("Tick when entry costs nothing; readers can list free events only."),
    )
    price = models.DecimalField(
        _("price (€)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("In euros, for a paying event; leave empty when it is free."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Cancelled, postponed or full events stay listed with this status shown."),
    )
    objects = PageManager.from_queryset(EventQuerySet)()

    base_form_class = EventPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("Date"),
        ),
        *RecurrenceMixin.recurrence_panels,
        *VenueMixin.venue_panels,
        FieldPanel("description"),
        FieldPanel("organisers"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("format"), FieldPanel("audience"), FieldPanel("status")],
            heading=_("Kind of event"),
        ),
        MultiFieldPanel([FieldPanel("is_free"), FieldPanel("price")], heading=_("Price")),
        *AccessibilityMixin.accessibility_panels,
        *EventRegistrationMixin.registration_panels,
        InlinePanel(
            "occurrence_overrides",
            heading=_("Changes to single dates"),
            label=_("change to one date"),
            help_text=_(
                "Cancel, postpone, mark as full or move one date without changing the others."
            ),
        ),
    ]
    search_fields = [
        *Page.search_fields,  # title, boosted
        index.SearchField("summary", boost=1.5),
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("format"),
        index.FilterField("audience"),
        index.FilterField("is_free"),
        index.FilterField("status"),
        index.FilterField("room"),
    ]
    override_translatable_fields = [
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("accessibility_info"),
        TranslatableField("venue_name"),
        *(
            SynchronizedField(name, overridable=False)
            for name in (
                "start",
                "end",
                "all_day",
                "recurrence_frequency",
                "recurrence_interval",
                "recurrence_weekdays",
                "recurrence_setpos",
                "recurrence_until",
                "recurrence_count",
                "recurrence_exclusions",
                "room",
                "latitude",
                "longitude",
                "is_free",
                "price",
                "capacity",
                "status",
                "format",
                "audience",
                "step_free_access",
                "sign_language",
                "easy_to_read",
                "induction_loop",
                "registration_mode",
                "organisers",
                "themes",
            )
        ),
        SynchronizedField("image"),
        SynchronizedField("venue_address"),
        SynchronizedField("venue_city"),
        SynchronizedField("registration_url"),
    ]

    parent_page_types = ["programme.ProgrammePage", "programme.FestivalPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.start and self.end:
            errors.update(self.clean_recurrence())
        if self.room_id and self.venue_name:
            errors["venue_name"] = _("Choose a room of the halls or an outside venue, not both.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both the latitude and the longitude, or neither.")
        if not self.is_free and not self.price:
            errors["price"] = _("Enter a price, or tick “free”.")
        if self.is_free and self.price:
            errors["price"] = _("A free event has no price: clear it or untick “free”.")
        if self.registration_mode == RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Give the address where people register.")
        room_places = self.room.capacity if self.room_id else None
        if self.registration_mode == RegistrationMode.PORTAL and not (self.capacity or room_places):
            errors["capacity"] = _(
                "Give the number of places to register on this website (or choose a room "
                "whose capacity is known)."
            )
        if errors:
            raise ValidationError(errors)

    # Routes -------------------------------------------------------------------------------

    @path("")
    def event(self, request):
        if request.method == "POST":
            return views.register(request, self)
        return self.render(request)

    @path("registration/<str:token>/", name="registration")
    def registration(self, request, token):
        return views.manage_registration(request, self, token)

    @path("calendar/", name="ics")
    def ics(self, request):
        return feeds.calendar_response([self], request, self.title, filename=f"{self.slug}.ics")

    # Dates --------------------------------------------------------------------------------

    def occurrences_between(self, after, before, request=None, url=None):
        """Occurrences overlapping [after, before), with each date's changes applied.

        Listings pass the page's `url` (computed in bulk); otherwise Wagtail works it out.
        """
        if url is None:
            url = self.get_url(request)
        duration = self.duration
        zone = local_zone()
        overrides = {override.date: override for override in self.overrides()}
        occurrences = []
        for start in self.starts_between(after, before):
            override = overrides.get(timezone.localtime(start, zone).date())
            if override is not None and override.is_moved:
                continue  # listed at its new time below, if that falls in the window
            occurrences.append(self._occurrence(start, start + duration, url, override))
        for override in overrides.values():
            if not override.is_moved:
                continue
            new_start, new_end = override.moved_times(duration)
            original = override.original_start(self)
            if (
                new_start < before
                and new_end > after
                and original in self.starts_between(original, original + duration)
            ):
                occurrences.append(self._occurrence(new_start, new_end, url, override, original))
        occurrences.sort(key=lambda occurrence: occurrence.start)
        return occurrences

    def overrides(self):
        """The changes to single dates (attached in bulk by programme.queries.prepare)."""
        if getattr(self, "bulk_overrides", None) is None:
            self.bulk_overrides = list(self.occurrence_overrides.all())  # once per page object
        return self.bulk_overrides

    def _occurrence(self, start, end, url, override=None, original=None):
        return EventOccurrence(
            event=self,
            start=start,
            end=end,
            url=url,
            status=override.status if override is not None else "",
            note=override.note if override is not None else "",
            original_start=original or start,
        )

    def next_occurrences(self, limit=10, request=None, url=None):
        """The coming dates, worked out once per request: an event page asks three times (its
        dates, its JSON-LD and its calendar links)."""
        key = (id(request), url)
        memo = self.__dict__.setdefault("_next_occurrences", {}) if request is not None else {}
        if key not in memo:
            now = timezone.now()
            memo[key] = self.occurrences_between(now, now + dt.timedelta(days=400), request, url)
        occurrences = memo[key]
        return occurrences[:limit] if limit else occurrences

    def display_occurrence(self, request=None, url=None):
        """The next date of the event, or its first one once it is over."""
        upcoming = self.next_occurrences(limit=1, request=request, url=url)
        if upcoming:
            return upcoming[0]
        url = url if url is not None else self.get_url(request)
        return EventOccurrence(event=self, start=self.start, end=self.end, url=url)

    @property
    def format_label(self):
        """`get_format_display()` without its cost: Django rebuilds a dictionary of the
        choices, translating every label, each time it is called (listings call it per row)."""
        try:
            return str(EventFormat(self.format).label)
        except ValueError:
            return self.format

    @property
    def card_tagline(self):
        """The format, and "Free" when it is: the last line of the event's cards."""
        free = _("Free") if self.is_free else ""
        return " · ".join(str(part) for part in (self.format_label, free) if part)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["occurrences"] = self.next_occurrences(request=request)
        context["json_ld"] = self.json_ld(request)
        context["calendar_links"] = self.calendar_links(request)
        context.update(views.registration_context(request, self))
        # The parent is the programme or a festival (the only one with events of its own):
        # its own row is read only for a festival.
        parent = self.get_parent()
        is_festival = hasattr(parent.specific_class, "festival_events")
        context["festival"] = parent.specific if is_festival else None
        return context
