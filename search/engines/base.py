"""What every search engine answers, and how the database engines count facets.

An engine is given `Criteria`: the reader's words already analysed and expanded
(`search.vocabulary.QueryPlan.groups`: one group of exact and loose terms per word), the
locale, optionally the page whose children are searched, a list of page ids the results must
be in, and facet selections (OR inside a facet, AND across facets). It answers with ranked ids
(`ranked_ids`), facet counts (`facet_counts`) and name suggestions (`autocomplete`), never with
pages: callers load what they show.

Ranking is the same sum on every engine, so the order is the same: for each word, the best of

    name exact 24 > name loose 12 > summary exact 8 > summary loose 4 > body exact 2 > loose 1

and 1,000 more when the folded name is the query itself; ties go by the name's bytes, then
page id. Counting on the databases: the single values of a page (kind, type, city...) are one
shared `IndexedFacetSet`, so one GROUP BY over one row per matching page gives every single
facet at once, and the selections are applied to those few sets here; facets given as lists
(themes, accessibility) are counted from their value rows, scanned in index order.
"""

import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field, replace

from wagtail.models import Page

from ..models import IndexedFacet, IndexedFacetSet
from ..scope import child_of_token, facet_token, locale_token

WEIGHTS = {  # (field, exact?) -> points, in the order they are tried
    ("name", True): 24,
    ("name", False): 12,
    ("summary", True): 8,
    ("summary", False): 4,
    ("body", True): 2,
    ("body", False): 1,
}
EXACT_NAME_BONUS = 1000
RELEVANCE, NAME, NEWEST = "relevance", "name", "newest"
KIND = "kind"


class UnsupportedDatabase(Exception):
    pass


@dataclass(frozen=True)
class Criteria:
    """Which rows a search is about (see the module's docstring)."""

    locale_id: int
    groups: tuple = ()  # search.vocabulary.WordGroup, one per query word
    name: str = ""  # the query as a name is compared, for the exact name bonus
    parent_path: str | None = None  # only the children of the page at this tree path
    restrict: tuple | None = None  # only these page ids
    filters: tuple = ()  # ((facet, (value, ...)), ...), sorted
    language: str = ""  # the locale's language code (the external engine's documents carry it)

    @property
    def has_text(self):
        return bool(self.groups)

    @property
    def selections(self):
        return dict(self.filters)

    def with_filters(self, filters):
        return replace(self, filters=tuple(sorted((f, tuple(v)) for f, v in filters.items())))

    def without_text(self):
        return replace(self, groups=(), name="")


@dataclass
class CountTask:
    """One GROUP BY of a count statement: sets (facets=None) or the value rows of `facets`,
    over the rows of `criteria`."""

    criteria: Criteria
    facets: tuple | None = None
    result: dict = field(default_factory=dict)


class LRU:
    """A small least-recently-used map shared by the threads of a process."""

    def __init__(self, size):
        self.size = size
        self.items = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        return None

    def put(self, key, value):
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


# Facet sets never change (their id is a digest of their values): kept once read.
_facet_sets = LRU(200_000)
# Counts without text depend only on the index version and the criteria: kept per version.
_counts_without_text = LRU(512)
_list_facets = LRU(4)


