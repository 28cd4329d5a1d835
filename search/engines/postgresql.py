"""PostgreSQL: the read model's narrow search table, `search_pagevector` (migration 0007).

A trigger keeps it in step with `search_indexedpage`; it holds only what searches read, so a
search that reads every matching row reads few pages. `document` (GIN-indexed) holds every
term, the scope tokens (locale, parent, facet values, `search.scope`) and the name's words
prefixed `_w` (autocomplete by prefix), so one `@@` gives the rows a search is about, filters
included. `name_vector` and `summary_vector` hold one field's terms each, for the score
(weights would not do: PostgreSQL keeps them on positions, and vectors built from the analysed
terms have none).
Names are ordered by their bytes (COLLATE "C"), as on SQLite; counts are hash aggregates.

Only constants are formatted into the SQL; queries, terms and ids are parameters.
"""

from django.db import connection
from django.utils import timezone

from .base import (
    EXACT_NAME_BONUS,
    NEWEST,
    RELEVANCE,
    DatabaseEngine,
    facet_tokens,
    place_token,
    tree_sql,
)

TABLE = "search_pagevector"
BYTES = 'COLLATE "C"'


def _any(strings, prefix=False):
    suffix = ":*" if prefix else ""
    return "(" + " | ".join(f"'{string}'{suffix}" for string in sorted(strings)) + ")"


def _fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class PostgreSQLEngine(DatabaseEngine):
    vendor = "postgresql"

    # --- Which rows -------------------------------------------------------------------------

    @staticmethod
    def match(criteria, extra=()):
        """The tsquery of `criteria`, or None when only the tree decides (no words, no facet
        selection)."""
        parts = [_any(group.all_terms) for group in criteria.groups]
        parts += [_any(tokens) for tokens in facet_tokens(criteria)]
        parts += list(extra)
        if not parts:
            return None
        parts.append(f"'{place_token(criteria)}'")
        return " & ".join(parts)

    def _where(self, criteria, params, extra=()):
        """The conditions on the rows `p` of `criteria`."""
        expression = self.match(criteria, extra)
        if expression is None:
            sql = tree_sql("p", criteria, params)
        else:
            params += [criteria.locale_id, expression]
            sql = "p.locale_id = %s AND p.document @@ %s::tsquery"
        if criteria.restrict is not None:
            params.append(list(criteria.restrict))
            sql += " AND p.page_id = ANY(%s)"
        return sql

    def ids(self, criteria):
        params = []
        where = self._where(criteria, params)
        return _fetch(f"SELECT p.page_id, p.name_key FROM {TABLE} AS p WHERE {where}", params)

    # --- Ranking ----------------------------------------------------------------------------

    @staticmethod
    def _score(criteria, params):
        """The score of `base`'s docstring as one SQL expression."""
        params.append(criteria.name)
        parts = [f"CASE WHEN p.name_key = %s THEN {EXACT_NAME_BONUS} ELSE 0 END"]
        for group in criteria.groups:
            whens = []
            for field, exact_points, loose_points in (("name", 24, 12), ("summary", 8, 4)):
                params.append(_any(group.exact))
                whens.append(f"WHEN p.{field}_vector @@ %s::tsquery THEN {exact_points}")
                if group.loose:
                    params.append(_any(group.loose))
                    whens.append(f"WHEN p.{field}_vector @@ %s::tsquery THEN {loose_points}")
            if group.loose:
                # What is left has the word in its body only: 2, or 1 with only a loose term
                # there (the name and summary hold neither, so `document` tells for the body).
                params.append(_any(group.exact))
                whens.append("WHEN NOT p.document @@ %s::tsquery THEN 1")
            parts.append("CASE " + " ".join(whens) + " ELSE 2 END")
        return "(" + " + ".join(parts) + ")"

    def ranked_ids(self, criteria, order=RELEVANCE, offset=0, limit=20, upcoming_first=False):
        params = []
        where = self._where(criteria, params)
        ordering = []
        if upcoming_first:
            params.append(timezone.now())
            ordering.append("CASE WHEN p.ends_at < %s THEN 1 ELSE 0 END")
        if order == RELEVANCE and criteria.has_text:
            ordering.append(self._score(criteria, params) + " DESC")
        elif order == NEWEST:
            ordering.append("p.published_at DESC NULLS LAST")
        ordering += [f"p.name_key {BYTES}", "p.page_id"]
        params += [limit, offset]  # LIMIT NULL: no limit
        sql = (
            f"SELECT p.page_id FROM {TABLE} AS p WHERE {where} "
            f"ORDER BY {', '.join(ordering)} LIMIT %s OFFSET %s"
        )
        return [row[0] for row in _fetch(sql, params)]

    # --- Counting ---------------------------------------------------------------------------

    def _count_sql(self, position, task, params):
        if task.facets is None:
            where = self._where(task.criteria, params)
            return (
                f"SELECT {position}, 0, p.facet_set_id::text, NULL, COUNT(*) "
                f"FROM {TABLE} AS p WHERE {where} GROUP BY p.facet_set_id"
            )
        params.append(list(task.facets))
        where = self._where(task.criteria, params)
        return (
            f"SELECT {position}, 1, f.facet, f.value, COUNT(*) FROM search_indexedfacet AS f "
            f"JOIN {TABLE} AS p ON p.page_id = f.entry_id "
            f"WHERE f.facet = ANY(%s) AND {where} GROUP BY f.facet, f.value"
        )

    def run_counts(self, tasks):
        params = []
        sql = " UNION ALL ".join(
            self._count_sql(position, task, params) for position, task in enumerate(tasks)
        )
        for position, kind, first, second, n in _fetch(sql, params):
            tasks[position].result[int(first) if kind == 0 else (first, second)] = n

    # --- Autocomplete -----------------------------------------------------------------------

    def autocomplete(self, criteria, words, limit):
        prefixes = [_any([f"_w{word}"], prefix=True) for word in words]
        params = []
        where = self._where(criteria, params, extra=prefixes)
        whole = " ".join(words)
        params += [len(whole), whole, limit]
        sql = (
            "SELECT p.page_id, r.title, r.kind, r.url_path FROM "
            f"{TABLE} AS p JOIN search_indexedpage AS r ON r.page_id = p.page_id WHERE {where} "
            "ORDER BY CASE WHEN left(p.name_key, %s) = %s THEN 0 ELSE 1 END, "
            f"p.name_key {BYTES}, p.page_id LIMIT %s"
        )
        return _fetch(sql, params)
