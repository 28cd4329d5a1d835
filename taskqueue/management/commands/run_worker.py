"""`manage.py run_worker`: django-tasks-db's db_worker with a heartbeat and lost-task recovery.

Same options as db_worker (`--queue-name`, `--interval`, `--batch`...). Run this, not
db_worker, wherever tasks run: a plain db_worker writes no heartbeat, so after
PORTAL_TASK_WORKER_TIMEOUT its running tasks would be taken for lost and run again.
"""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from taskqueue.recovery import Heartbeat, new_worker_id


class Command(DbWorkerCommand):
    help = "Run the background task worker (with heartbeats; lost tasks are queued again)"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=None)

    def handle(self, *args, **options):
        reloader_parent = options["reload"] and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if reloader_parent:  # it only restarts the child, which runs the tasks
            return super().handle(*args, **options)
        options["worker_id"] = options["worker_id"] or new_worker_id()
        heartbeat = Heartbeat(options["worker_id"])
        heartbeat.start()
        try:
            return super().handle(*args, **options)
        finally:  # --batch and --max-tasks return; signals exit through here too
            heartbeat.stopped.set()
            heartbeat.join(timeout=5)
