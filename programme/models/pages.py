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


class ProgrammePage(RoutablePageMixin, Page):
    """The programme of a language: upcoming events by day, filters, and feeds of them."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

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


class FestivalPage(RoutablePageMixin, Page):
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
