from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    # Saving "Legal pages in the footer" drops the page cache: the settings model is listed
    # in PORTAL_PAGE_CACHE_CONTENT, as every footer links to the pages it names.
    name = "legal"
    verbose_name = _("Legal pages")
    default_auto_field = "django.db.models.BigAutoField"
