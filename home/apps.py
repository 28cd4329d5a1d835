from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site and editorial pages")

    def ready(self):
        from home.cache import connect_signals
        from home.localize import install as install_localize_fixes

        connect_signals()
        install_localize_fixes()
