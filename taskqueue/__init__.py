"""Background work that survives faults: the task worker, its recovery, retries and schedule.

django-tasks-db keeps the queue in the database and `db_worker` runs it; this app adds what
production needs around them and imports no app of the portal:
- `manage.py run_worker`: db_worker plus a heartbeat, so the task of a worker that died
  (killed, out of memory, machine restarted) is queued again instead of staying RUNNING;
- `taskqueue.retry.retry_on`: a task that meets a transient error (an engine down) runs
  again later, with a growing delay;
- `manage.py run_scheduler`: the periodic commands of PORTAL_SCHEDULE (scheduled publication);
- `taskqueue.health.task_queue`: the queue's state for /healthz.
"""
