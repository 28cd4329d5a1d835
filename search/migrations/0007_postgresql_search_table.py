"""PostgreSQL: what searches scan, in a narrow table of its own kept in step by a trigger.

A search reads every matching row: with the vectors inside the read model's table, each row
read also carried its summary and analysed text (about 1.7 kB a row), three times the pages
and most of the time of a search. `search_pagevector` holds only what matching, ranking and
counting read: the page's locale, tree position, sort keys, facet set and vectors:

- `document` (GIN-indexed): every term, the scope tokens (locale, parent, facet values) and the
  name's words prefixed `_w` (autocomplete by prefix);
- `name_vector`, `summary_vector`: one field's terms each, for the score (weights would not do:
  PostgreSQL keeps them on positions, and vectors built from analysed terms have none).

The trigger writes it from each insert, update or delete of `search_indexedpage`, as SQLite's
triggers write its FTS5 table. Other databases get nothing here.
"""

from django.db import migrations


def _vector(column):
    return f"array_to_tsvector(array_remove(string_to_array({column}, ' '), ''))"


NAME_WORDS = (
    "array_to_tsvector(array_remove(string_to_array("
    "regexp_replace(NEW.name_key, '(\\S+)', '_w\\1', 'g'), ' '), ''))"
)
DOCUMENT = " || ".join(
    [_vector(f"NEW.{column}") for column in ("name_terms", "summary_terms", "body_terms", "scope")]
    + [NAME_WORDS]
)
COLUMNS = {
    "page_id": "NEW.page_id",
    "locale_id": "NEW.locale_id",
    "facet_set_id": "NEW.facet_set_id",
    "depth": "NEW.depth",
    "path": "NEW.path",
    "name_key": "NEW.name_key",
    "published_at": "NEW.published_at",
    "ends_at": "NEW.ends_at",
    "name_vector": _vector("NEW.name_terms"),
    "summary_vector": _vector("NEW.summary_terms"),
    "document": DOCUMENT,
}
UPDATES = ", ".join(f"{column} = EXCLUDED.{column}" for column in COLUMNS if column != "page_id")

FORWARD = [
    """CREATE TABLE search_pagevector (
        page_id integer PRIMARY KEY,
        locale_id integer NOT NULL,
        facet_set_id bigint NOT NULL,
        depth integer NOT NULL,
        path varchar(255) NOT NULL,
        name_key varchar(255) NOT NULL,
        published_at timestamptz,
        ends_at timestamptz,
        name_vector tsvector NOT NULL,
        summary_vector tsvector NOT NULL,
        document tsvector NOT NULL
    )""",
    "CREATE INDEX search_pagevector_document ON search_pagevector USING gin (document)",
    # Names in the order of their bytes, as SQLite sorts them.
    'CREATE INDEX search_pagevector_name ON search_pagevector (locale_id, name_key COLLATE "C", page_id)',
    # Facet counts of a whole listing: an index-only scan in set order.
    "CREATE INDEX search_pagevector_sets ON search_pagevector (locale_id, facet_set_id, depth, path)",
    f"""CREATE FUNCTION search_pagevector_write() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM search_pagevector WHERE page_id = OLD.page_id;
            RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.page_id <> OLD.page_id THEN
            DELETE FROM search_pagevector WHERE page_id = OLD.page_id;
        END IF;
        INSERT INTO search_pagevector ({", ".join(COLUMNS)})
        VALUES ({", ".join(COLUMNS.values())})
        ON CONFLICT (page_id) DO UPDATE SET {UPDATES};
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER search_pagevector_write AFTER INSERT OR UPDATE OR DELETE
        ON search_indexedpage FOR EACH ROW EXECUTE FUNCTION search_pagevector_write()""",
    # Rows written before this migration (none: 0006 emptied the read model, rebuilt after).
    "TRUNCATE search_pagevector",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS search_pagevector_write ON search_indexedpage",
    "DROP FUNCTION IF EXISTS search_pagevector_write()",
    "DROP TABLE IF EXISTS search_pagevector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0006_read_model_scope_and_cards")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
