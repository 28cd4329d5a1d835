"""Admin report: what readers search for most, and what they search for in vain."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import SearchQueryLog

REPORT_DAYS = 30


class SearchQueriesReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/reports/search_queries.html"
    page_title = _("Search queries")
    header_icon = "search"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["days"] = REPORT_DAYS
        context["frequent"] = SearchQueryLog.most_frequent(days=REPORT_DAYS)
        context["without_results"] = SearchQueryLog.most_frequent(days=REPORT_DAYS, empty_only=True)
        return context
