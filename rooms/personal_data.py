"""Room hire requests hold a contact's name, e-mail address and message (see privacy.registry)."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.registry import PersonalDataSource, register
from publicforms.links import new_nonce

from .choices import RequestStatus
from .hires import RoomRequest


def _anonymise(queryset):
    """Confirmed hires stay in the room's calendar, without the person behind them."""
    return queryset.update(
        contact_name="",
        email="",
        purpose="",
        needs="",
        staff_comment="",
        origin_ip_hash="",
        link_nonce=new_nonce(),
    )


@register
class RoomRequests(PersonalDataSource):
    key = "room_requests"
    label = _("Room hire requests")
    purpose = _(
        "We use your name and e-mail address to answer your request and send you a private "
        "link to follow it."
    )
    retention_rule = _("They are erased %(period)s after the date of the hire.")
    default_retention_days = 730

    def _model(self):
        return RoomRequest

    def find(self, email):
        return list(
            self._model().objects.filter(email__iexact=email).select_related("room").order_by("pk")
        )

    def describe(self, record):
        start = timezone.localtime(record.start)
        return f"{record.organisation_name} · {start:%Y-%m-%d} · {record.status}"

    def export(self, record):
        return {
            "room": str(record.room) if record.room_id else "",
            "organisation": record.organisation_name,
            "contact_name": record.contact_name,
            "email": record.email,
            "purpose": record.purpose,
            "needs": record.needs,
            "start": record.start.isoformat(),
            "end": record.end.isoformat(),
            "attendance": record.attendance,
            "status": record.status,
            "message_from_staff": record.staff_comment,
            "language": record.language,
            "received": record.created.isoformat(),
        }

    def erase(self, email):
        requests = self._model().objects.filter(email__iexact=email)
        anonymised = _anonymise(requests.filter(status=RequestStatus.CONFIRMED))
        deleted, _by_model = requests.exclude(status=RequestStatus.CONFIRMED).delete()
        return anonymised + deleted

    def expire(self, now):
        cutoff = now - dt.timedelta(days=self.retention_days())
        old = self._model().objects.filter(end__lt=cutoff)
        anonymised = _anonymise(old.filter(status=RequestStatus.CONFIRMED).exclude(email=""))
        deleted, _by_model = old.exclude(status=RequestStatus.CONFIRMED).delete()
        return anonymised + deleted
