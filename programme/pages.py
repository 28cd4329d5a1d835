"""The programme of each language and its festivals: listings by day, filters and feeds."""

import datetime as dt
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from streamblocks.blocks import RICH_TEXT_FEATURES

from . import exports, feeds, views
from .choices import EventStatus
from .events import EventPage
from .forms import ProgrammeFilterForm
from .queries import PageUrls, attach_organisers, prepare
from .sharing import festival_offers, json_for_script


class ListingMixin:
    """What the programme and a festival share: the events they list and their filters."""

    def listed_events(self):
        return EventPage.objects.listed(self.locale)

    @path("")
    def listing(self, request):
        return self.render(request, context_overrides=views.listing_context(request, self))

    # Wagtail serves only slash-ended paths without dots, hence "calendar/" and not
    # "calendar.ics"; the response names its file after the page.
    @path("calendar/", name="calendar")
    def calendar(self, request):
        return feeds.programme_calendar(request, self)

    # The listed dates as open data, with the same filters (see exports.py).
    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        return exports.export_csv(self, request)

    @path("export/json/", name="export_json")
    def export_json(self, request):
        return exports.export_json(self, request)


class ProgrammePage(ListingMixin, RoutablePageMixin, Page):
    """The programme of a language: upcoming events by day, filters, and feeds of them."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=500,
        help_text=_("A few sentences at the top of the programme page and in search results."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["programme.EventPage", "programme.FestivalPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme")

    def filter_form(self, data):
        # Built only if used: the options are cached, and a festival is rarely chosen.
        festivals = SimpleLazyObject(
            lambda: FestivalPage.objects.live().public().filter(locale=self.locale)
        )
        return ProgrammeFilterForm(
            data,
            locale=self.locale,
            events=SimpleLazyObject(self.listed_events),
            festivals=festivals,
            choices_key=("programme", self.pk),
        )

    @path("feed/", name="atom")
    def atom(self, request):
        return feeds.atom_response(request, self)

    @path("embed/", name="embed")
    def embed(self, request):
        return views.embed(request, self)


class FestivalPage(ListingMixin, RoutablePageMixin, Page):
    """A series of events over a few days, such as the yearly Festives Halles Civiques."""

    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown under the festival's name and in link previews."),
    )
    start_date = models.DateField(
        _("first day"), help_text=_("First day of the festival; its calendar opens on this month.")
    )
    end_date = models.DateField(_("last day"), help_text=_("Last day of the festival."))
    description = RichTextField(
        _("description"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the festival is about. Its events are listed below it automatically."),
    )
    venues = models.TextField(
        _("venues"), blank=True, help_text=_("Where the festival takes place, in a few words.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A landscape photo, at least 1200 pixels wide."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])],
            heading=_("Dates"),
        ),
        FieldPanel("image"),
        FieldPanel("description"),
        FieldPanel("venues"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("start_date"),
    ]
    override_translatable_fields = [
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("image"),
    ]

    parent_page_types = ["programme.ProgrammePage"]
    subpage_types = ["programme.EventPage"]

    # How the portal's search reads a festival (see search/documents.py): past ones rank last.
    search_kind = "event"
    search_kind_label = _("Events")

    class Meta:
        verbose_name = _("festival")
        verbose_name_plural = _("festivals")

    def search_document(self):
        last_day = dt.datetime.combine(self.end_date + dt.timedelta(days=1), dt.time.min)
        return {"summary": self.summary, "ends_at": timezone.make_aware(last_day)}

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first.")})

    def filter_form(self, data):
        return ProgrammeFilterForm(
            data,
            locale=self.locale,
            events=self.listed_events(),
            festival=self,
            choices_key=("festival", self.pk),
        )

    def festival_events(self, request=None):
        """The festival's events with what its page shows of each (rooms, organisers, images
        and their renditions, full URLs), in the same few queries however many there are."""
        events = (
            self.listed_events()
            .descendant_of(self)
            .select_related("image")
            .prefetch_related("image__renditions")
        )
        events = attach_organisers(prepare(events, request, self.locale), self.locale)
        urls = PageUrls(request, full=True)
        for event in events:
            event.listing_full_url = urls(event)
        return events

    def venue_list(self, events):
        """Each place the festival's events happen at, once, with its address and position."""
        venues = {}
        for event in events:
            key = (event.place_name, event.place_address)
            venue = venues.setdefault(
                key,
                {
                    "name": event.place_name or "Les Halles Civiques",
                    "address": event.place_address,
                    "latitude": event.latitude,
                    "longitude": event.longitude,
                    "events": [],
                },
            )
            venue["events"].append(event)
        return list(venues.values())

    @staticmethod
    def map_data(venues):
        """The venues with a position, as JSON for the map's data attribute (the template
        escapes it); the list of venues next to the map gives the same places to everyone."""
        points = [
            {
                "name": venue["name"],
                "address": venue["address"],
                "latitude": float(venue["latitude"]),
                "longitude": float(venue["longitude"]),
                "events": ngettext("%(count)d event", "%(count)d events", len(venue["events"]))
                % {"count": len(venue["events"])},
            }
            for venue in venues
            if venue["latitude"] is not None and venue["longitude"] is not None
        ]
        return json.dumps(points, ensure_ascii=False) if points else ""

    def json_ld(self, events, request=None):
        """schema.org Festival (an EventSeries too) with its events as subEvents."""

        def place(venue):
            data = {
                "@type": "Place",
                "name": venue["name"],
                "address": {"@type": "PostalAddress", "streetAddress": venue["address"]},
            }
            if venue["latitude"] is not None and venue["longitude"] is not None:
                data["geo"] = {
                    "@type": "GeoCoordinates",
                    "latitude": float(venue["latitude"]),
                    "longitude": float(venue["longitude"]),
                }
            return data

        venues = self.venue_list(events)
        data = {
            "@context": "https://schema.org",
            "@type": ["Festival", "EventSeries"],
            "name": self.title,
            "description": self.summary,
            "startDate": self.start_date.isoformat(),
            "endDate": self.end_date.isoformat(),
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": [place(venue) for venue in venues]
            or {"@type": "Place", "name": "Les Halles Civiques"},
            "organizer": {"@type": "Organization", "name": "Les Halles Civiques"},
            # A festival has no status of its own: it takes place while any event does.
            "eventStatus": "https://schema.org/EventCancelled"
            if events and all(event.status == EventStatus.CANCELLED for event in events)
            else "https://schema.org/EventScheduled",
            "subEvent": [
                event.json_ld_data(request, url=getattr(event, "listing_full_url", None))
                for event in events
            ],
        }
        offers = festival_offers(events)
        if offers:
            data["offers"] = offers
        return json_for_script(data)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = self.festival_events(request)
        context["venues"] = self.venue_list(events)
        context["venue_map"] = {
            "points": self.map_data(context["venues"]),
            "tile_url": settings.PORTAL_MAP_TILE_URL,
            "attribution": settings.PORTAL_MAP_TILE_ATTRIBUTION,
        }
        context["json_ld"] = self.json_ld(events, request)
        return context
