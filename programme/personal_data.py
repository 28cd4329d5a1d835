"""Registrations to events hold a name and an e-mail address (see privacy.registry)."""

import datetime as dt

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.registry import PersonalDataSource, register

from .choices import RegistrationStatus
from .places import cancel
from .registrations import Registration

ANONYMOUS_DOMAIN = "@anonymised.invalid"


@register
class EventRegistrations(PersonalDataSource):
    key = "registrations"
    label = _("Event registrations")
    purpose = _(
        "We use your name and e-mail address to keep your place, tell you about changes and "
        "send you a link to cancel; only the organisers see them."
    )
    retention_rule = _("They are erased %(period)s after the event.")
    default_retention_days = 365

    def _model(self):
        return Registration

    def find(self, email):
        return list(
            self._model().objects.filter(email__iexact=email).select_related("event").order_by("pk")
        )

    def describe(self, record):
        start = timezone.localtime(record.occurrence_start)
        return f"{record.event.title} · {start:%Y-%m-%d %H:%M} · {record.status}"

    def export(self, record):
        return {
            "event": record.event.title,
            "date": record.occurrence_start.isoformat(),
            "name": record.name,
            "email": record.email,
            "status": record.status,
            "language": record.language,
            "registered_at": record.created_at.isoformat(),
        }

    def erase(self, email):
        """Cancel upcoming places first (the waiting list moves up), then delete."""
        records = self.find(email)
        now = timezone.now()
        for record in records:
            if record.occurrence_start > now and record.status != RegistrationStatus.CANCELLED:
                cancel(record)
            record.delete()
        return len(records)

    def expire(self, now):
        """Past events keep their attendance figures, without who came."""
        cutoff = now - dt.timedelta(days=self.retention_days())
        old = (
            self._model()
            .objects.filter(occurrence_start__lt=cutoff)
            .exclude(email__endswith=ANONYMOUS_DOMAIN)
        )
        return old.update(
            name="",
            email=Concat(Value("registration-"), Cast("pk", CharField()), Value(ANONYMOUS_DOMAIN)),
        )
