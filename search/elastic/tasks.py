"""The queued work of the search engine mirror (run by the task worker)."""

from django_tasks import task

from . import mirror


@task()
def mirror_changes(retry=False):
    """Send the read model's pending changes to the engine (see search/elastic/mirror.py)."""
    return mirror.run(retry=retry)
