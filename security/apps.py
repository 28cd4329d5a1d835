from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "security"

    def ready(self):
        # Patches Wagtail's page models: only once apps are ready.
        from .restrictions import install

        install()
