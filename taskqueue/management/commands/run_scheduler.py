"""`manage.py run_scheduler`: run the commands of PORTAL_SCHEDULE, each at its own interval.

Scheduled publication (Wagtail's `publish_scheduled`) must run every minute or so for pages
to go live and expire on time. A process of its own rather than a task that re-enqueues
itself: django-tasks has no periodic or unique tasks, so a self-renewing task can be lost (a
failure) or multiplied (two seeds), and a backlog in the queue would delay publication. One
scheduler runs per site (the commands are idempotent, but once is enough); `--once` runs
every command once and exits, for cron or a systemd timer instead.
"""

import logging
import shlex
import signal
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the periodic commands of PORTAL_SCHEDULE (scheduled publication...) until stopped"

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run every scheduled command once, then exit."
        )

    def handle(self, *args, once=False, **options):
        jobs = [(shlex.split(line), every) for line, every in settings.PORTAL_SCHEDULE]
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        self.stdout.write(
            "Scheduler: " + ", ".join(f"{' '.join(cmd)} every {s} s" for cmd, s in jobs)
        )
        next_run = [time.monotonic()] * len(jobs)  # everything runs once at start
        while not stop.is_set():
            for index, (command, every) in enumerate(jobs):
                if time.monotonic() >= next_run[index]:
                    self.run(command)
                    next_run[index] = time.monotonic() + every
            if once:
                return
            stop.wait(max(0.0, min(next_run) - time.monotonic()))
        self.stdout.write("Scheduler stopped.")

    def run(self, command):
        close_old_connections()
        try:
            call_command(*command, stdout=self.stdout, stderr=self.stderr)
        except Exception:  # one failing command must not stop the others
            logger.exception("Scheduled command failed: %s", " ".join(command))
        finally:
            close_old_connections()
