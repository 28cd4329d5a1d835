"""Rebuild the search read model from the live, public pages, in bulk, then the search
engine's index from it (when SEARCH_URL names one)."""

import sys

from django.core.management.base import BaseCommand

from search.elastic import index as engine_index
from search.elastic import mirror
from search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the portal's search index (the read model) from every live public page."

    def handle(self, *args, **options):
        show_progress = options["verbosity"] > 0 and sys.stdout.isatty()
        total = rebuild(progress=self._progress if show_progress else None)
        if show_progress:
            self.stdout.write("")
        if options["verbosity"] > 0:
            self.stdout.write(f"Indexed {total} live public pages.")
        if engine_index.configured():
            self._engine(show_progress, options["verbosity"])

    def _engine(self, show_progress, verbosity):
        """A new engine index with the portal's mapping, filled in bulk from the read model.
        When the engine cannot be reached the pages stay queued for the task worker."""
        try:
            sent = mirror.rebuild(progress=self._progress if show_progress else None)
        except Exception as error:  # the engine's or the network's: the worker retries
            self.stderr.write(
                f"Search engine not rebuilt ({type(error).__name__}: {error}); every page "
                "is queued and the task worker will send them when it answers."
            )
            mirror.request_mirroring()
            return
        if show_progress:
            self.stdout.write("")
        if verbosity > 0:
            self.stdout.write(f"Search engine index rebuilt: {sent} pages sent.")

    def _progress(self, done, total):
        width = 40
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total}", ending="")
        self.stdout.flush()
