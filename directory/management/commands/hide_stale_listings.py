"""manage.py hide_stale_listings: unpublish the listings nobody confirmed for too long.

Run daily by the scheduler (PORTAL_SCHEDULE); it does nothing unless the operators turned
PORTAL_FRESHNESS_AUTO_HIDE on, so the report alone stays the default.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from directory.freshness import hide_stale
from directory.reports import ENTRY_MODELS


class Command(BaseCommand):
    help = "Unpublish organisations and places unconfirmed for PORTAL_FRESHNESS_STALE_DAYS."

    def handle(self, *args, **options):
        if not settings.PORTAL_FRESHNESS_AUTO_HIDE:
            self.stdout.write("PORTAL_FRESHNESS_AUTO_HIDE is off: nothing hidden.")
            return
        hidden = hide_stale(ENTRY_MODELS)
        self.stdout.write(f"{len(hidden)} out-of-date listing(s) hidden.")
