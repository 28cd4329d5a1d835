"""The order of the directory's entries, computed in the database where it can be."""

from django.db.models import F
from django.db.models.functions import Lower

from .choices import Sort

# Exports read and write this many entries at a time: memory stays flat.
EXPORT_CHUNK = 1000


class OrderedEntries:
    """The ids of a search's entries in its order, sliced the way Django's Paginator does."""

    def __init__(self, search):
        self.search = search
        self.organisations, self.places = search.filtered()
        self._ids = None
        self._count = None

    def _in_python(self):
        """Relevance and distance: order the (bounded) rows the search or the circle chose."""
        if self._ids is None:
            search = self.search
            rows = [
                *self.organisations.values_list("pk", "title"),
                *self.places.values_list("pk", "title"),
            ]
            if search.sort == Sort.RELEVANCE:
                rank = {pk: position for position, pk in enumerate(search.matched_ids)}
                rows.sort(key=lambda row: rank[row[0]])
            else:
                rows.sort(key=lambda row: (search.distances[row[0]], row[1].casefold()))
            self._ids = list(dict.fromkeys(row[0] for row in rows))
        return self._ids

    def _in_database(self):
        """Name or date order as one UNION query (organisations and places are two tables)."""
        if self.search.sort == Sort.NEWEST:
            order = (F("first_published_at").desc(nulls_last=True), "sort_title", "pk")
        else:
            order = ("sort_title", "pk")

        def rows(queryset):
            return (
                queryset.order_by()
                .annotate(sort_title=Lower("title"))
                .values_list("pk", "sort_title", "first_published_at")
            )

        return rows(self.organisations).union(rows(self.places)).order_by(*order)

    @property
    def in_python(self):
        return self.search.sort in (Sort.RELEVANCE, Sort.DISTANCE)

    def count(self):
        if self._count is None:
            if self.search.total is not None:  # the facets counted them already
                self._count = self.search.total
            elif self.in_python:
                self._count = len(self._in_python())
            else:
                self._count = self.organisations.count() + self.places.count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        if self.in_python:
            return self._in_python()[key]
        return [row[0] for row in self._in_database()[key]]

    def __iter__(self):
        if self.in_python:
            return iter(self._in_python())
        return (row[0] for row in self._in_database().iterator())

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