class DatabaseEngine:
    """Facet counting shared by the SQL engines; dialects write the statements."""

    vendor = None

    def ranked_ids(self, criteria, order=RELEVANCE, offset=0, limit=20, upcoming_first=False):
        """The ids of rows `offset` to `offset + limit` (all with limit None) in `order`,
        upcoming events first when asked, in one query."""
        raise NotImplementedError

    def expect_page(self, criteria, order, offset, limit, upcoming_first=False):
        """A hint: the caller will ask this page of `ranked_ids` after the facet counts. The
        SQL engines run them as two statements anyway; an external engine may fetch both in
        one request."""

    def autocomplete(self, criteria, words, limit):
        """[(page id, title, kind, url path)] of names with a word beginning like each word."""
        raise NotImplementedError

    def ids(self, criteria):
        """Every matching (page id, name key), unordered (for a bounded set, to sort by
        distance)."""
        raise NotImplementedError

    def run_counts(self, tasks):
        """Fill each task's `result` ({set id: n} or {(facet, value): n}), in one statement."""
        raise NotImplementedError

    # --- Facet counts -----------------------------------------------------------------------

    def facet_counts(self, criteria, names, version):
        """(total, {facet: {value: count}}) for `names`, each facet counted over the rows the
        *other* facets' selections leave, so an option's count is what choosing it gives."""
        listed = self.list_facets(version)
        selections = criteria.selections
        single = {facet: set(values) for facet, values in selections.items() if facet not in listed}
        base = criteria.with_filters(
            {facet: values for facet, values in selections.items() if facet in listed}
        )
        sets_task = CountTask(base)
        tasks = [sets_task]
        unselected = tuple(n for n in names if n in listed and n not in selections)
        if unselected:
            tasks.append(CountTask(criteria, unselected))
        for name in names:
            if name in listed and name in selections:
                others = {f: v for f, v in selections.items() if f != name}
                tasks.append(CountTask(criteria.with_filters(others), (name,)))
        self._run_cached(tasks, version)
        singles = [name for name in names if name not in listed]
        total, counts = self._from_sets(sets_task.result, single, singles)
        for task in tasks[1:]:
            for (facet, value), n in task.result.items():
                counts[facet][value] = n
        return total, {name: dict(counts[name]) for name in names}

    def _from_sets(self, histogram, single, names):
        """Counts of single facets and the total, from a histogram of facet sets: a set adds
        to a value's count when it satisfies the other facets' selections."""
        values = self.facet_sets(histogram)
        total = 0
        counts = defaultdict(lambda: defaultdict(int))
        for set_id, n in histogram.items():
            pairs = values[set_id]
            failed = [facet for facet, wanted in single.items() if pairs.get(facet) not in wanted]
            if not failed:
                total += n
            if len(failed) > 1:
                continue
            for name in names:
                value = pairs.get(name)
                if value is not None and (not failed or failed == [name]):
                    counts[name][value] += n
        return total, counts

    def _run_cached(self, tasks, version):
        pending = []
        for task in tasks:
            key = (version, self.vendor, task.criteria, task.facets)
            cached = _counts_without_text.get(key) if not task.criteria.has_text else None
            if cached is not None:
                task.result = cached
            else:
                pending.append((key, task))
        if pending:
            self.run_counts([task for _key, task in pending])
            for key, task in pending:
                if not task.criteria.has_text:
                    _counts_without_text.put(key, task.result)

    @staticmethod
    def facet_sets(histogram):
        """{set id: {facet: value}} for the sets of a histogram (read once, then kept)."""
        found = {set_id: _facet_sets.get(set_id) for set_id in histogram}
        missing = [set_id for set_id, values in found.items() if values is None]
        if missing:
            for set_id, pairs in IndexedFacetSet.objects.filter(id__in=missing).values_list(
                "id", "values"
            ):
                found[set_id] = dict(pairs)
                _facet_sets.put(set_id, found[set_id])
        return {set_id: values or {} for set_id, values in found.items()}

    @staticmethod
    def list_facets(version):
        """The facets some page gives as a list of values (counted from their rows)."""
        listed = _list_facets.get(version)
        if listed is None:
            listed = frozenset(
                IndexedFacet.objects.filter(multiple=True)
                .order_by()
                .values_list("facet", flat=True)
                .distinct()
            )
            _list_facets.put(version, listed)
        return listed


# --- Criteria as tokens or columns, for the dialects -----------------------------------------


def place_token(criteria):
    """The scope token every row of `criteria` has: its parent's, or else its locale's."""
    if criteria.parent_path is not None:
        return child_of_token(criteria.parent_path)
    return locale_token(criteria.locale_id)


def facet_tokens(criteria):
    """[[token, ...] per selected facet]: a row has one token of each list."""
    return [[facet_token(facet, value) for value in values] for facet, values in criteria.filters]


def tree_sql(alias, criteria, params):
    """The rows of `criteria`'s locale (and parent) by their columns, for rows no full-text
    query selects: the children are a range of tree paths, an index range scan."""
    params.append(criteria.locale_id)
    sql = f"{alias}.locale_id = %s"
    if criteria.parent_path is not None:
        parent, step = criteria.parent_path, Page.steplen
        params += [len(parent) // step + 1, parent + "0" * step, parent + "Z" * step]
        sql += f" AND {alias}.depth = %s AND {alias}.path >= %s AND {alias}.path <= %s"
    return sql
