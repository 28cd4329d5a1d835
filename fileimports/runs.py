"""One run of an import: its transaction, rolled back for a dry run, and its report."""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction


@contextmanager
def import_transaction(dry_run):
    """The whole import in one transaction. A dry run does the same work, page checks
    included, and rolls it back, so that its report is exactly what a real run would do."""
    with transaction.atomic():
        yield
        if dry_run:
            transaction.set_rollback(True)


@dataclass
class ImportReport:
    """What a run did (or, in a dry run, would do) to each row of the file. The outcomes are
    the importer's own (a row and its errors, a date of an event and its reason); each has an
    `action`: "created", "updated", "unchanged" or "skipped", as the report template reads."""

    dry_run: bool
    outcomes: list = field(default_factory=list)

    def count(self, action):
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    @property
    def created(self):
        return self.count("created")

    @property
    def updated(self):
        return self.count("updated")

    @property
    def unchanged(self):
        return self.count("unchanged")

    @property
    def skipped(self):
        return self.count("skipped")
