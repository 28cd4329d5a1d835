"""Partner proposals hold the partner's address (see privacy.registry)."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from privacy.registry import PersonalDataSource, register

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
        return list(self._model().objects.filter(email__iexact=email).order_by("pk"))

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
