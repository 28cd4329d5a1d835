from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmbedBuilderConfig(AppConfig):
    name = "embed_builder"
    verbose_name = _("Embed code builder")
    default_auto_field = "django.db.models.BigAutoField"
