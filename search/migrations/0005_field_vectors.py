"""PostgreSQL: one tsvector per weighted field instead of weights inside one tsvector.

Migration 0004 weighted `array_to_tsvector(...)` with `setweight`, but a tsvector built from an
array has no positions, and PostgreSQL keeps weights on positions: the weights were silently
dropped, and `'atelier':A` matched a page whose summary alone said "atelier", so a summary hit
ranked like a name hit. Each field now has its own vector (the terms as they are, no parser),
which `search.engines` tests per field; `document`, all three together, is what the GIN index
matches. SQLite's FTS5 table is unchanged: its column filters always worked.
"""

from django.db import migrations

FIELDS = ("name", "summary", "body")


def _vector(column):
    return f"array_to_tsvector(array_remove(string_to_array({column}, ' '), ''))"


FORWARD = [
    "DROP INDEX IF EXISTS search_indexedpage_document",
    "ALTER TABLE search_indexedpage DROP COLUMN IF EXISTS document",
    *(
        f"ALTER TABLE search_indexedpage ADD COLUMN {field}_vector tsvector "
        f"GENERATED ALWAYS AS ({_vector(field + '_terms')}) STORED"
        for field in FIELDS
    ),
    "ALTER TABLE search_indexedpage ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    + " || ".join(_vector(field + "_terms") for field in FIELDS)
    + ") STORED",
    "CREATE INDEX search_indexedpage_document ON search_indexedpage USING gin (document)",
]


def _weighted(column, weight):
    return f"setweight({_vector(column)}, '{weight}')"


BACKWARD = [
    "DROP INDEX IF EXISTS search_indexedpage_document",
    "ALTER TABLE search_indexedpage DROP COLUMN IF EXISTS document",
    *(f"ALTER TABLE search_indexedpage DROP COLUMN IF EXISTS {field}_vector" for field in FIELDS),
    "ALTER TABLE search_indexedpage ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    + " || ".join(
        _weighted(f"{field}_terms", weight) for field, weight in zip(FIELDS, "ABC", strict=True)
    )
    + ") STORED",
    "CREATE INDEX search_indexedpage_document ON search_indexedpage USING gin (document)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_full_text_index")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
