"""Bring stored statuses in line with their pages: "published" only where the page is live
(a status set by hand before the rule existed goes back to review)."""

from django.db import migrations


def align_statuses(apps, schema_editor):
    Submission = apps.get_model("submissions", "Submission")
    Submission.objects.filter(status="published").exclude(page__live=True).update(
        status="pending"
    )


class Migration(migrations.Migration):
    dependencies = [("submissions", "0004_outgoing_email_moves_to_outbox")]

    operations = [migrations.RunPython(align_statuses, migrations.RunPython.noop)]
