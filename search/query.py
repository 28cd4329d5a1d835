"""Searching the read model: what the directory, the site search page and the API use.

`Search` is one locale, optionally the children of one page, a reader's text, facet
selections (several values of one facet are OR-ed, different facets AND-ed) and optionally a
list of page ids the results must be in. It turns the text into a query plan
(`search.vocabulary`) and asks the engine (`search.engines`) for ranked ids and facet counts:
nothing is loaded but ids and counts, and a caller loads the few rows it shows. The design is
explained in docs/search.md.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q
from wagtail.models import Locale, Page

from . import vocabulary
from .elastic.index import configured as index_configured
from .elastic.searching import reading_engine
from .engines import KIND, NAME, NEWEST, RELEVANCE, Criteria
from .engines.base import LRU
from .indexing import VERSION_NAME
from .models import IndexedPage, IndexVersion
from .text import fold, query_words

__all__ = [
    "KIND",
    "NAME",
    "NEWEST",
    "RELEVANCE",
    "Search",
    "autocomplete",
    "children_of",
    "index_state",
    "remember",
]

MAX_VALUES_PER_FACET = 20
AUTOCOMPLETE_FROM = 2
MAX_QUERY_WORDS = vocabulary.MAX_QUERY_WORDS


def children_of(page):
    """The rows of `page`'s children, as a range of tree paths: an index range scan (a
    LIKE 'path%' is case-insensitive on SQLite, so it could not use the index)."""
    first, last = page.path + "0" * Page.steplen, page.path + "Z" * Page.steplen
    return Q(path__gte=first, path__lte=last, depth=page.depth + 1)


def index_state(locale):
    """(index version, language code of `locale`) in one query; `locale` is a Locale or an id
    (a page's `locale_id` saves loading its locale)."""
    if isinstance(locale, Locale):
        version = IndexVersion.objects.filter(name=VERSION_NAME).values_list("version", flat=True)
        return next(iter(version), 0), locale.language_code
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT version FROM search_indexversion WHERE name = %s), "
            "(SELECT language_code FROM wagtailcore_locale WHERE id = %s)",
            [VERSION_NAME, locale],
        )
        version, language = cursor.fetchone()
    return version or 0, language or ""


_remembered = LRU(256)


def remember(key, version, compute):
    """`compute()`, kept in this process for as long as the index version is `version`: for
    what only changes when the index does (a snippet saved re-indexes the pages using it)."""
    cached = _remembered.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    value = compute()
    _remembered.put(key, (version, value))
    return value


