"""The site search page (one per language) and the log of what readers search for."""

import datetime as dt

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from .text import fold

MAX_LOGGED_QUERY = 100


class SearchPage(RoutablePageMixin, Page):
    """Search across the directory, the programme and the content pages of a language."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = []  # the search page itself is never a result

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("search page")

    @path("")
    def results(self, request):
        from .views import search_results

        return search_results(self, request)

    @path("suggest/", name="suggest")
    def suggest(self, request):
        from .views import suggest

        return suggest(self, request)

    # Wagtail serves only slash-ended paths without dots, hence not "opensearch.xml".
    @path("opensearch/", name="opensearch")
    def opensearch(self, request):
        from .views import opensearch_description

        return opensearch_description(self, request)


class SearchQueryLog(models.Model):
    """How often a (folded) query was searched each day in a language, and found nothing."""

    query = models.CharField(_("query"), max_length=MAX_LOGGED_QUERY)
    language = models.CharField(_("language"), max_length=10)
    day = models.DateField(_("day"))
    hits = models.PositiveIntegerField(_("searches"), default=0)
    empty_hits = models.PositiveIntegerField(_("searches without result"), default=0)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "day"], name="search_query_log_unique_day"
            )
        ]
        indexes = [models.Index(fields=["day"], name="search_query_log_day")]

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, query, language, found):
        """Count one search of `query` (found: how many results it gave)."""
        query = " ".join(fold(query).split())[:MAX_LOGGED_QUERY]
        if not query:
            return
        row, _created = cls.objects.get_or_create(
            query=query, language=language, day=timezone.localdate()
        )
        cls.objects.filter(pk=row.pk).update(
            hits=F("hits") + 1, empty_hits=F("empty_hits") + (0 if found else 1)
        )

    @classmethod
    def most_frequent(cls, days=30, empty_only=False, limit=50):
        since = timezone.localdate() - dt.timedelta(days=days)
        rows = cls.objects.filter(day__gte=since)
        if empty_only:
            rows = rows.filter(empty_hits__gt=0)
        total = "empty_hits" if empty_only else "hits"
        return (
            rows.values("query", "language")
            .annotate(total=models.Sum(total), empty=models.Sum("empty_hits"))
            .order_by("-total", "query")[:limit]
        )
