"""Partner proposals hold the partner's address (see privacy.registry)."""

import datetime as dt

from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from privacy.registry import PersonalDataSource, register

from .partners import from_address
from .proposals import Submission


@register
class PartnerSubmissions(PersonalDataSource):
    key = "submissions"
    label = _("Partner proposals")
    purpose = _(
        "We use your e-mail address to send you a private link to follow and correct your "
        "proposal; it is never published."
    )
    retention_rule = _("It is erased %(period)s after the last change to your proposal.")
    default_retention_days = 365

    def _model(self):
        return Submission

    def find(self, email):
        return list(from_address(self._model().objects.all(), email).order_by("pk"))

    def describe(self, record):
        return f"{record.title} · {record.get_kind_display()} · {record.get_status_display()}"

    def export(self, record):
        return {
            "kind": record.kind,
            "name": record.title,
            "email": record.email,
            "website": record.website,
            "status": record.status,
            "comment_from_moderators": record.moderator_comment,
            "language": record.language,
            "browser": record.user_agent,
            "received": record.created.isoformat(),
            "updated": record.updated.isoformat(),
        }

    def expire(self, now):
        # The proposal's page stays (it is the network's content); who proposed it goes.
        cutoff = now - dt.timedelta(days=self.retention_days())
        deleted, _by_model = self._model().objects.filter(updated__lt=cutoff).delete()
        return deleted


@register
class PartnerAccounts(PersonalDataSource):
    key = "partner_accounts"
    label = _("Partner space")
    purpose = _(
        "We keep your e-mail address to send you sign-in links to your partner space and, "
        "once a year, to ask whether your listings are still right."
    )
    retention_rule = _("It is erased with your last proposal.")
    default_retention_days = 0

    def _model(self):
        from .partners import Partner

        return Partner

    def find(self, email):
        return list(from_address(self._model().objects.all(), email).order_by("pk"))

    def describe(self, record):
        return str(record.email)

    def export(self, record):
        return {
            "email": record.email,
            "created": record.created.isoformat(),
            "last_signed_in": record.last_signed_in.isoformat() if record.last_signed_in else None,
            "last_reminded": record.last_reminded.isoformat() if record.last_reminded else None,
        }

    def expire(self, now):
        # Without a proposal from the address, the partner space has nothing left to show.
        proposals = Submission.objects.annotate(address_key=Lower("email")).filter(
            address_key=OuterRef("email")
        )
        orphans = self._model().objects.filter(~Exists(proposals))
        _total, by_model = orphans.delete()  # their e-mails go too, counted apart
        return by_model.get(self._model()._meta.label, 0)
