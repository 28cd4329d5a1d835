"""Send the stored e-mails still waiting (after a mail-server failure).

The name dates from when only partner submissions sent e-mails; cron jobs call it so.
"""

from django.core.management.base import BaseCommand

from outbox.models import OutgoingEmail
from outbox.tasks import send_stored_email


class Command(BaseCommand):
    help = "Send the stored e-mails that could not be sent yet (run from cron)."

    def handle(self, *args, **options):
        sent = failed = 0
        for email in OutgoingEmail.objects.filter(sent_at__isnull=True).order_by("created"):
            if send_stored_email(email):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Sent {sent} e-mail(s); {failed} still waiting.")
