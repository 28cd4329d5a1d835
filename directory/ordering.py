"""The order of the directory's entries, computed in the database where it can be."""

from search.query import NAME, NEWEST, RELEVANCE

from .choices import Sort

SORTS = {Sort.RELEVANCE: RELEVANCE, Sort.NAME: NAME, Sort.NEWEST: NEWEST}

# Exports read and write this many entries at a time: memory stays flat.
EXPORT_CHUNK = 1000


class OrderedEntries:
    """The ids of a search's entries in its order, sliced the way Django's Paginator does.

    Relevance, name and date are ORDER BY ... LIMIT in the database (`search.query`); distance
    orders in Python the ids the circle already selected (a bounded set).
    """

    def __init__(self, directory_search):
        self.directory_search = directory_search
        self.search = directory_search.search
        self._ids = None

    @property
    def by_distance(self):
        return self.directory_search.sort == Sort.DISTANCE

    def _rows(self):
        return self.search.ordered(SORTS.get(self.directory_search.sort, NAME))

    def expect_page(self, number, per_page):
        """Tell the search which page the paginator will read (see `Search.expect_page`)."""
        if not self.by_distance:
            sort = SORTS.get(self.directory_search.sort, NAME)
            self.search.expect_page(sort, number, per_page)

    def _by_distance(self):
        if self._ids is None:
            distances = self.directory_search.distances
            rows = self.search.ids()
            ordered = sorted(rows, key=lambda row: (distances[row[0]], row[1], row[0]))
            self._ids = [pk for pk, _name in ordered]
        return self._ids

    def count(self):
        if self.directory_search.total is not None:  # the facets counted them already
            return self.directory_search.total
        return self.search.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        if self.by_distance:
            return self._by_distance()[key]
        return list(self._rows()[key])

    def __iter__(self):
        if self.by_distance:
            return iter(self._by_distance())
        return iter(self._rows())

    def chunks(self, size=EXPORT_CHUNK):
        """The ids in lists of `size`, read from one query (for streamed exports)."""
        chunk = []
        for pk in self:
            chunk.append(pk)
            if len(chunk) == size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk
