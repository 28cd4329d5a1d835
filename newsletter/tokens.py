"""The links e-mailed to subscribers, signed like the partners' private links
(publicforms.links): a confirmation link that expires and works once, and an unsubscribe
link that never expires (an old message must still let people leave)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from publicforms.links import LinkError

from .subscribers import Subscriber

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"

__all__ = ["LinkError", "confirm_token", "read_confirm_token", "unsubscribe_token"]


def confirm_max_age():
    return getattr(settings, "PORTAL_NEWSLETTER_CONFIRM_DAYS", 7) * 24 * 3600


def confirm_token(subscriber):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(
        f"{subscriber.pk}.{subscriber.confirm_key}"
    )


def unsubscribe_token(subscriber):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(
        f"{subscriber.pk}.{subscriber.unsubscribe_key}"
    )


def _subscriber(value):
    pk, _sep, key = value.partition(".")
    subscriber = Subscriber.objects.filter(pk=pk).first() if pk.isdigit() else None
    return subscriber, key


def read_confirm_token(token):
    """(subscriber, fresh): fresh is False when the link was already used.

    Raises LinkError("expired") or LinkError("invalid") (forged, mangled, or its subscriber
    erased since).
    """
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=confirm_max_age())
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    subscriber, key = _subscriber(value)
    if subscriber is None:
        raise LinkError("invalid")
    return subscriber, subscriber.confirm_key == key


def read_unsubscribe_token(token):
    """The subscriber, or None when they were already erased; LinkError("invalid") if forged."""
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        raise LinkError("invalid") from None
    subscriber, key = _subscriber(value)
    if subscriber is not None and subscriber.unsubscribe_key != key:
        raise LinkError("invalid")
    return subscriber


def _absolute(name, token, language):
    with translation.override(language):
        path = reverse(name, kwargs={"token": token})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def confirm_url(subscriber):
    return _absolute("newsletter:confirm", confirm_token(subscriber), subscriber.language)


def unsubscribe_url(subscriber):
    return _absolute("newsletter:unsubscribe", unsubscribe_token(subscriber), subscriber.language)
