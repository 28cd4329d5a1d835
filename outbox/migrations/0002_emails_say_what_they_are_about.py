"""An e-mail names the row it is about through a generic relation, not a submission key.

The outbox serves every app (partner submissions, room hire...), so it cannot point at one
app's model; each e-mail's submission becomes its `about`, and the table takes this app's name.
"""

import django.db.models.deletion
from django.db import migrations, models


def submission_to_about(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    OutgoingEmail = apps.get_model("outbox", "OutgoingEmail")
    emails = OutgoingEmail.objects.filter(submission__isnull=False)
    if emails.exists():
        submission_type, _created = ContentType.objects.get_or_create(
            app_label="submissions", model="submission"
        )
        emails.update(about_type=submission_type, about_id=models.F("submission_id"))


def about_to_submission(apps, schema_editor):
    OutgoingEmail = apps.get_model("outbox", "OutgoingEmail")
    OutgoingEmail.objects.filter(
        about_type__app_label="submissions", about_type__model="submission"
    ).update(submission_id=models.F("about_id"))


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("outbox", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="outgoingemail",
            name="about_type",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="contenttypes.contenttype"),
        ),
        migrations.AddField(
            model_name="outgoingemail",
            name="about_id",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(submission_to_about, about_to_submission),
        migrations.RemoveField(model_name="outgoingemail", name="submission"),
        migrations.AlterModelTable(name="outgoingemail", table=None),
        migrations.AddIndex(
            model_name="outgoingemail",
            index=models.Index(fields=["about_type", "about_id"], name="outbox_email_about"),
        ),
    ]
