"""Erase or anonymise the personal data past its retention period (cron or the scheduler)."""

from django.core.management.base import BaseCommand

from privacy import registry, services
from privacy.tasks import enforce_retention


class Command(BaseCommand):
    help = "Erase or anonymise personal data kept longer than its retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Enqueue the task for the worker instead of running it here.",
        )

    def handle(self, *args, **options):
        if options["queue"]:
            result = enforce_retention.enqueue()
            self.stdout.write(f"Queued retention task {result.id}")
            return
        counts = services.enforce_retention()
        for source in registry.sources():
            days = source.retention_days()
            rule = f"{days} days" if days is not None else "no limit"
            self.stdout.write(f"{source.key}: {counts.get(source.key, 0)} ({rule})")
