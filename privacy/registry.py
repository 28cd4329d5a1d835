"""The registry of personal data: each app says what it keeps about people, and how to let go.

An app that stores names or e-mail addresses adds a `personal_data.py` module that registers a
`PersonalDataSource` subclass (the privacy app imports every installed app's `personal_data`
module when Django starts, as the admin does with `admin.py`). The privacy app itself imports
no content app: finding, exporting, erasing and the retention rule of each kind of data live
with the data.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

_sources = {}


class PersonalDataSource:
    """One kind of personal data: where it is, why it is kept and for how long.

    `key` names the kind in PORTAL_RETENTION_DAYS; `default_retention_days` applies when the
    setting does not name it (None: nothing expires on its own, as for active subscriptions).
    """

    key = ""
    label = ""
    purpose = ""  # why it is kept, one sentence
    # How long, one sentence with %(period)s (e.g. "Erased %(period)s after the event.").
    retention_rule = _("Erased %(period)s after it was received.")
    default_retention_days = None
    # Listing order: people's records first, the places that only mention them last.
    order = 100

    def retention_days(self):
        days = getattr(settings, "PORTAL_RETENTION_DAYS", {}).get(self.key)
        return self.default_retention_days if days is None else days

    def retention_text(self):
        days = self.retention_days()
        if days is None:
            return ""
        return self.retention_rule % {"period": period_text(days)}

    def find(self, email):
        """The records held about `email` (an iterable; a queryset is best)."""
        raise NotImplementedError

    def describe(self, record):
        """A short line about one record for the admin's results (no need to repeat the address)."""
        return str(record)

    def export(self, record):
        """One record as a JSON-serialisable dict: everything held, readable by its owner."""
        raise NotImplementedError

    def erase(self, email):
        """Erase (or anonymise) everything held about `email`; return how many records."""
        records = self.find(email)
        count = len(records)
        for record in records:
            record.delete()
        return count

    def expire(self, now):
        """Erase or anonymise what is past its retention period; return how many records."""
        return 0


def period_text(days):
    """A retention period in words: years, months or days, whichever is exact enough."""
    if days and days % 365 == 0:
        years = days // 365
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if days >= 60 and days % 30 == 0:
        months = days // 30
        return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def register(source_class):
    """Register a PersonalDataSource subclass (usable as a class decorator)."""
    source = source_class()
    if not source.key:
        raise ValueError(f"{source_class.__name__} needs a key")
    _sources[source.key] = source
    return source_class


def unregister(key):
    _sources.pop(key, None)


def sources():
    """Every registered source, in the order the apps registered them."""
    return sorted(_sources.values(), key=lambda source: source.order)


def get(key):
    return _sources.get(key)
