"""Newsletter subscribers (see privacy.registry)."""

import datetime as dt
import logging

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.registry import PersonalDataSource, register

from .adapters import AdapterError, get_adapter
from .subscribers import Subscriber, SubscriberStatus

logger = logging.getLogger(__name__)


@register
class NewsletterSubscribers(PersonalDataSource):
    key = "newsletter"
    label = _("Newsletter subscriptions")
    purpose = _("We use your e-mail address only to send you the newsletter.")
    retention_rule = _(
        "It is kept while you are subscribed; unconfirmed and unsubscribed addresses are "
        "erased after %(period)s."
    )
    default_retention_days = 30

    def _model(self):
        return Subscriber

    def find(self, email):
        return list(self._model().objects.filter(email__iexact=email))

    def describe(self, record):
        return f"{record.get_status_display()} · {timezone.localtime(record.created):%Y-%m-%d}"

    def export(self, record):
        return {
            "email": record.email,
            "status": record.status,
            "language": record.language,
            "signed_up": record.created.isoformat(),
            "confirmed": record.confirmed_at.isoformat() if record.confirmed_at else None,
            "unsubscribed": record.unsubscribed_at.isoformat() if record.unsubscribed_at else None,
        }

    def erase(self, email):
        records = self.find(email)
        if records:
            # The team's mailing tool must forget the address too; it is tried now (there is
            # no later: the address is gone from here), and a failure is logged for staff.
            try:
                get_adapter().remove(email)
            except AdapterError as error:
                logger.error("Erased subscriber not removed from the mailing tool: %s", error)
        for record in records:
            record.delete()
        return len(records)

    def expire(self, now):
        cutoff = now - dt.timedelta(days=self.retention_days())
        # A pending address counts from the last confirmation link it was sent.
        unconfirmed = Q(status=SubscriberStatus.PENDING) & (
            Q(confirmation_sent_at__lt=cutoff)
            | Q(confirmation_sent_at__isnull=True, created__lt=cutoff)
        )
        left = Q(status=SubscriberStatus.UNSUBSCRIBED, unsubscribed_at__lt=cutoff)
        old = unconfirmed | left
        deleted, _by_model = self._model().objects.filter(old).delete()
        return deleted
