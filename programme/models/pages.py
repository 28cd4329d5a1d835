from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import RICH_TEXT_FEATURES
from search.index import STEMMED_SEARCH_FIELDS, StemmedSearchMixin


class ProgrammePage(StemmedSearchMixin, RoutablePageMixin, Page):
    """The programme of a language: upcoming events by day, filters, and feeds of them."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        *STEMMED_SEARCH_FIELDS,
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["programme.EventPage", "programme.FestivalPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme")

    @path("")
    def listing(self, request):
        from ..views import listing_context

        return self.render(request, context_overrides=listing_context(request, self))

    # Wagtail serves only slash-ended paths without dots, hence "calendar/" and not
    # "calendar.ics"; the response names its file programme.ics.
    @path("calendar/", name="calendar")
    def calendar(self, request):
        from ..feeds import programme_calendar

        return programme_calendar(request, self)

    @path("feed/", name="atom")
    def atom(self, request):
        from ..feeds import atom_response

        return atom_response(request, self)

    @path("embed/", name="embed")
    def embed(self, request):
        from ..views import embed

        return embed(request, self)


class FestivalPage(StemmedSearchMixin, RoutablePageMixin, Page):
    """A series of events over a few days, such as the yearly Festives Halles Civiques."""

    summary = models.CharField(_("summary"), max_length=300, blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
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
        *STEMMED_SEARCH_FIELDS,
    ]
    override_translatable_fields = [
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("image"),
    ]

    parent_page_types = ["programme.ProgrammePage"]
    subpage_types = ["programme.EventPage"]

    class Meta:
        verbose_name = _("festival")
        verbose_name_plural = _("festivals")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first.")})

    @path("")
    def listing(self, request):
        from ..views import listing_context

        return self.render(request, context_overrides=listing_context(request, self))

    @path("calendar/", name="calendar")
    def calendar(self, request):
        from ..feeds import programme_calendar

        return programme_calendar(request, self)

    def festival_events(self, request=None):
        """The festival's events with what its page shows of each (rooms, organisers, images
        and their renditions, full URLs), in the same few queries however many there are."""
        from ..queries import PageUrls, attach_organisers, events_for_locale, prepare

        events = (
            events_for_locale(self.locale)
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
        import json

        from django.utils.translation import ngettext

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
        from .sharing import json_for_script

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
            "subEvent": [
                event.json_ld_data(request, url=getattr(event, "listing_full_url", None))
                for event in events
            ],
        }
        return json_for_script(data)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from django.conf import settings

        events = self.festival_events(request)
        context["venues"] = self.venue_list(events)
        context["venue_map"] = {
            "points": self.map_data(context["venues"]),
            "tile_url": settings.PORTAL_MAP_TILE_URL,
            "attribution": settings.PORTAL_MAP_TILE_ATTRIBUTION,
        }
        context["json_ld"] = self.json_ld(events, request)
        return context
