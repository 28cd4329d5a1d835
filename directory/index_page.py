"""The directory's front page: search, facets, and the open-data exports of the same list."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from . import exports, views


class DirectoryIndexPage(RoutablePageMixin, Page):
    """One per language (under each language's home page)."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("A few sentences at the top of the directory and in search results."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.OrganisationPage", "directory.PlacePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("directory index")

    @path("")
    def listing(self, request):
        return views.directory_listing(self, request)

    # Wagtail serves page paths made of letters, digits, "-" and "/", so no "export.csv".
    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        return exports.export_csv(self, request)

    @path("export/json/", name="export_json")
    def export_json(self, request):
        return exports.export_json(self, request)

    @path("export/geojson/", name="export_geojson")
    def export_geojson(self, request):
        return exports.export_geojson(self, request)

    @path("embed/", name="embed")
    def embed(self, request):
        return views.directory_embed(self, request)

    @path("autocomplete/", name="autocomplete")
    def autocomplete(self, request):
        return views.autocomplete(self, request)