class Search:
    """The pages of a locale matching a text and facet selections (see the module's doc)."""

    def __init__(self, locale, text="", *, under=None, filters=None, restrict=None, state=None):
        self.locale_id = locale.pk if isinstance(locale, Locale) else int(locale)
        self.version, self.language = state or index_state(locale)
        self.under = under
        self.filters = {}
        for name, values in (filters or {}).items():
            kept = list(dict.fromkeys(str(value) for value in values or () if value))
            if kept:
                self.filters[name] = kept[:MAX_VALUES_PER_FACET]
        self.restrict = None if restrict is None else tuple(sorted(set(restrict)))
        self.plan = vocabulary.plan(text, self.language, self.version)
        self.criteria = Criteria(
            locale_id=self.locale_id,
            groups=tuple(self.plan.groups),
            name=self.plan.name,
            parent_path=under.path if under is not None else None,
            restrict=self.restrict,
            language=self.language,
        ).with_filters(self.filters)
        self._total = None
        # The database engine, or the external engine with the database as its fallback.
        self.engine = reading_engine()

    @property
    def state(self):
        return self.version, self.language

    @property
    def degraded(self):
        """The external engine failed and the database answered (only with SEARCH_URL set)."""
        return getattr(self.engine, "degraded", False)

    @property
    def answered_by(self):
        return getattr(self.engine, "answered_by", "database")

    @property
    def has_text(self):
        return bool(self.plan.groups)

    @property
    def fuzzy(self):
        return self.has_text and self.plan.fuzzy

    # --- Results ----------------------------------------------------------------------------

    def count(self):
        if self._total is None:
            self._total, _counts = self.engine.facet_counts(self.criteria, [], self.version)
        return self._total

    def ordered(self, sort=RELEVANCE, upcoming_first=False):
        """Every matching row's id, best first, as a sequence a paginator slices."""
        return RankedIds(self, sort, upcoming_first)

    def expect_page(self, sort=RELEVANCE, number=None, per_page=20, upcoming_first=False):
        """Say which page of `ordered` (a paginator's page `number`, as the reader gave it)
        will be read after the counts, so an engine able to may fetch both at once."""
        try:
            offset = max(int(number or 1) - 1, 0) * per_page
        except (TypeError, ValueError):  # the paginator shows the first page for those
            offset = 0
        self.engine.expect_page(self.criteria, sort, offset, per_page, upcoming_first)

    def ids(self):
        """[(page id, name key)] of every matching row, unordered."""
        return self.engine.ids(self.criteria)

    def tree_rows(self):
        """The read model's rows of the locale (and parent page), text and facets aside."""
        rows = IndexedPage.objects.filter(locale_id=self.locale_id)
        return rows.filter(children_of(self.under)) if self.under is not None else rows

    # --- Facets -----------------------------------------------------------------------------

    def facet_counts(self, names):
        """{facet: {value: count}} for `names`, each counted over the rows every *other*
        facet selects, so an option's count is what choosing it would add or leave."""
        self._total, counts = self.engine.facet_counts(self.criteria, list(names), self.version)
        return counts

    # --- When nothing matches ---------------------------------------------------------------

    def suggestion(self):
        """A corrected query for "did you mean", or None (only worth asking with no result)."""
        if not self.has_text:
            return None
        corrected = vocabulary.suggestion(self.plan, self.language, self.version)
        if corrected is None:
            return None
        attempt = Search(
            self.locale_id,
            corrected,
            under=self.under,
            filters=self.filters,
            restrict=self.restrict,
            state=self.state,
        )
        return corrected if attempt.count() else None


class RankedIds:
    """The ids of a search in its order, sliced the way Django's Paginator does: each slice is
    one ORDER BY ... LIMIT query, the count comes from the facet counts when they were made."""

    def __init__(self, search, sort, upcoming_first):
        self.search = search
        self.sort = sort
        self.upcoming_first = upcoming_first

    def count(self):
        return self.search.count()

    def __len__(self):
        return self.count()

    def _ids(self, offset, limit):
        return self.search.engine.ranked_ids(
            self.search.criteria,
            order=self.sort,
            offset=offset,
            limit=limit,
            upcoming_first=self.upcoming_first,
        )

    def __getitem__(self, key):
        if not isinstance(key, slice):
            found = self._ids(key, 1)
            if not found:
                raise IndexError(key)
            return found[0]
        start, stop = key.start or 0, key.stop
        if stop is not None and stop <= start:
            return []
        return self._ids(start, None if stop is None else stop - start)

    def __iter__(self):
        return iter(self._ids(0, None))


@dataclass
class Suggestion:
    page_id: int
    title: str
    kind: str
    url_path: str


def autocomplete(locale, text, *, under=None, restrict=None, limit=8):
    """Names with a word beginning like each typed word (from 2 letters), those beginning
    like the whole text first, then by name."""
    typed = [fold(word) for word in query_words(text or "")][:MAX_QUERY_WORDS]
    if len("".join(typed)) < AUTOCOMPLETE_FROM:
        return []
    locale_id = locale.pk if isinstance(locale, Locale) else int(locale)
    criteria = Criteria(
        locale_id=locale_id,
        parent_path=under.path if under is not None else None,
        restrict=None if restrict is None else tuple(restrict),
        language=index_state(locale)[1] if index_configured() else "",
    )
    return [Suggestion(*row) for row in reading_engine().autocomplete(criteria, typed, limit)]
