"""Sign-up, confirmation and unsubscription; e-mails and hand-over happen after the commit."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from .emails import queue_confirmation, queue_welcome
from .subscribers import Subscriber, SubscriberStatus, new_key
from .tasks import sync_subscriber

# A second sign-up for the same address within this time sends no second e-mail, so the
# form cannot be used to flood someone's inbox.
RESEND_AFTER = dt.timedelta(minutes=10)


def subscribe(email, language, source=""):
    """Record a sign-up and e-mail a confirmation link, unless the address is already
    subscribed or was sent a link a moment ago. The caller shows the same answer either way,
    so the form never tells who is subscribed."""
    email = email.strip().lower()
    now = timezone.now()
    with transaction.atomic():
        try:
            with transaction.atomic():
                subscriber, created = Subscriber.objects.select_for_update().get_or_create(
                    email=email, defaults={"language": language, "source": source[:200]}
                )
        except IntegrityError:  # the same address signed up at the same moment elsewhere
            return Subscriber.objects.get(email=email)
        if subscriber.status == SubscriberStatus.CONFIRMED:
            return subscriber
        sent = subscriber.confirmation_sent_at
        if not created and sent and now - sent < RESEND_AFTER:
            return subscriber
        subscriber.status = SubscriberStatus.PENDING
        subscriber.language = language
        subscriber.unsubscribed_at = None
        subscriber.confirmation_sent_at = now
        subscriber.save()
        queue_confirmation(subscriber)
    return subscriber


def confirm(subscriber):
    """Confirm the subscription (the link's single use) and say welcome."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        subscriber.status = SubscriberStatus.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.confirm_key = new_key()
        subscriber.sync_pending = True
        subscriber.sync_attempts = 0
        subscriber.save()
        queue_welcome(subscriber)
        _hand_over_after_commit(subscriber)
    return subscriber


def unsubscribe(subscriber):
    """Unsubscribe at once (one click, RFC 8058); a second click changes nothing."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
            return subscriber
        was_confirmed = subscriber.status == SubscriberStatus.CONFIRMED
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.sync_pending = was_confirmed
        subscriber.sync_attempts = 0
        subscriber.save()
        if was_confirmed:
            _hand_over_after_commit(subscriber)
    return subscriber


def _hand_over_after_commit(subscriber):
    transaction.on_commit(lambda: sync_subscriber.enqueue(subscriber.pk))
