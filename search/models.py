"""The site search page (one per language), the log of what readers search for, and the
search read model: one row per live public page, written in the publishing transaction.

The read model is `search`'s own copy of what each page says about itself for searching (see
docs/search.md): its name, summary and text already analysed into stems and split by weight,
the tokens it is filtered on, its facet values (in a table of their own, so a facet may have
several values, and as a shared set of single values, so counting is one GROUP BY), what a
result card shows, coordinates and sort keys. Full text runs on it with the database's own
index: an FTS5 table on SQLite, tsvector columns with a GIN index on PostgreSQL, both made by
migrations for the database in use only.
"""

import datetime as dt

from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale, Page

from .elastic.models import MirrorChange, MirrorState  # noqa: F401 - the engine's outbox
from .text import fold

MAX_LOGGED_QUERY = 100


class SearchPage(RoutablePageMixin, Page):
    """Search across the directory, the programme and the content pages of a language."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = []  # the search page itself is never a result
    search_document = None

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
        """Count one search of `query` (found: how many results it gave), in one statement
        (an upsert: concurrent searches of the same words add up)."""
        query = " ".join(fold(query).split())[:MAX_LOGGED_QUERY]
        if not query:
            return
        table = cls._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (query, language, day, hits, empty_hits) "  # noqa: S608
                "VALUES (%s, %s, %s, 1, %s) ON CONFLICT (query, language, day) DO UPDATE SET "
                f"hits = {table}.hits + 1, empty_hits = {table}.empty_hits + excluded.empty_hits",
                [query, language, timezone.localdate(), 0 if found else 1],
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


class IndexedFacetSet(models.Model):
    """The single values (kind, type, city...) one or more pages share, counted as one.

    A page's facets with one value each are one set, named by a digest of its values, so
    counting a facet among matching pages is one GROUP BY over one row per page; the sums
    per facet value are added up from the sets (see `search.engines.base`).
    """

    id = models.BigIntegerField(primary_key=True)  # a digest of `values`
    values = models.JSONField(default=list)  # [[facet, value], ...], sorted

    class Meta:
        verbose_name = _("indexed facet set")

    def __str__(self):
        return ", ".join(f"{facet}={value}" for facet, value in self.values)


class IndexedPage(models.Model):
    """One live, public page as the search sees it (see the module's docstring)."""

    page = models.OneToOneField(Page, primary_key=True, on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40)
    path = models.CharField(max_length=255)  # the page tree's path, to search under a page
    depth = models.PositiveIntegerField()
    url_path = models.TextField(blank=True)  # Wagtail's, to build the address without the page
    title = models.CharField(max_length=255)
    name_key = models.CharField(max_length=255)  # folded words: sorted on, compared to
    summary = models.TextField(blank=True)
    # Analysed text (stems, one space apart) by weight: name > summary > body.
    name_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    # Tokens the full-text index filters on: locale, parent page, facet values (`search.scope`).
    scope = models.TextField(blank=True)
    facets = models.JSONField(default=dict)  # {facet: [values]}, for result cards
    facet_set = models.ForeignKey(
        IndexedFacetSet, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)  # events: past after this
    image_id = models.PositiveIntegerField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("indexed page")
        indexes = [
            models.Index(fields=["locale", "name_key"], name="search_indexed_locale_name"),
            models.Index(fields=["locale", "kind"], name="search_indexed_locale_kind"),
            models.Index(fields=["path"], name="search_indexed_path"),
            # Facet counts scan this in set order, never sorting (`search.engines`).
            models.Index(
                fields=["locale", "facet_set", "depth", "path"], name="search_indexed_sets"
            ),
        ]

    def __str__(self):
        return self.title


class IndexedFacet(models.Model):
    """One value of one facet of an indexed page; a page has as many rows as values.
    `multiple`: the page gave a list of values for that facet (themes, accessibility)."""

    entry = models.ForeignKey(
        IndexedPage, on_delete=models.CASCADE, related_name="facet_values", db_index=False
    )
    facet = models.CharField(max_length=40)
    value = models.CharField(max_length=255)
    multiple = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("indexed facet value")
        indexes = [
            models.Index(fields=["facet", "value", "entry"], name="search_facet_value"),
            models.Index(fields=["entry", "facet"], name="search_facet_entry"),
            models.Index(fields=["multiple", "facet"], name="search_facet_multiple"),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class IndexedWord(models.Model):
    """A word of the indexed text of a language and its stem: what queries are expanded from
    (prefixes, typos) and "did you mean" is taken from."""

    language = models.CharField(max_length=10)
    word = models.CharField(max_length=60)
    stem = models.CharField(max_length=60)

    class Meta:
        verbose_name = _("indexed word")
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="search_word_unique")
        ]

    def __str__(self):
        return self.word


class IndexVersion(models.Model):
    """A number changed by every write to the read model, in the same transaction: caches of
    anything read from the index (the vocabulary, facet counts, pages) are keyed by it. It is
    a random number, not a counter, so a version that was rolled back is never seen again."""

    name = models.CharField(max_length=20, primary_key=True)
    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("index version")

    def __str__(self):
        return f"{self.name}: {self.version}"
