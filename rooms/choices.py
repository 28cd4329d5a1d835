"""Controlled vocabularies of room hire, stored as short codes and shown translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
