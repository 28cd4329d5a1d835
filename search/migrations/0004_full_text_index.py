"""The read model's full-text index, in the database's own engine (docs/search.md).

- SQLite: an FTS5 table whose content is the read model's three term columns (external
  content: the text is stored once), kept in step by triggers. The text is already analysed
  by the portal; unicode61 with remove_diacritics 2 only splits it into those terms.
- PostgreSQL: a generated tsvector column, the terms taken as they are (array_to_tsvector,
  no parser) and weighted A (name), B (summary), C (body), with a GIN index.

Other databases get neither; `search.engines` refuses them with a clear error.
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_indexedpage_fts USING fts5(
        name_terms, summary_terms, body_terms,
        content='search_indexedpage', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 2', detail='column'
    )""",
    """CREATE TRIGGER search_indexedpage_fts_insert AFTER INSERT ON search_indexedpage BEGIN
        INSERT INTO search_indexedpage_fts(rowid, name_terms, summary_terms, body_terms)
        VALUES (new.page_id, new.name_terms, new.summary_terms, new.body_terms);
    END""",
    """CREATE TRIGGER search_indexedpage_fts_delete AFTER DELETE ON search_indexedpage BEGIN
        INSERT INTO search_indexedpage_fts(
            search_indexedpage_fts, rowid, name_terms, summary_terms, body_terms
        ) VALUES ('delete', old.page_id, old.name_terms, old.summary_terms, old.body_terms);
    END""",
    """CREATE TRIGGER search_indexedpage_fts_update AFTER UPDATE ON search_indexedpage BEGIN
        INSERT INTO search_indexedpage_fts(
            search_indexedpage_fts, rowid, name_terms, summary_terms, body_terms
        ) VALUES ('delete', old.page_id, old.name_terms, old.summary_terms, old.body_terms);
        INSERT INTO search_indexedpage_fts(rowid, name_terms, summary_terms, body_terms)
        VALUES (new.page_id, new.name_terms, new.summary_terms, new.body_terms);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_indexedpage_fts_update",
    "DROP TRIGGER IF EXISTS search_indexedpage_fts_delete",
    "DROP TRIGGER IF EXISTS search_indexedpage_fts_insert",
    "DROP TABLE IF EXISTS search_indexedpage_fts",
]


def _terms(column, weight):
    return (
        f"setweight(array_to_tsvector(array_remove(string_to_array({column}, ' '), '')), "
        f"'{weight}')"
    )


POSTGRESQL = [
    "ALTER TABLE search_indexedpage ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    + " || ".join(
        [_terms("name_terms", "A"), _terms("summary_terms", "B"), _terms("body_terms", "C")]
    )
    + ") STORED",
    "CREATE INDEX search_indexedpage_document ON search_indexedpage USING gin (document)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS search_indexedpage_document",
    "ALTER TABLE search_indexedpage DROP COLUMN IF EXISTS document",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_read_model")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
