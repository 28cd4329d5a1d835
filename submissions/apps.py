from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = _("Partner submissions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Importing the receivers connects them; they need the models, so only once ready.
        from . import signals  # noqa: F401
