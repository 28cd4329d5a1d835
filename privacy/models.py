"""The record of each personal-data action (find, export, erase, retention run).

Wagtail's audit log needs an object to attach an entry to; this is it. It keeps who did what,
when, and how many records of each kind were concerned, never the address itself: only a
keyed hash, so staff can later check whether a given address was erased without the portal
keeping it.
"""

import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def address_digest(email):
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


class DataAction(models.TextChoices):
    FIND = "find", _("Search")
    EXPORT = "export", _("Export")
    ERASE = "erase", _("Erasure")
    RETENTION = "retention", _("Retention run")


class DataRequest(models.Model):
    action = models.CharField(_("action"), max_length=20, choices=DataAction.choices)
    address_digest = models.CharField(_("address (keyed hash)"), max_length=64, blank=True)
    counts = models.JSONField(_("records concerned"), default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")
        ordering = ["-created"]
        permissions = [
            ("manage_personal_data", _("Can find, export and erase personal data")),
        ]

    def __str__(self):
        return str(
            _("%(action)s no. %(number)s")
            % {"action": self.get_action_display(), "number": self.pk}
        )

    @property
    def total(self):
        return sum(self.counts.values())
