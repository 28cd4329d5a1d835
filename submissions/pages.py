"""The page that presents the three proposal forms (/fr/proposer/, /en/submit/) and serves
them; the forms' handling is in views.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from . import views
from .choices import Kind


class SubmissionIndexPage(RoutablePageMixin, Page):
    """The page that presents the three forms (/fr/proposer/, /en/submit/) and serves them."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("submission forms page")

    @path("")
    def choose(self, request):
        return self.render(request)

    @path("organisation/", name="organisation")
    def organisation_form(self, request):
        return views.submit(self, request, Kind.ORGANISATION)

    @path("place/", name="place")
    def place_form(self, request):
        return views.submit(self, request, Kind.PLACE)

    @path("event/", name="event")
    def event_form(self, request):
        return views.submit(self, request, Kind.EVENT)

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return views.thanks(self, request)
