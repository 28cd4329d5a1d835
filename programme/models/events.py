import datetime as dt
import json
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_TEXT_FEATURES
from search.index import STEMMED_SEARCH_FIELDS, StemmedSearchMixin

from ..choices import Audience, EventFormat, EventStatus, RegistrationMode, Weekday
from ..recurrence import RecurrenceMixin, local_zone

SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.FULL: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
}


def json_for_script(data):
    """JSON safe inside a <script> element: no character can close it or open a comment."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped just above


@dataclass
class EventOccurrence:
    """One date of an event: a one-off event has one, a repeating event one per repetition."""

    event: "EventPage"
    start: dt.datetime
    end: dt.datetime
    title: str = ""
    url: str = ""
    status: str = EventStatus.SCHEDULED
    room: object = None

    def __post_init__(self):
        self.title = self.title or self.event.title
        self.status = self.event.status

    @property
    def day(self):
        return timezone.localtime(self.start, local_zone()).date()

    @property
    def all_day(self):
        return self.event.all_day

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    def get_status_display(self):
        return EventStatus(self.status).label


class EventPageForm(WagtailAdminPageForm):
    recurrence_weekdays = forms.MultipleChoiceField(
        label=_("on these days"),
        choices=Weekday.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class EventPage(StemmedSearchMixin, RoutablePageMixin, RecurrenceMixin, Page):
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
        if self.registration_mode == RegistrationMode.PORTAL and not self.capacity:
            errors["capacity"] = _("Give the number of places to register on this website.")
        if errors:
            raise ValidationError(errors)

    # Routes -------------------------------------------------------------------------------

    @path("")
    def event(self, request):
        return self.render(request)

    @path("calendar/", name="ics")
    def ics(self, request):
        from ..feeds import calendar_response

        return calendar_response([self], request, self.title, filename=f"{self.slug}.ics")

    # Dates --------------------------------------------------------------------------------

    def occurrences_between(self, after, before, request=None):
        url = self.get_url(request)
        return [
            EventOccurrence(event=self, start=start, end=start + self.duration, url=url)
            for start in self.starts_between(after, before)
        ]

    def next_occurrences(self, limit=10, request=None):
        now = timezone.now()
        return self.occurrences_between(now, now + dt.timedelta(days=400), request)[:limit]

    def display_occurrence(self, request=None):
        """The next date of the event, or its first one once it is over."""
        upcoming = self.next_occurrences(limit=1, request=request)
        if upcoming:
            return upcoming[0]
        return EventOccurrence(event=self, start=self.start, end=self.end, url=self.get_url())

    # Place --------------------------------------------------------------------------------

    @property
    def localized_room(self):
        return self.room.localized if self.room_id else None

    @property
    def place_name(self):
        room = self.localized_room
        return room.name if room else self.venue_name

    @property
    def place_address(self):
        if self.room_id or not self.venue_name:
            from home.models import SiteSettings

            site = self.get_site()
            if site is None:
                return ""
            settings = SiteSettings.for_site(site)
            return ", ".join(
                part for part in (settings.street_address, settings.postcode, settings.city) if part
            )
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

    @property
    def localized_organisers(self):
        return [page for page in self._localized(self.organisers) if page.live]

    @property
    def accessibility_features(self):
        fields = ("step_free_access", "sign_language", "easy_to_read", "induction_loop")
        return [self._meta.get_field(name).verbose_name for name in fields if getattr(self, name)]

    # Sharing ------------------------------------------------------------------------------

    def json_ld(self, request=None):
        occurrence = self.display_occurrence(request)
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary or strip_tags(self.description)[:300],
            "startDate": timezone.localtime(occurrence.start, local_zone()).isoformat(),
            "endDate": timezone.localtime(occurrence.end, local_zone()).isoformat(),
            "eventStatus": SCHEMA_STATUS[EventStatus(self.status)],
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "inLanguage": self.locale.language_code,
            "url": self.get_full_url(request),
            "location": {
                "@type": "Place",
                "name": self.place_name or "Les Halles Civiques",
                "address": {"@type": "PostalAddress", "streetAddress": self.place_address},
            },
            "offers": {
                "@type": "Offer",
                "price": "0" if self.is_free else str(self.price),
                "priceCurrency": "EUR",
                "url": self.registration_url or self.get_full_url(request),
                "availability": "https://schema.org/SoldOut"
                if self.status == EventStatus.FULL
                else "https://schema.org/InStock",
            },
            "organizer": [
                {"@type": "Organization", "name": page.title, "url": page.get_full_url(request)}
                for page in self.localized_organisers
            ]
            or {"@type": "Organization", "name": "Les Halles Civiques"},
        }
        if self.latitude is not None and self.longitude is not None:
            data["location"]["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        if self.image_id and request is not None:
            rendition = self.image.get_rendition("fill-1200x630")
            data["image"] = request.build_absolute_uri(rendition.url)
        return json_for_script(data)

    def calendar_links(self, request=None):
        """Links that add the next date to Google Calendar and Outlook on the web."""
        occurrence = self.display_occurrence(request)
        utc = dt.UTC
        start, end = occurrence.start.astimezone(utc), occurrence.end.astimezone(utc)
        details = self.summary or ""
        location = ", ".join(part for part in (self.place_name, self.place_address) if part)
        google = {
            "action": "TEMPLATE",
            "text": self.title,
            "dates": f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}",
            "details": f"{details}\n{self.get_full_url(request)}".strip(),
            "location": location,
            "ctz": "Europe/Paris",
        }
        if self.is_recurring:
            google["recur"] = f"RRULE:{self.rrule_string}"
        outlook = {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": self.title,
            "startdt": start.isoformat(),
            "enddt": end.isoformat(),
            "body": details,
            "location": location,
        }
        return {
            "ics": self.url + self.reverse_subpage("ics"),
            "google": "https://calendar.google.com/calendar/render?" + urlencode(google),
            "outlook": "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(outlook),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["occurrences"] = self.next_occurrences(request=request)
        context["json_ld"] = self.json_ld(request)
        context["calendar_links"] = self.calendar_links(request)
        from .pages import FestivalPage

        parent = self.get_parent().specific
        context["festival"] = parent if isinstance(parent, FestivalPage) else None
        return context
