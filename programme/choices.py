"""Controlled vocabularies of the programme, stored as short codes and shown translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventFormat(models.TextChoices):
    DEBATE = "debate", _("Debate")
    WORKSHOP = "workshop", _("Workshop")
    SCREENING = "screening", _("Screening")
    CONCERT = "concert", _("Concert")
    OPEN_DOORS = "open-doors", _("Open doors")
    VISIT = "visit", _("Visit")
    FESTIVAL = "festival", _("Festival")
    CAFE = "cafe", _("Café")
    OTHER = "other", _("Other")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    FAMILIES = "families", _("Families")
    YOUNG_PEOPLE = "young-people", _("Young people")
    PROFESSIONALS = "professionals", _("Professionals")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    FULL = "full", _("Full")


class OccurrenceStatus(models.TextChoices):
    """What happened to one date of an event; "scheduled" with new times means moved."""

    SCHEDULED = "scheduled", _("Scheduled (or moved)")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    FULL = "full", _("Full")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationMode(models.TextChoices):
    NONE = "none", _("No registration")
    EXTERNAL = "external", _("On another website")
    PORTAL = "portal", _("On this website")


class Frequency(models.TextChoices):
    """The subset of RFC 5545 frequencies editors may use; the value is the RRULE FREQ."""

    DAILY = "DAILY", _("Every day")
    WEEKLY = "WEEKLY", _("Every week")
    MONTHLY = "MONTHLY", _("Every month")


class Weekday(models.TextChoices):
    """Days as RFC 5545 BYDAY codes, in dateutil's order (Monday first)."""

    MO = "MO", _("Monday")
    TU = "TU", _("Tuesday")
    WE = "WE", _("Wednesday")
    TH = "TH", _("Thursday")
    FR = "FR", _("Friday")
    SA = "SA", _("Saturday")
    SU = "SU", _("Sunday")


class SetPosition(models.IntegerChoices):
    """Which of the month's matching weekdays: the RRULE BYSETPOS."""

    FIRST = 1, _("First")
    SECOND = 2, _("Second")
    THIRD = 3, _("Third")
    FOURTH = 4, _("Fourth")
    LAST = -1, _("Last")


class AccessFeature(models.TextChoices):
    """Accessibility facts readers can filter on; the value is the EventPage field name."""

    STEP_FREE = "step_free_access", _("Step-free access")
    SIGN_LANGUAGE = "sign_language", _("Sign language interpretation")
    EASY_TO_READ = "easy_to_read", _("Easy-to-read materials")
    INDUCTION_LOOP = "induction_loop", _("Induction loop")
