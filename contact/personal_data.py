"""Messages sent through the contact pages (see privacy.registry)."""

import datetime as dt

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.registry import PersonalDataSource, register

from .messages import ContactMessage


@register
class ContactMessages(PersonalDataSource):
    key = "contact_messages"
    label = _("Contact messages")
    purpose = _("We use your e-mail address only to answer your message.")
    retention_rule = _("Messages are erased %(period)s after they were received.")
    default_retention_days = 365

    def _model(self):
        return ContactMessage

    def find(self, email):
        # The address the sender typed, or an address quoted in any field of the message.
        mentions = Q(email__iexact=email) | Q(form_data__icontains=email)
        return list(self._model().objects.filter(mentions).select_related("page").order_by("pk"))

    def describe(self, record):
        return f"{record.page.title} · {timezone.localtime(record.submit_time):%Y-%m-%d %H:%M}"

    def export(self, record):
        return {
            "page": record.page.title,
            "sent": record.submit_time.isoformat(),
            "fields": record.form_data,
        }

    def expire(self, now):
        cutoff = now - dt.timedelta(days=self.retention_days())
        deleted, _by_model = self._model().objects.filter(submit_time__lt=cutoff).delete()
        return deleted
