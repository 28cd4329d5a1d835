import datetime as dt
from functools import cached_property

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
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_TEXT_FEATURES
from search.index import STEMMED_SEARCH_FIELDS, StemmedSearchMixin

from ..choices import Audience, EventFormat, EventStatus, RegistrationMode, Weekday
from ..recurrence import RecurrenceMixin, local_zone
from .occurrences import EventOccurrence
from .sharing import SharingMixin


def halls_address(settings):
    """The halls' postal address on one line, from the site's settings."""
    parts = (settings.street_address, settings.postcode, settings.city)
    return ", ".join(part for part in parts if part)


class EventPageForm(WagtailAdminPageForm):
    recurrence_weekdays = forms.MultipleChoiceField(
        label=_("on these days"),
        choices=Weekday.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class EventPage(StemmedSearchMixin, RoutablePageMixin, RecurrenceMixin, SharingMixin, Page):
    """An event of the programme, once or repeating, in a room of the halls or elsewhere."""

    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(_("all day"), default=False)
    room = models.ForeignKey(
        "programme.Room",
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    venue_name = models.CharField(_("venue name"), max_length=150, blank=True)
    venue_address = models.CharField(_("address"), max_length=250, blank=True)
    venue_city = models.CharField(_("city"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    organisers = ParentalManyToManyField(
        "directory.OrganisationPage",
        verbose_name=_("organisers"),
        blank=True,
        related_name="events",
    )
    themes = ParentalManyToManyField(
        "directory.Theme", verbose_name=_("themes"), blank=True, related_name="events"
    )
    format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.OTHER
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    is_free = models.BooleanField(_("free"), default=True)
    price = models.DecimalField(
        _("price (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    sign_language = models.BooleanField(_("sign language interpretation"), default=False)
    easy_to_read = models.BooleanField(_("easy-to-read materials"), default=False)
    induction_loop = models.BooleanField(_("induction loop"), default=False)
    accessibility_info = models.TextField(_("accessibility information"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    registration_mode = models.CharField(
        _("registration"),
        max_length=20,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
    )
    registration_url = models.URLField(_("registration address"), blank=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)

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
        MultiFieldPanel(
            [
                FieldPanel("room"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("venue_city"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Place"),
            help_text=_("A room of the halls, or an outside venue."),
        ),
        FieldPanel("description"),
        FieldPanel("organisers"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("format"), FieldPanel("audience"), FieldPanel("status")],
            heading=_("Kind of event"),
        ),
        MultiFieldPanel([FieldPanel("is_free"), FieldPanel("price")], heading=_("Price")),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("sign_language"),
                FieldPanel("easy_to_read"),
                FieldPanel("induction_loop"),
                FieldPanel("accessibility_info"),
            ],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_mode"),
                FieldPanel("registration_url"),
                FieldPanel("capacity"),
            ],
            heading=_("Registration"),
            help_text=_("Without a number of places, registrations use the room's capacity."),
        ),
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
        *STEMMED_SEARCH_FIELDS,
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
            from ..views import register

            return register(request, self)
        return self.render(request)

    @path("registration/<str:token>/", name="registration")
    def registration(self, request, token):
        from ..views import manage_registration

        return manage_registration(request, self, token)

    @path("calendar/", name="ics")
    def ics(self, request):
        from ..feeds import calendar_response

        return calendar_response([self], request, self.title, filename=f"{self.slug}.ics")

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
        bulk = getattr(self, "bulk_overrides", None)
        return bulk if bulk is not None else list(self.occurrence_overrides.all())

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

    def occurrence_for_key(self, key, request=None):
        """The upcoming occurrence whose `key` (planned start in UTC) is `key`, or None."""
        for occurrence in self.next_occurrences(limit=None, request=request):
            if occurrence.key == key:
                return occurrence
        return None

    def next_occurrences(self, limit=10, request=None, url=None):
        now = timezone.now()
        occurrences = self.occurrences_between(now, now + dt.timedelta(days=400), request, url=url)
        return occurrences[:limit] if limit else occurrences

    def display_occurrence(self, request=None, url=None):
        """The next date of the event, or its first one once it is over."""
        upcoming = self.next_occurrences(limit=1, request=request, url=url)
        if upcoming:
            return upcoming[0]
        url = url if url is not None else self.get_url(request)
        return EventOccurrence(event=self, start=self.start, end=self.end, url=url)

    # Place --------------------------------------------------------------------------------

    @cached_property
    def localized_room(self):
        return self.room.localized if self.room_id else None

    @property
    def place_name(self):
        room = self.localized_room
        return room.name if room else self.venue_name

    @cached_property
    def hall_address(self):
        """The halls' address, from the site's settings (set in bulk for listings)."""
        from home.models import SiteSettings

        site = self.get_site()
        return halls_address(SiteSettings.for_site(site)) if site is not None else ""

    @property
    def place_address(self):
        if self.room_id or not self.venue_name:
            return self.hall_address
        return ", ".join(part for part in (self.venue_address, self.venue_city) if part)

    def _localized(self, manager):
        """Objects of a many-to-many field in the page's language (stored in the source's)."""
        objects = list(manager.all())
        if not objects:
            return []
        model = type(objects[0])
        keys = [obj.translation_key for obj in objects]
        found = {
            obj.translation_key: obj
            for obj in model.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
        }
        return [found.get(obj.translation_key, obj) for obj in objects]

    @property
    def localized_themes(self):
        return self._localized(self.themes)

    @cached_property
    def localized_organisers(self):
        """Live organisers in the page's language (set in bulk by queries.attach_organisers)."""
        return [page for page in self._localized(self.organisers) if page.live]

    @property
    def accessibility_features(self):
        fields = ("step_free_access", "sign_language", "easy_to_read", "induction_loop")
        return [self._meta.get_field(name).verbose_name for name in fields if getattr(self, name)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["occurrences"] = self.next_occurrences(request=request)
        context["json_ld"] = self.json_ld(request)
        context["calendar_links"] = self.calendar_links(request)
        from ..views import registration_context

        context.update(registration_context(request, self))
        from .pages import FestivalPage

        parent = self.get_parent().specific
        context["festival"] = parent if isinstance(parent, FestivalPage) else None
        return context
