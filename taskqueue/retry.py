"""Retry a task after a transient error, with a growing delay: `retry_on`.

    @task(takes_context=True)
    @retry_on(ConnectionError, max_attempts=10)
    def push_to_engine(context, app_label, model_name, pk): ...

When the wrapped function raises one of the given exceptions, the task is enqueued again to
run after `base_delay * 2 ** (attempt - 1)` seconds (at most `max_delay`, with +/-20 %
jitter so retries after an outage do not arrive together) and this attempt ends normally,
returning what happened. The attempt number travels in the `retry_attempt` keyword. The last
attempt, or any attempt on a backend that cannot defer (the immediate backend of the tests),
raises: the task is then FAILED and counted by /healthz. Waiting retries show in /healthz
as deferred tasks.
"""

import datetime as dt
import functools
import logging
import random

from django.utils import timezone

logger = logging.getLogger(__name__)


def backoff_delay(attempt, base_delay, max_delay):
    delay = min(base_delay * 2 ** (attempt - 1), max_delay)
    return dt.timedelta(seconds=delay * random.uniform(0.8, 1.2))  # noqa: S311 - not a secret


def retry_on(*exceptions, max_attempts=8, base_delay=30, max_delay=3600):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(context, *args, retry_attempt=1, **kwargs):
            try:
                return func(context, *args, **kwargs)
            except exceptions as exc:
                task = context.task_result.task
                if retry_attempt >= max_attempts or not task.get_backend().supports_defer:
                    raise
                run_after = timezone.now() + backoff_delay(retry_attempt, base_delay, max_delay)
                task.using(run_after=run_after).enqueue(
                    *args, retry_attempt=retry_attempt + 1, **kwargs
                )
                logger.warning(
                    "%s failed (attempt %s of %s), retrying at %s: %s",
                    task.name,
                    retry_attempt,
                    max_attempts,
                    run_after.isoformat(timespec="seconds"),
                    exc,
                )
                return {"retry_at": run_after.isoformat(), "error": f"{type(exc).__name__}: {exc}"}

        return wrapper

    return decorate
