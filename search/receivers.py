"""The changes that move pages in or out of the index, caught where Wagtail announces them.

A save of a page is indexed from the instance being saved, which holds the live content and,
for a clustered page (themes, keywords), its child relations before they are written. Saves
that only touch revision bookkeeping (a draft saved on a live page) leave the index alone: the
page in memory then holds the draft, not what readers see. Unpublishing saves the page too
(`page_unpublished` is not listened to: Wagtail also sends it just before deleting a page,
when indexing it again would leave a row behind).
"""

from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import post_page_move

from . import indexing
from .documents import searchable_models
from .elastic.mirror import note_changes
from .models import IndexedPage
from .signals import read_model_changed

# Fields a save may update without changing what readers see.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "numchild",
        "locked",
        "locked_at",
        "locked_by",
        "go_live_at",
        "expire_at",
        "owner",
        "live_revision",
        "last_published_at",
    }
)


def page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    if indexing._pending() is not None:
        indexing.schedule([instance.pk])
        return
    specific_class = instance.specific_class
    if specific_class is not None and type(instance) is not specific_class:
        indexing.schedule([instance.pk])  # a base Page saved: read the specific page anew
    else:
        indexing.index_instance(instance)


def subtree_changed(sender, instance, **kwargs):
    """A move, or a view restriction added or removed: the page and everything under it."""
    page = getattr(instance, "page", instance)
    indexing.schedule(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


def page_deleted(sender, instance, **kwargs):
    # The row went with the page (ON DELETE CASCADE); caches and the engine's mirror still
    # need to hear of it.
    if isinstance(instance, Page):
        read_model_changed.send(sender=IndexedPage, page_ids=[instance.pk])
        indexing.changed()


# --- Related objects: a theme renamed, a keyword corrected ------------------------------------


def related_dependencies():
    """{related model: [(page model, relation)]}: the objects whose text a searchable page
    type declares searchable (`index.RelatedFields` in its `search_fields`), so saving one
    changes what those pages say."""
    found = defaultdict(set)
    for model in searchable_models():
        for search_field in model.get_search_fields():
            if not isinstance(search_field, index.RelatedFields):
                continue
            try:
                related = model._meta.get_field(search_field.field_name).related_model
            except FieldDoesNotExist:
                continue
            if related is not None and not issubclass(related, Page):
                found[related].add((model, search_field.field_name))
    by_name = {
        related: sorted(uses, key=lambda use: use[0].__name__) for related, uses in found.items()
    }
    return by_name


def dependent_pages(instance, uses):
    """Ids of the pages that use `instance` through one of `uses`."""
    ids = set()
    for model, relation in uses:
        ids.update(
            model.objects.filter(**{f"{relation}__in": [instance]}).values_list("pk", flat=True)
        )
    return ids


class RelatedObjectReceivers:
    """Re-index, in bulk, the pages using a related object when it is saved or deleted (its
    pages are read before a deletion takes their links away)."""

    def __init__(self, dependencies):
        self.dependencies = dependencies

    def saved(self, sender, instance, raw=False, **kwargs):
        if not raw:
            self._reindex(dependent_pages(instance, self.dependencies[sender]))

    def deleting(self, sender, instance, **kwargs):
        instance._search_dependent_pages = dependent_pages(instance, self.dependencies[sender])

    def deleted(self, sender, instance, **kwargs):
        self._reindex(getattr(instance, "_search_dependent_pages", ()))

    @staticmethod
    def _reindex(page_ids):
        if page_ids:
            indexing.schedule(page_ids)
        else:
            indexing.changed()  # lists kept per index version (themes) change all the same


def connect():
    read_model_changed.connect(note_changes, dispatch_uid="search-engine-mirror")
    post_save.connect(page_saved, dispatch_uid="search-index-page-saved")
    post_delete.connect(page_deleted, dispatch_uid="search-index-page-deleted")
    post_page_move.connect(subtree_changed, dispatch_uid="search-index-page-moved")
    for signal in (post_save, post_delete):
        signal.connect(
            subtree_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-index-restriction-{id(signal)}",
        )
    dependencies = related_dependencies()
    receivers = RelatedObjectReceivers(dependencies)
    for related in dependencies:
        label = related._meta.label_lower
        # weak=False: the signals hold the only reference to these bound methods.
        for signal, receiver, action in (
            (post_save, receivers.saved, "saved"),
            (pre_delete, receivers.deleting, "deleting"),
            (post_delete, receivers.deleted, "deleted"),
        ):
            signal.connect(
                receiver, sender=related, weak=False, dispatch_uid=f"search-{action}-{label}"
            )
