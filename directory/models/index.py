"""The directory's front page: search, facets, and the open-data exports of the same list."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from search.index import STEMMED_SEARCH_FIELDS, StemmedSearchMixin


class DirectoryIndexPage(StemmedSearchMixin, RoutablePageMixin, Page):
    """One per language (under each language's home page)."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        *STEMMED_SEARCH_FIELDS,
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.OrganisationPage", "directory.PlacePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("directory index")

    @path("")
    def listing(self, request):
        from ..views import directory_listing

        return directory_listing(self, request)

    # Wagtail serves page paths made of letters, digits, "-" and "/", so no "export.csv".
    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        from ..exports import export_csv

        return export_csv(self, request)

    @path("export/json/", name="export_json")
    def export_json(self, request):
        from ..exports import export_json

        return export_json(self, request)

    @path("export/geojson/", name="export_geojson")
    def export_geojson(self, request):
        from ..exports import export_geojson

        return export_geojson(self, request)

    @path("embed/", name="embed")
    def embed(self, request):
        from ..views import directory_embed

        return directory_embed(self, request)

    @path("autocomplete/", name="autocomplete")
    def autocomplete(self, request):
        from ..views import autocomplete

        return autocomplete(self, request)
