from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "languages"

    def ready(self):
        # Patches wagtail-localize and Wagtail, whose models must be loaded first: only once
        # apps are ready.
        from . import locales, localize, origin, routing  # noqa: F401 - origin: the Site check

        localize.install()
        locales.install()
        routing.install()
