"""What the mirror into the external engine keeps in the database.

`MirrorChange` is an outbox: a row per page whose read-model rows changed, written in the
same transaction as the change, so a change committed is a change the engine will receive,
whatever happens to the task queue or the engine meanwhile. The worker deletes the rows it
sent. `MirrorState` is one row: who is sending (a lease, so one worker sends at a time) and
how the last attempts went (failures, next retry, last error), for /healthz.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MirrorChange(models.Model):
    """A page whose search document must be sent to (or deleted from) the engine."""

    page_id = models.PositiveIntegerField()  # no foreign key: deleted pages must be sent too
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "search"
        verbose_name = _("search engine change to send")
        verbose_name_plural = _("search engine changes to send")

    def __str__(self):
        return f"page {self.page_id}"


class MirrorState(models.Model):
    """The mirror's lease and retry state (a single row, named `mirror`)."""

    name = models.CharField(max_length=20, primary_key=True)
    lease_holder = models.CharField(max_length=64, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveIntegerField(default=0)
    retry_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "search"
        verbose_name = _("search engine mirror state")

    def __str__(self):
        return self.name
