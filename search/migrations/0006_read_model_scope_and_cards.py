"""The read model filters in its full-text index, counts facets by shared sets of values and
holds what a result card shows (docs/search.md).

- `scope`: tokens for the locale, the parent page and each facet value, so a filter is part of
  the one full-text query; `facet_set`: the page's single facet values as one shared row, so
  counting is a GROUP BY over one row per page; `facets` and `url_path`: a card without the
  page. `IndexedFacet.multiple` marks the values a page gave as a list.
- SQLite: the FTS5 table gains `scope` and `name_key` (autocomplete by prefix); `_` is a token
  character, so the underscore-prefixed scope tokens can never equal an analysed word.
- PostgreSQL: the generated vectors leave this table for one of their own (migration 0007).

The read model is derived data: its rows are emptied here and rebuilt from the pages once the
migrations have run (`search.indexing.rebuild_if_outdated`, on post_migrate).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_indexedpage_fts_update",
    "DROP TRIGGER IF EXISTS search_indexedpage_fts_delete",
    "DROP TRIGGER IF EXISTS search_indexedpage_fts_insert",
    "DROP TABLE IF EXISTS search_indexedpage_fts",
]


def _sqlite_create(columns, tokenchars):
    listed = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    tokenize = "unicode61 remove_diacritics 2" + (
        f" tokenchars ''{tokenchars}''" if tokenchars else ""
    )
    return [
        f"""CREATE VIRTUAL TABLE search_indexedpage_fts USING fts5(
            {listed}, content='search_indexedpage', content_rowid='page_id',
            tokenize='{tokenize}', detail='column'
        )""",
        f"""CREATE TRIGGER search_indexedpage_fts_insert AFTER INSERT ON search_indexedpage BEGIN
            INSERT INTO search_indexedpage_fts(rowid, {listed}) VALUES (new.page_id, {new});
        END""",
        f"""CREATE TRIGGER search_indexedpage_fts_delete AFTER DELETE ON search_indexedpage BEGIN
            INSERT INTO search_indexedpage_fts(search_indexedpage_fts, rowid, {listed})
            VALUES ('delete', old.page_id, {old});
        END""",
        f"""CREATE TRIGGER search_indexedpage_fts_update AFTER UPDATE ON search_indexedpage BEGIN
            INSERT INTO search_indexedpage_fts(search_indexedpage_fts, rowid, {listed})
            VALUES ('delete', old.page_id, {old});
            INSERT INTO search_indexedpage_fts(rowid, {listed}) VALUES (new.page_id, {new});
        END""",
        "INSERT INTO search_indexedpage_fts(search_indexedpage_fts) VALUES ('rebuild')",
    ]


# The read model's format marker goes with its rows: rebuild_if_outdated writes it anew.
FORGET_FORMAT = "DELETE FROM search_indexversion WHERE name = 'format'"
SQLITE_BEFORE = [
    FORGET_FORMAT,
    "DELETE FROM search_indexedfacet",
    "DELETE FROM search_indexedpage",
    *SQLITE_DROP,
]
SQLITE_AFTER = _sqlite_create(
    ["name_terms", "summary_terms", "body_terms", "scope", "name_key"], tokenchars="_"
)
SQLITE_BACK_BEFORE = [
    FORGET_FORMAT,
    "DELETE FROM search_indexedfacet",
    "DELETE FROM search_indexedpage",
    *SQLITE_DROP,
]
SQLITE_BACK_AFTER = _sqlite_create(["name_terms", "summary_terms", "body_terms"], tokenchars="")


def _vector(column):
    return f"array_to_tsvector(array_remove(string_to_array({column}, ' '), ''))"


VECTORS = ("name_vector", "summary_vector", "body_vector", "document")
# TRUNCATE, not DELETE: deleting would queue the deferred foreign key checks, and PostgreSQL
# refuses to alter a table with pending trigger events. The vectors move to a table of their
# own (migration 0007).
POSTGRESQL_BEFORE = [
    FORGET_FORMAT,
    "TRUNCATE search_indexedfacet, search_indexedpage",
    "DROP INDEX IF EXISTS search_indexedpage_document",
    *(f"ALTER TABLE search_indexedpage DROP COLUMN IF EXISTS {column}" for column in VECTORS),
]
POSTGRESQL_BACK_AFTER = [
    *(
        f"ALTER TABLE search_indexedpage ADD COLUMN {field}_vector tsvector "
        f"GENERATED ALWAYS AS ({_vector(field + '_terms')}) STORED"
        for field in ("name", "summary", "body")
    ),
    "ALTER TABLE search_indexedpage ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    + " || ".join(_vector(f"{field}_terms") for field in ("name", "summary", "body"))
    + ") STORED",
    "CREATE INDEX search_indexedpage_document ON search_indexedpage USING gin (document)",
]
POSTGRESQL_BACK_BEFORE = [FORGET_FORMAT, "TRUNCATE search_indexedfacet, search_indexedpage"]


def _run(by_vendor):
    def run(apps, schema_editor):
        for statement in by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_field_vectors"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_BEFORE, "postgresql": POSTGRESQL_BEFORE}),
            _run({"sqlite": SQLITE_BACK_AFTER, "postgresql": POSTGRESQL_BACK_AFTER}),
        ),
        migrations.CreateModel(
            name="IndexedFacetSet",
            fields=[
                ("id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("values", models.JSONField(default=list)),
            ],
            options={"verbose_name": "indexed facet set"},
        ),
        migrations.AddField(
            model_name="indexedfacet",
            name="multiple",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="indexedpage", name="facets", field=models.JSONField(default=dict)
        ),
        migrations.AddField(
            model_name="indexedpage", name="scope", field=models.TextField(blank=True)
        ),
        migrations.AddField(
            model_name="indexedpage", name="url_path", field=models.TextField(blank=True)
        ),
        migrations.AlterField(
            model_name="indexedfacet",
            name="entry",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="facet_values",
                to="search.indexedpage",
            ),
        ),
        migrations.AddIndex(
            model_name="indexedfacet",
            index=models.Index(fields=["multiple", "facet"], name="search_facet_multiple"),
        ),
        migrations.AddField(
            model_name="indexedpage",
            name="facet_set",
            field=models.ForeignKey(
                db_index=False,
                default=0,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="search.indexedfacetset",
            ),
            preserve_default=False,
        ),
        migrations.AddIndex(
            model_name="indexedpage",
            index=models.Index(
                fields=["locale", "facet_set", "depth", "path"], name="search_indexed_sets"
            ),
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_AFTER}),
            _run({"sqlite": SQLITE_BACK_BEFORE, "postgresql": POSTGRESQL_BACK_BEFORE}),
        ),
    ]
