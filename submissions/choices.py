"""Kinds and states of a partner submission, as TextChoices stored in short codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation")
    PLACE = "place", _("Inspiring place")
    EVENT = "event", _("Event")


class Status(models.TextChoices):
    PENDING = "pending", _("Pending review")
    CHANGES_REQUESTED = "changes", _("Changes requested")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn by the partner")
