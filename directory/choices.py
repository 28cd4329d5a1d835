"""Controlled vocabularies of the directory, as TextChoices: stable in URLs and exports."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    CIVIC_TECH = "civic-tech", _("Civic-tech start-up")
    PUBLIC_BODY = "public-body", _("Public body")
    RESEARCH_LAB = "research-lab", _("Research lab")
    COLLECTIVE = "collective", _("Collective")
    COMPANY = "company", _("Company")
    OTHER = "other", _("Other")


class Relation(models.TextChoices):
    MEMBER = "member", _("Member of the network")
    RESIDENT = "resident", _("Resident")
    PARTNER = "partner", _("Partner")


class PlaceKind(models.TextChoices):
    CIVIC_HALL = "civic-hall", _("Civic hall")
    LIVING_LAB = "living-lab", _("Living lab")
    ECO_VILLAGE = "eco-village", _("Eco-village")
    INCUBATOR = "incubator", _("Incubator")
    TEMPORARY_OCCUPATION = "temporary-occupation", _("Temporary occupation")
    COWORKING = "coworking", _("Coworking space")
    FAB_LAB = "fab-lab", _("Fab lab")
    OTHER = "other", _("Other")


class EntryType(models.TextChoices):
    ORGANISATION = "organisation", _("Organisations")
    PLACE = "place", _("Inspiring places")


class Accessibility(models.TextChoices):
    """Accessibility facets of a place; each value is the name of a boolean field."""

    STEP_FREE = "step_free_access", _("Step-free access")
    SIGN_LANGUAGE = "sign_language_welcome", _("French Sign Language (LSF) welcome")
    EASY_TO_READ = "easy_to_read", _("Easy-to-read information (FALC)")
    QUIET_HOURS = "quiet_hours", _("Quiet hours")


class Sort(models.TextChoices):
    RELEVANCE = "relevance", _("Relevance")
    NAME = "name", _("Name")
    NEWEST = "newest", _("Newest")
    DISTANCE = "distance", _("Distance")


class View(models.TextChoices):
    """How the directory shows its results; the list is always there as the accessible one."""

    LIST = "list", _("List")
    MAP = "map", _("Map")


class Country(models.TextChoices):
    """ISO 3166-1 alpha-2 codes of the countries the network works with; extend as needed."""

    BE = "BE", _("Belgium")
    BR = "BR", _("Brazil")
    CA = "CA", _("Canada")
    CH = "CH", _("Switzerland")
    DE = "DE", _("Germany")
    DK = "DK", _("Denmark")
    ES = "ES", _("Spain")
    FI = "FI", _("Finland")
    FR = "FR", _("France")
    GB = "GB", _("United Kingdom")
    IE = "IE", _("Ireland")
    IS = "IS", _("Iceland")
    IT = "IT", _("Italy")
    KR = "KR", _("South Korea")
    MA = "MA", _("Morocco")
    NL = "NL", _("Netherlands")
    PH = "PH", _("Philippines")
    PT = "PT", _("Portugal")
    SN = "SN", _("Senegal")
    TN = "TN", _("Tunisia")
    TW = "TW", _("Taiwan")
    US = "US", _("United States")
