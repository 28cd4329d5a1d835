"""The app's background tasks. E-mail tasks queued before the outbox app existed name this
module: it hands them on."""

from django_tasks import task

from outbox.tasks import deliver_email

from .reminders import send_reminders


@task()
def send_partner_reminders():
    """Ask partners whether their listings are still right (see reminders.py)."""
    return send_reminders()


__all__ = ["deliver_email", "send_partner_reminders"]
