"""Background delivery of stored e-mails, with retries.

Each attempt is recorded on the OutgoingEmail row. On a backend that can defer (the database
backend of production) a failed attempt re-enqueues itself with a growing delay; whatever is
still unsent after MAX_ATTEMPTS (or on a backend that cannot defer) waits for
`manage.py send_submission_emails`, which cron or an operator runs.
"""

import datetime as dt
import logging

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def queue_email(recipients, subject, body, html_body="", about=None, headers=None):
    """Store an e-mail and send it in the background once the transaction commits.

    Storing happens inside the caller's transaction, the queueing after its commit: a
    rolled-back change sends nothing, and a dead mail server loses nothing.
    """
    email = OutgoingEmail.objects.create(
        recipients=recipients,
        subject=subject[:300],
        body=body,
        html_body=html_body,
        about=about,
        headers=headers or {},
    )
    transaction.on_commit(lambda: deliver_email.enqueue(email.pk))
    return email


def send_stored_email(email):
    """Try once; return True when sent. Never raises for a mail-server failure."""
    if email.sent_at:
        return True
    message = EmailMultiAlternatives(
        email.subject, email.body, to=email.recipients, headers=email.headers or None
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    try:
        message.send()
    except Exception as exc:  # any transport error: record it and retry later
        email.attempts += 1
        email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        email.save(update_fields=["attempts", "last_error"])
        logger.warning("E-mail %s not sent (attempt %s): %s", email.pk, email.attempts, exc)
        return False
    email.attempts += 1
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["attempts", "sent_at", "last_error"])
    return True


@task()
def deliver_email(email_id):
    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None or send_stored_email(email):
        return
    if email.attempts < MAX_ATTEMPTS and default_task_backend.supports_defer:
        delay = dt.timedelta(minutes=2**email.attempts)
        deliver_email.using(run_after=timezone.now() + delay).enqueue(email_id)
