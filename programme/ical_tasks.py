"""Background reading of partners' calendars, queued by `import_ical --due` (its own module:
the registration e-mails' tasks sit below the event pages, these above them)."""

from django_tasks import task

from .ical_import import refresh
from .subscriptions import CalendarSubscription


@task()
def refresh_calendar_subscription(subscription_id):
    """Read one partner's calendar and import what changed."""
    subscription = CalendarSubscription.objects.filter(pk=subscription_id, active=True).first()
    if subscription is None:
        return "gone"
    status, _message, _report = refresh(subscription)
    return status
