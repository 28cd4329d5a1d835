"""Stored e-mails move here from the submissions app, with their rows.

The table already exists (created by submissions' first migration): this migration only tells
Django that it belongs to this app now, and moves its content type.
"""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, from_label, to_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=to_label, model="outgoingemail").exists():
        ContentType.objects.filter(app_label=from_label, model="outgoingemail").update(
            app_label=to_label
        )


def forwards(apps, schema_editor):
    move_content_type(apps, "submissions", "outbox")


def backwards(apps, schema_editor):
    move_content_type(apps, "outbox", "submissions")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("submissions", "0003_snippet_roles"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="OutgoingEmail",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("recipients", models.JSONField(default=list)),
                        ("subject", models.CharField(max_length=300)),
                        ("body", models.TextField()),
                        ("html_body", models.TextField(blank=True)),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        ("last_error", models.TextField(blank=True)),
                        ("created", models.DateTimeField(auto_now_add=True)),
                        ("sent_at", models.DateTimeField(blank=True, null=True)),
                        ("submission", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="emails", to="submissions.submission")),
                    ],
                    options={"ordering": ["created"], "db_table": "submissions_outgoingemail"},
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
