"""Find, export and erase what is held about one address; enforce the retention periods.

The admin view, the `personal_data` command and the retention task all go through here, so
every action is recorded the same way: a DataRequest row and an entry in Wagtail's audit log
(actions privacy.find, privacy.export, privacy.erase, privacy.retention).
"""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from . import registry
from .models import DataAction, DataRequest, address_digest

logger = logging.getLogger(__name__)

MAX_RECORDS_SHOWN = 50


def normalise(email):
    """The address as stored for comparison: trimmed, lower-case, checked."""
    email = (email or "").strip().lower()
    validate_email(email)
    return email


@dataclass
class Found:
    source: registry.PersonalDataSource
    records: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.records)

    def lines(self):
        return [self.source.describe(record) for record in self.records[:MAX_RECORDS_SHOWN]]


def _record(action, *, email="", counts=None, user=None):
    request = DataRequest.objects.create(
        action=action,
        address_digest=address_digest(email) if email else "",
        counts=counts or {},
        user=user if user is not None and user.is_authenticated else None,
    )
    log(instance=request, action=f"privacy.{action}", user=request.user, data={"counts": counts})
    return request


def find(email, *, user=None, record=True):
    """What every source holds about `email`: a list of Found, one per source."""
    email = normalise(email)
    found = [Found(source, list(source.find(email))) for source in registry.sources()]
    if record:
        _record(DataAction.FIND, email=email, counts=_counts(found), user=user)
    return found


def export(email, *, user=None):
    """Everything held about `email`, as a JSON-serialisable dict for its owner."""
    email = normalise(email)
    found = find(email, record=False)
    data = {
        "address": email,
        "exported_at": timezone.now().isoformat(),
        "data": {
            item.source.key: {
                "label": str(item.source.label),
                "purpose": str(item.source.purpose),
                "retention": str(item.source.retention_text()),
                "records": [item.source.export(record) for record in item.records],
            }
            for item in found
        },
    }
    _record(DataAction.EXPORT, email=email, counts=_counts(found), user=user)
    return data


def erase(email, *, user=None):
    """Erase or anonymise everything held about `email`; return {source key: records}."""
    email = normalise(email)
    counts = {}
    with transaction.atomic():
        for source in registry.sources():
            counts[source.key] = source.erase(email) or 0
        _record(DataAction.ERASE, email=email, counts=counts, user=user)
    return counts


def enforce_retention(now=None, *, user=None):
    """Erase or anonymise every record past its retention period; return {key: records}.

    Each source runs in its own transaction: one that fails is logged and the others still
    run (the next run catches up).
    """
    now = now or timezone.now()
    counts = {}
    for source in registry.sources():
        try:
            with transaction.atomic():
                counts[source.key] = source.expire(now) or 0
        except Exception:  # one broken source must not keep the others' data past its time
            logger.exception("Retention of %s failed", source.key)
            counts[source.key] = -1
    _record(DataAction.RETENTION, counts=counts, user=user)
    return counts


def _counts(found):
    return {item.source.key: item.count for item in found}


def is_valid_address(email):
    try:
        normalise(email)
    except ValidationError:
        return False
    return True
