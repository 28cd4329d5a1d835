"""manage.py store_occurrences [--all]"""

from django.core.management.base import BaseCommand

from programme.events import EventPage
from programme.occurrence_store import due, prune, store


class Command(BaseCommand):
    help = (
        "Store the dates of repeating and changed events whose stored dates are missing, "
        "stale or within a month of their end (daily, from the scheduler), and forget those "
        "of events no longer live. --all stores every such event again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Store every event again")

    def handle(self, *args, **options):
        events = EventPage.objects.live() if options["all"] else due(EventPage)
        stored = dates = 0
        for event in events.iterator(chunk_size=200):
            dates += store(event)
            stored += 1
        removed = prune(EventPage)
        self.stdout.write(
            f"{stored} event(s) stored ({dates} dates); {removed} outdated date(s) removed."
        )
