"""pg_trgm on PostgreSQL, for typo-tolerant name search (nothing to do on SQLite)."""

from django.db import migrations


def enable_trigrams(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_page_and_query_log")]

    operations = [migrations.RunPython(enable_trigrams, migrations.RunPython.noop)]
