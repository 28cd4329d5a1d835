"""How the portal's search reads an event (see search/documents.py): past ones rank last."""

from django.utils.translation import gettext_lazy as _

from .recurrence import local_zone


class EventSearch:
    search_kind = "event"
    search_kind_label = _("Events")

    def search_document(self):
        return {"summary": self.summary, "ends_at": self.last_end()}

    def last_end(self):
        """When the last date ends; None for a repetition without end."""
        if not self.is_recurring:
            return self.end
        if not (self.recurrence_count or self.recurrence_until):
            return None
        starts = list(self._rrule(self.local_start.replace(tzinfo=None)))
        if not starts:
            return self.end
        return starts[-1].replace(tzinfo=local_zone()) + self.duration
