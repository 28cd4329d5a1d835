"""`manage.py remind_partners`: ask partners whether their listings are still right, at most
once per PORTAL_FRESHNESS_REMINDER_DAYS each (run daily by the scheduler with --queue)."""

from django.core.management.base import BaseCommand

from submissions.reminders import send_reminders
from submissions.tasks import send_partner_reminders


class Command(BaseCommand):
    help = "E-mail each partner whose listings need confirming (once per reminder period)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Enqueue the task for the worker instead of running it here.",
        )

    def handle(self, *args, **options):
        if options["queue"]:
            result = send_partner_reminders.enqueue()
            self.stdout.write(f"Queued partner reminder task {result.id}")
            return
        self.stdout.write(f"Partners reminded: {send_reminders()}")
