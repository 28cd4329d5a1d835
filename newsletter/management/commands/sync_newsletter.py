"""Hand over to the mailing tool every subscriber still waiting (e.g. hourly from cron)."""

from django.core.management.base import BaseCommand

from newsletter.subscribers import Subscriber
from newsletter.tasks import hand_over


class Command(BaseCommand):
    help = "Hand over waiting newsletter subscribers to the configured mailing tool."

    def handle(self, *args, **options):
        done = failed = 0
        for subscriber in Subscriber.objects.filter(sync_pending=True).order_by("pk"):
            if hand_over(subscriber):
                done += 1
            else:
                failed += 1
        self.stdout.write(f"Handed over: {done}; still waiting: {failed}")
