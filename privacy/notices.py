"""What a form says next to a field that collects personal data: why, and for how long.

The texts come from the registry at display time, so they follow PORTAL_RETENTION_DAYS and
the reader's language; a form declares them once, lazily, with its fields.
"""

from django.utils.functional import lazy

from . import registry


def _retention(key):
    source = registry.get(key)
    return str(source.retention_text()) if source else ""


def _why_and_how_long(key):
    source = registry.get(key)
    if source is None:
        return ""
    return " ".join(part for part in (str(source.purpose), str(source.retention_text())) if part)


def _with_retention(text, key):
    return " ".join(part for part in (str(text), _retention(key)) if part)


retention = lazy(_retention, str)
"""How long data of kind `key` is kept (one sentence), in the active language."""

why_and_how_long = lazy(_why_and_how_long, str)
"""Why data of kind `key` is kept and for how long, in the active language."""

with_retention = lazy(_with_retention, str)
"""A field's own help text followed by the retention sentence of kind `key`."""
