"""The retention run as a background task, for the worker's periodic scheduler."""

from django_tasks import task

from . import services


@task()
def enforce_retention():
    """Erase or anonymise what is past its retention period; returns {kind: records}."""
    return services.enforce_retention()
