"""The compliance states of the RGAA accessibility statement model."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Compliance(models.TextChoices):
    FULL = "full", _("Fully compliant")
    PARTIAL = "partial", _("Partially compliant")
    NONE = "none", _("Not compliant")
