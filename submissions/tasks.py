"""The app's background tasks. E-mail tasks queued before the outbox app existed name this
module: it hands them on."""

from django_tasks import task

from outbox.tasks import deliver_email

from .partner_services import request_signin
from .reminders import send_reminders


@task()
def send_partner_reminders():
    """Ask partners whether their listings are still right (see reminders.py)."""
    return send_reminders()


@task()
def send_signin_link(email, language):
    """Look the address up and e-mail a sign-in link if it is known. In the worker, so that
    the sign-in page does the same work, in the same time, for known and unknown addresses."""
    request_signin(email, language)


__all__ = ["deliver_email", "send_partner_reminders", "send_signin_link"]
