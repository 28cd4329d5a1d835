"""Newsletter subscribers: double opt-in, one-click unsubscribe, handed to the team's tool.

An address is `pending` until its owner follows the link e-mailed to it, `confirmed` after,
and `unsubscribed` once they leave (kept a short while so the team's tool can catch up, then
erased by the retention task).
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_key():
    return secrets.token_hex(16)


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
        db_index=True,
    )
    # Changed when the address is confirmed: a confirmation link works once.
    confirm_key = models.CharField(max_length=32, default=new_key, editable=False)
    # Signed into every unsubscribe link; never changes, so old messages' links keep working.
    unsubscribe_key = models.CharField(max_length=32, default=new_key, editable=False)
    source = models.CharField(_("signed up on"), max_length=200, blank=True)
    created = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    # Hand-over to the team's tool (newsletter.adapters): done once sync_pending is off.
    sync_pending = models.BooleanField(_("waiting for the mailing tool"), default=False)
    sync_attempts = models.PositiveSmallIntegerField(default=0)
    sync_error = models.TextField(_("mailing tool error"), blank=True)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-created"]

    def __str__(self):
        return self.email
