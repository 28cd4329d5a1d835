"""SQLite: the read model's FTS5 table (migration 0006), rowid = page id.

Its columns are the three weighted term columns, `scope` (locale, parent and facet tokens,
`search.scope`) and `name_key` (the name's words, for autocomplete by prefix). One MATCH gives
the ids a search is about, filters included, from the full-text index alone; queries run from
that list (CROSS JOIN keeps SQLite from scanning the table instead). A word group's field hits
are `id IN (MATCH 'field : (...)')` lists, each built once per statement. SQLite has no hash
aggregation, so counts scan an index already in GROUP BY order and test each id against the
list, instead of sorting the matching rows.

Only constants are formatted into the SQL; MATCH expressions, terms and ids are parameters.
"""

import json

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

FTS = "search_indexedpage_fts"
TABLE = "search_indexedpage"
TEXT = "{name_terms summary_terms body_terms}"
COLUMNS = {"name": "name_terms", "summary": "summary_terms", "body": "body_terms"}
IDS = f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s"  # noqa: S608


def _any(strings):
    return "(" + " OR ".join(f'"{string}"' for string in sorted(strings)) + ")"


def _fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class SQLiteEngine(DatabaseEngine):
    vendor = "sqlite"

    # --- Which rows -------------------------------------------------------------------------

    @staticmethod
    def match(criteria, extra=()):
        """The MATCH expression of `criteria`, or None when only the tree decides (no words,
        no facet selection)."""
        parts = [f"{TEXT} : {_any(group.all_terms)}" for group in criteria.groups]
        parts += [f"scope : {_any(tokens)}" for tokens in facet_tokens(criteria)]
        parts += list(extra)
        if not parts:
            return None
        parts.append(f'scope : "{place_token(criteria)}"')
        return " AND ".join(parts)

    @staticmethod
    def _restrict(column, criteria, params):
        if criteria.restrict is None:
            return ""
        params.append(json.dumps(list(criteria.restrict)))
        return f" AND {column} IN (SELECT value FROM json_each(%s))"

    def _rows(self, criteria, params, extra=()):
        """FROM ... WHERE ... of the rows `p` of `criteria`."""
        expression = self.match(criteria, extra)
        if expression is None:
            sql = f"FROM {TABLE} AS p WHERE " + tree_sql("p", criteria, params)
        else:
            params.append(expression)
            sql = f"FROM ({IDS}) AS m CROSS JOIN {TABLE} AS p ON p.page_id = m.rowid WHERE 1"
        return sql + self._restrict("p.page_id", criteria, params)

    def _ids(self, criteria, params):
        """A subquery of the ids of `criteria`'s rows."""
        expression = self.match(criteria)
        if expression is None:
            sql = f"SELECT t.page_id FROM {TABLE} AS t WHERE " + tree_sql("t", criteria, params)
            return sql + self._restrict("t.page_id", criteria, params)
        params.append(expression)
        return IDS + self._restrict("rowid", criteria, params)

    def ids(self, criteria):
        params = []
        return _fetch(f"SELECT p.page_id, p.name_key {self._rows(criteria, params)}", params)

    # --- Ranking ----------------------------------------------------------------------------

    @staticmethod
    def _hits(expression, params):
        params.append(expression)
        return f"p.page_id IN ({IDS})"

    def _score(self, criteria, params):
        """The score of `base`'s docstring as one SQL expression."""
        params.append(criteria.name)
        parts = [f"CASE WHEN p.name_key = %s THEN {EXACT_NAME_BONUS} ELSE 0 END"]
        for group in criteria.groups:
            whens = []
            for field, exact_points, loose_points in (("name", 24, 12), ("summary", 8, 4)):
                column = COLUMNS[field]
                hits = self._hits(f"{column} : {_any(group.exact)}", params)
                whens.append(f"WHEN {hits} THEN {exact_points}")
                if group.loose:
                    hits = self._hits(f"{column} : {_any(group.loose)}", params)
                    whens.append(f"WHEN {hits} THEN {loose_points}")
            if group.loose:
                # What is left has the word in its body: 2, or 1 with only a loose term there.
                loose, exact = _any(group.loose), _any(group.exact)
                only_loose = f"(body_terms : {loose}) NOT ({TEXT} : {exact})"
                whens.append(f"WHEN {self._hits(only_loose, params)} THEN 1")
            parts.append("CASE " + " ".join(whens) + " ELSE 2 END")
        return "(" + " + ".join(parts) + ")"

    def ranked_ids(self, criteria, order=RELEVANCE, offset=0, limit=20, upcoming_first=False):
        params = []
        rows = self._rows(criteria, params)
        ordering = []
        if upcoming_first:
            params.append(timezone.now())
            ordering.append("CASE WHEN p.ends_at < %s THEN 1 ELSE 0 END")
        if order == RELEVANCE and criteria.has_text:
            ordering.append(self._score(criteria, params) + " DESC")
        elif order == NEWEST:
            ordering.append("p.published_at DESC NULLS LAST")
        ordering += ["p.name_key", "p.page_id"]
        params += [-1 if limit is None else limit, offset]  # -1: no limit
        sql = f"SELECT p.page_id {rows} ORDER BY {', '.join(ordering)} LIMIT %s OFFSET %s"
        return [row[0] for row in _fetch(sql, params)]

    # --- Counting ---------------------------------------------------------------------------

    def _count_sql(self, task, params):
        if task.facets is None:
            # The sets index in (locale, set) order: no sort, only a test of each id.
            if self.match(task.criteria) is None and task.criteria.restrict is None:
                where = tree_sql("p", task.criteria, params)
            else:
                params.append(task.criteria.locale_id)
                where = f"p.locale_id = %s AND +p.page_id IN ({self._ids(task.criteria, params)})"
            return (
                f"SELECT 0, p.facet_set_id, NULL, COUNT(*) FROM {TABLE} AS p "
                f"INDEXED BY search_indexed_sets WHERE {where} GROUP BY p.facet_set_id"
            )
        params += list(task.facets)
        marks = ", ".join(["%s"] * len(task.facets))
        ids = self._ids(task.criteria, params)
        return (
            "SELECT 1, f.facet, f.value, COUNT(*) FROM search_indexedfacet AS f "
            f"INDEXED BY search_facet_value WHERE f.facet IN ({marks}) "
            f"AND +f.entry_id IN ({ids}) GROUP BY f.facet, f.value"
        )

    def run_counts(self, tasks):
        params = []
        parts = [self._count_sql(task, params) for task in tasks]
        # One statement; each part is told apart by its position.
        sql = " UNION ALL ".join(f"SELECT {n}, * FROM ({part})" for n, part in enumerate(parts))
        for position, kind, first, second, n in _fetch(sql, params):
            task = tasks[position]
            task.result[first if kind == 0 else (first, second)] = n

    # --- Autocomplete -----------------------------------------------------------------------

    def autocomplete(self, criteria, words, limit):
        prefixes = [f'name_key : "{word}" *' for word in words]
        params = []
        rows = self._rows(criteria, params, extra=prefixes)
        whole = " ".join(words)
        params += [len(whole), whole, limit]
        sql = (
            f"SELECT p.page_id, p.title, p.kind, p.url_path {rows} "
            "ORDER BY CASE WHEN substr(p.name_key, 1, %s) = %s THEN 0 ELSE 1 END, "
            "p.name_key, p.page_id LIMIT %s"
        )
        return _fetch(sql, params)
