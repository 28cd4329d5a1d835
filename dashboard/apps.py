from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """The editors' side of the portal as a whole: the admin's branding, the home dashboard's
    panels of work waiting, and admin labels that span apps."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "dashboard"
    verbose_name = _("Editors' dashboard")
