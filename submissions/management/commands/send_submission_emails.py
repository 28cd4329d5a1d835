"""Send the partner and staff e-mails still waiting (after a mail-server failure)."""

from django.core.management.base import BaseCommand

from submissions.models import OutgoingEmail
from submissions.tasks import send_stored_email


class Command(BaseCommand):
    help = "Send the submission e-mails that could not be sent yet (run from cron)."

    def handle(self, *args, **options):
        sent = failed = 0
        for email in OutgoingEmail.objects.filter(sent_at__isnull=True).order_by("created"):
            if send_stored_email(email):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Sent {sent} e-mail(s); {failed} still waiting.")
