"""modelsearch's SQLite FTS5 backend, with searches that score each match once.

`search.database_backend` picks it on SQLite (this module can only be imported there: it
loads modelsearch's FTS5 model). The answers are modelsearch's, rows and order, but they are
computed differently:

modelsearch (1.3) orders by relevance with a *correlated* subquery, so SQLite runs the whole
FTS5 `MATCH` (and its bm25() statistics) once for every candidate row: quadratic in the
number of matches. With 12,000 directory entries one common word took about 170 s, and a
two-letter autocomplete about 8 s. Here the same `MATCH`, with the same score expression,
runs once and returns every match with its score; the rows of the caller's queryset among
them are then ordered by that score and the primary key, as modelsearch's
`ORDER BY score, -pk` does, and only the requested slice is loaded.
"""

from collections import OrderedDict

from django.db.models import Count
from django.utils.encoding import force_str
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import IndexEntry, SQLiteFTSIndexEntry
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks


class ScoredMatchesMixin:
    """Query compiler methods that run the FTS5 query once, with its score."""

    def scored_entries(self, config):
        """modelsearch's FTS5 query of the matching index entries with their `score`.

        None when no full-text query is needed (match everything or nothing) or when the query
        is negated (no score then): modelsearch's own path is already cheap for those.
        """
        normalized = normalize(self.query)
        if isinstance(normalized, (MatchAll, Not)):
            return None
        search_query = self.build_search_query(normalized, config=config)
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        content_types = get_descendants_content_types_pks(self.queryset.model)
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=content_types)
            .annotate(score=rank)
        )

    def matching(self, config):
        """The caller's queryset narrowed to the matches, neither scored nor ordered."""
        entries = self.scored_entries(config)
        if entries is None:
            return self.search(config, None, None)
        return self.queryset.filter(pk__in=object_ids(entries))

    def ranked(self, config, start, stop, score_field=None):
        """The objects in `[start:stop]`, as a list, in modelsearch's order and with its scores."""
        entries = self.scored_entries(config)
        if entries is None or (score_field is None and not self.order_by_relevance):
            return list(self.search(config, start, stop, score_field=score_field))
        scores = {}
        for object_id, score in entries.values_list("index_entry__object_id", "score"):
            scores.setdefault(object_id, score)  # modelsearch's subquery keeps the first too
        matching = self.queryset.filter(pk__in=object_ids(entries))
        if self.order_by_relevance:
            pks = [
                pk
                for pk in matching.order_by().values_list("pk", flat=True)
                if force_str(pk) in scores  # an entry indexed between the two queries waits
            ]
            # ORDER BY score, -pk: two stable sorts, the secondary key first.
            pks.sort(reverse=True)
            pks.sort(key=lambda pk: scores[force_str(pk)])
            pks = pks[start:stop]
            objects = matching.in_bulk(set(pks))
            results = [objects[pk] for pk in pks if pk in objects]
        else:
            if not matching.query.order_by:
                matching = matching.order_by("-pk")
            results = list(matching[start:stop])
        if score_field is not None:
            for obj in results:
                setattr(obj, score_field, scores.get(force_str(obj.pk)))
        return results


def object_ids(entries):
    """The object ids of index `entries`, as a subquery SQLite runs once (not once per row)."""
    return entries.values_list("index_entry__object_id", flat=True)


class SQLiteSearchQueryCompiler(ScoredMatchesMixin, sqlite.SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocompleteQueryCompiler(ScoredMatchesMixin, sqlite.SQLiteAutocompleteQueryCompiler):
    pass


class SQLiteSearchResults(sqlite.SQLiteSearchResults):
    def _config(self):
        return self.query_compiler.get_config(self.backend)

    def _do_search(self):
        return self.query_compiler.ranked(
            self._config(), self.start, self.stop, score_field=self._score_field
        )

    def _do_count(self):
        matching = self.query_compiler.matching(self._config())
        return matching.order_by()[self.start : self.stop].count()

    def facet(self, field_name):
        if self.query_compiler._get_filterable_field(field_name) is None:
            return super().facet(field_name)  # raises modelsearch's explanatory error
        rows = (
            self.query_compiler.matching(self._config())
            .values(field_name)
            .annotate(count=Count("pk"))
            .order_by("-count")
        )
        return OrderedDict((row[field_name], row["count"]) for row in rows)


class ObjectIndexer(sqlite.ObjectIndexer):
    """modelsearch's indexer, reading each search field of the object once instead of thrice.

    modelsearch walks every search field (related objects and callables included) for the
    title, then again for the body and for the autocomplete text; the stems a page computes
    from all its text (`search.index`) made that nine passes over its related objects.
    """

    def prepare_field(self, obj, field):
        if obj is not self.obj:
            yield from super().prepare_field(obj, field)
            return
        prepared = self.__dict__.setdefault("_prepared", {})
        if id(field) not in prepared:
            prepared[id(field)] = list(super().prepare_field(obj, field))
        yield from prepared[id(field)]


class SQLiteIndex(sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        """modelsearch's `add_items` (1.3), with the indexer above."""
        if not model.get_search_fields():
            return
        indexers = [ObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {
            indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers
        }
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed_ids = frozenset(
            entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True)
        )
        for object_id in indexed_ids:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            [
                IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in indexed_ids
            ]
        )
        self._refresh_title_norms()


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    index_class = SQLiteIndex
    query_compiler_class = SQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
    results_class = SQLiteSearchResults
