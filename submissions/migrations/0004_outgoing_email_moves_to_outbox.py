"""Stored e-mails now belong to the outbox app (the table and its rows are kept)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0003_snippet_roles"),
        ("outbox", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[], state_operations=[migrations.DeleteModel(name="OutgoingEmail")]
        )
    ]
