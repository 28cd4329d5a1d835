from django.apps import AppConfig


class PublicformsConfig(AppConfig):
    name = "publicforms"

    def ready(self):
        from .text import cover_admin_text_fields

        cover_admin_text_fields()
