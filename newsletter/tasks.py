"""Background hand-over of a subscriber to the team's mailing tool, with retries.

A failure is recorded on the subscriber (shown in the admin) and retried with a growing
delay on a backend that can defer; `manage.py sync_newsletter` hands over whatever is still
waiting.
"""

import datetime as dt
import logging

from django.utils import timezone
from django_tasks import default_task_backend, task

from .adapters import AdapterError, get_adapter
from .subscribers import Subscriber, SubscriberStatus

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def hand_over(subscriber):
    """Add or remove the subscriber at the mailing tool; True when done."""
    if not subscriber.sync_pending:
        return True
    adapter = get_adapter()
    try:
        if subscriber.status == SubscriberStatus.CONFIRMED:
            adapter.add(subscriber)
        else:
            adapter.remove(subscriber.email)
    except AdapterError as error:
        subscriber.sync_attempts += 1
        subscriber.sync_error = str(error)[:2000]
        subscriber.save(update_fields=["sync_attempts", "sync_error"])
        logger.warning("Subscriber %s not handed over: %s", subscriber.pk, error)
        return False
    subscriber.sync_pending = False
    subscriber.sync_error = ""
    subscriber.save(update_fields=["sync_pending", "sync_error"])
    return True


@task()
def sync_subscriber(subscriber_id):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or hand_over(subscriber):
        return
    if subscriber.sync_attempts < MAX_ATTEMPTS and default_task_backend.supports_defer:
        delay = dt.timedelta(minutes=2**subscriber.sync_attempts)
        sync_subscriber.using(run_after=timezone.now() + delay).enqueue(subscriber_id)
