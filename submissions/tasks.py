"""E-mail tasks queued before the outbox app existed name this module: it hands them on."""

from outbox.tasks import deliver_email

__all__ = ["deliver_email"]
