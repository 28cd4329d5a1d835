"""manage.py import_ical URL [--dry-run] [--language fr] [--trusted] | import_ical --due"""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from programme.ical_import import refresh
from programme.ical_tasks import refresh_calendar_subscription
from programme.pages import ProgrammePage
from programme.subscriptions import CalendarSubscription, FetchStatus


class Command(BaseCommand):
    help = (
        "Import a partner's iCalendar feed into the programme (its subscription, created if "
        "needed), or with --due queue every subscription due a read for the worker. "
        "--dry-run reads and reports what would change, and saves nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="The feed's address (https://...)")
        parser.add_argument("--dry-run", action="store_true", help="Report, save nothing")
        parser.add_argument("--language", default="fr", help="Programme to import into")
        parser.add_argument("--trusted", action="store_true", help="Publish without moderation")
        parser.add_argument(
            "--due", action="store_true", help="Queue the subscriptions due a read (scheduler)"
        )

    def handle(self, *args, url, dry_run, language, trusted, due, **options):
        if due:
            return self._queue_due()
        if not url:
            raise CommandError("Give the feed's address, or --due.")
        with transaction.atomic():
            subscription = self._subscription(url, language, trusted)
            status, message, report = refresh(subscription, dry_run=dry_run)
            if dry_run:
                transaction.set_rollback(True)  # not even the subscription is kept
        if status not in (FetchStatus.OK, FetchStatus.SUSPICIOUS):
            raise CommandError(f"{url}: {message}")
        prefix = "Dry run, nothing saved: would have " if dry_run else "Imported: "
        # Suspicious: imported, but the events gone from the feed were kept (a warning).
        style = self.style.SUCCESS if status == FetchStatus.OK else self.style.WARNING
        self.stdout.write(style(prefix + message))
        for title in report.titles:
            self.stdout.write(f"  + {title}")

    def _subscription(self, url, language, trusted):
        subscription = CalendarSubscription.objects.filter(url=url).first()
        if subscription is not None:
            return subscription
        programme = ProgrammePage.objects.filter(locale__language_code=language).first()
        if programme is None:
            raise CommandError(f"No programme in the language {language!r}.")
        return CalendarSubscription.objects.create(url=url, programme=programme, trusted=trusted)

    def _queue_due(self):
        before = timezone.now() - dt.timedelta(seconds=settings.PORTAL_ICAL_EVERY)
        due = CalendarSubscription.objects.filter(active=True).filter(
            Q(last_fetched_at__isnull=True) | Q(last_fetched_at__lt=before)
        )
        count = 0
        for pk in due.values_list("pk", flat=True):
            refresh_calendar_subscription.enqueue(pk)
            count += 1
        self.stdout.write(f"{count} calendar(s) queued.")
