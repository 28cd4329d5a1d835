from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = _("Programme")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .events import EventPage
        from .occurrence_store import store_quietly

        def dates_published(sender, instance, revision=None, **kwargs):
            store_quietly(instance, revision.pk if revision is not None else None)

        def dates_withdrawn(sender, instance, **kwargs):
            store_quietly(instance)

        page_published.connect(dates_published, sender=EventPage, weak=False)
        page_unpublished.connect(dates_withdrawn, sender=EventPage, weak=False)
