from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import indexing, receivers
        from .elastic.mirror import ensure_on_migrate

        receivers.connect()
        post_migrate.connect(
            indexing.rebuild_if_outdated, sender=self, dispatch_uid="search-rebuild-if-outdated"
        )
        # With SEARCH_URL set, the engine's index is created with its mapping on migrate,
        # before anything writes to it (search/elastic/index.py).
        post_migrate.connect(ensure_on_migrate, sender=self, dispatch_uid="search-engine-index")
