"""The two e-mails the portal sends to a subscriber, stored in the shared outbox and
delivered by its background task (outbox.tasks.deliver_email) after the commit."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from outbox.tasks import queue_email

from .tokens import confirm_max_age, confirm_url, unsubscribe_url


def _queue(subscriber, template, context, headers=None):
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "subscriber": subscriber, **context}
    with translation.override(subscriber.language):
        subject = render_to_string(f"newsletter/email/{template}_subject.txt", context)
        body = render_to_string(f"newsletter/email/{template}.txt", context)
    return queue_email(
        [subscriber.email], " ".join(subject.split()), body, about=subscriber, headers=headers
    )


def queue_confirmation(subscriber):
    return _queue(
        subscriber,
        "confirm",
        {"confirm_url": confirm_url(subscriber), "days": confirm_max_age() // 86400},
    )


def unsubscribe_headers(subscriber):
    """One-click unsubscription (RFC 8058): mail programs show an "Unsubscribe" button that
    posts to the link; the link itself also works in a browser."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def queue_welcome(subscriber):
    return _queue(
        subscriber,
        "welcome",
        {"unsubscribe_url": unsubscribe_url(subscriber)},
        headers=unsubscribe_headers(subscriber),
    )
