"""Admin reports for keeping the directory useful: entries nobody has confirmed for a long
time, and entries without coordinates (missing from the map, the GeoJSON and "near me")."""

import datetime as dt

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from .entries import OrganisationPage, PlacePage
from .freshness import confirmed_before, stale_before, stale_days

ENTRY_MODELS = (OrganisationPage, PlacePage)


def _entries(filter_ids):
    """Organisations and places chosen by `filter_ids(model)`, as specific pages."""
    ids = []
    for model in ENTRY_MODELS:
        ids.extend(filter_ids(model))
    return Page.objects.filter(pk__in=ids).select_related("locale").order_by("title").specific()


class EntryReportView(PageReportView):
    any_permission_required = ["add", "change", "publish"]
    list_export = [*PageReportView.list_export, "url_path"]

    def get_filename(self):
        return f"{self.filename_prefix}-{dt.date.today():%Y-%m-%d}"


class StaleEntriesView(EntryReportView):
    page_title = _("Listings to confirm")
    header_icon = "time"
    results_template_name = "directory/reports/stale_results.html"
    index_url_name = "directory_stale_report"
    index_results_url_name = "directory_stale_report_results"
    filename_prefix = "listings-to-confirm"
    list_export = [*EntryReportView.list_export, "confirmed_on"]
    export_headings = {**PageReportView.export_headings, "confirmed_on": _("Last confirmed")}

    def get_queryset(self):
        before = stale_before()
        self.queryset = _entries(
            lambda model: confirmed_before(model.objects.live(), before).values_list(
                "pk", flat=True
            )
        )
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["stale_days"] = stale_days()
        return context


class MissingCoordinatesView(EntryReportView):
    page_title = _("Listings without coordinates")
    header_icon = "site"
    results_template_name = "directory/reports/missing_coordinates_results.html"
    index_url_name = "directory_missing_coordinates_report"
    index_results_url_name = "directory_missing_coordinates_report_results"
    filename_prefix = "listings-without-coordinates"
    list_export = [*EntryReportView.list_export, "location_line"]
    export_headings = {**PageReportView.export_headings, "location_line": _("Location")}

    def get_queryset(self):
        self.queryset = _entries(
            lambda model: model.objects.filter(
                latitude__isnull=True, alias_of__isnull=True
            ).values_list("pk", flat=True)
        )
        return super().get_queryset()
