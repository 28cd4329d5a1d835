"""Settings of the background tasks (taskqueue/): the database queue run by
`manage.py run_worker`, and the periodic commands of `manage.py run_scheduler`; read from the
environment like the rest of base.py, which imports them."""

import environ

env = environ.Env()

# The database queue, run by `manage.py run_worker` (taskqueue/; `make run` starts it).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A worker silent this long is dead: its running task is queued again, up to this many times.
PORTAL_TASK_WORKER_TIMEOUT = env.int("PORTAL_TASK_WORKER_TIMEOUT", default=60)
PORTAL_TASK_MAX_RECOVERIES = env.int("PORTAL_TASK_MAX_RECOVERIES", default=3)
# Periodic commands run by `manage.py run_scheduler`: (command line, every N seconds).
PORTAL_SCHEDULE = [
    ("publish_scheduled", env.int("PORTAL_PUBLISH_SCHEDULED_EVERY", default=60)),
    ("send_submission_emails", 3600),  # e-mails still unsent after their retries
    ("prune_db_task_results --min-age-days 14", 86400),  # finished task rows
    ("hide_stale_listings", 86400),  # only acts with PORTAL_FRESHNESS_AUTO_HIDE
    ("remind_partners --queue", 86400),  # "still right?" once per PORTAL_FRESHNESS_REMINDER_DAYS
    ("enforce_retention --queue", 86400),  # personal data past its period (docs/privacy.md)
    ("sync_newsletter", 3600),  # subscribers still waiting for the mailing tool
    ("import_ical --due", 900),  # queues the partners' calendars due a read (PORTAL_ICAL_EVERY)
    ("store_occurrences", 86400),  # repeating events' dates, a year ahead (programme listing)
]
