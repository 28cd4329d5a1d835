"""Writing the read model: in the transaction that publishes, or in bulk.

Every change that can make a page appear in, change in or leave the results (publishing,
unpublishing, saving a live page, moving, deleting, a view restriction, a translation synced
by wagtail-localize, a scheduled publication, an approved submission, an import) ends up here,
synchronously, through the signal handlers in `search.signals`: the index is a few local
writes, so results are right the moment the change commits, with no worker involved.

Inside `bulk_indexing()` (the demo loader, the CSV import, `rebuild_search_index`) pages are
only noted, then indexed together when the outermost block ends: a few queries per 500 pages
instead of a few per page.
"""

import contextlib
import secrets
import threading

from django.db import DEFAULT_DB_ALIAS, transaction
from wagtail.models import Page

import pagecache

from .documents import document_for, is_searchable_model, kind_of
from .models import IndexedFacet, IndexedFacetSet, IndexedPage, IndexedWord, IndexVersion
from .scope import facet_set_id, page_scope
from .signals import index_changed, read_model_changed
from .text import language_of, name_key, stem_words, words

BATCH = 500
VERSION_NAME = "index"
# What the read model holds changes with the code: a migration that changes it raises this,
# and `rebuild_if_outdated` rebuilds the rows once the migrations have run.
FORMAT_NAME = "format"
READ_MODEL_FORMAT = 2

_state = threading.local()


# --- Bulk mode --------------------------------------------------------------------------------


def _pending():
    return getattr(_state, "pending", None)


@contextlib.contextmanager
def bulk_indexing():
    """Defer the index writes of everything inside the block to its end, done in bulk."""
    if _pending() is not None:  # nested: the outermost block writes
        yield
        return
    _state.pending = set()
    try:
        yield
        pending = _state.pending
    finally:
        _state.pending = None
    if pending:
        index_page_ids(pending)


def schedule(page_ids):
    """Index these pages now, or at the end of the current `bulk_indexing()` block."""
    pending = _pending()
    if pending is not None:
        pending.update(page_ids)
    else:
        index_page_ids(page_ids)


# --- Building rows ----------------------------------------------------------------------------


def _analysed(texts, language):
    folded = []
    for text in texts:
        folded.extend(words(text, language))
    return folded, stem_words(folded, language)


def build_rows(page):
    """(IndexedPage, [IndexedFacet], IndexedFacetSet, {word: stem}) for a specific, live,
    public page."""
    document = document_for(page)
    language = language_of(page.locale.language_code)
    vocabulary = {}
    terms = {}
    for weight, texts in (
        ("name", [document.name]),
        ("summary", [document.summary]),
        ("body", document.body),
    ):
        folded, stems = _analysed(texts, language)
        vocabulary.update(zip(folded, stems, strict=True))
        terms[weight] = " ".join(stems)
    kind = kind_of(type(page))
    rows = [("kind", kind, False), *document.facet_rows()]
    single = [(facet, value) for facet, value, multiple in rows if not multiple]
    facet_set = IndexedFacetSet(id=facet_set_id(single), values=[list(pair) for pair in single])
    by_facet = {}
    for facet, value, _multiple in rows:
        by_facet.setdefault(facet, []).append(value)
    entry = IndexedPage(
        page_id=page.pk,
        locale_id=page.locale_id,
        kind=kind,
        path=page.path,
        depth=page.depth,
        url_path=page.url_path,
        title=document.name[:255],
        name_key=name_key(document.name),
        summary=document.summary,
        name_terms=terms["name"],
        summary_terms=terms["summary"],
        body_terms=terms["body"],
        scope=page_scope(page.locale_id, page.path, [(f, v) for f, v, _m in rows]),
        facets=by_facet,
        facet_set_id=facet_set.id,
        latitude=_float(document.latitude),
        longitude=_float(document.longitude),
        published_at=document.published_at,
        ends_at=document.ends_at,
        image_id=document.image_id,
    )
    facets = [
        IndexedFacet(entry_id=page.pk, facet=facet, value=value, multiple=multiple)
        for facet, value, multiple in rows
    ]
    words = {(language, word): stem for word, stem in vocabulary.items()}
    return entry, facets, facet_set, words


def _float(value):
    return None if value is None else float(value)


# --- Writing ----------------------------------------------------------------------------------


def indexable(pages):
    """The pages that belong in the index: live, public, of a searchable type, not the root."""
    return pages.live().public().filter(depth__gt=1)


def _specific_pages(ids):
    """The indexable pages among `ids`, as specific instances, with their declared prefetches."""
    pages = list(indexable(Page.objects.filter(pk__in=ids)).select_related("locale"))
    by_model = {}
    for page in pages:
        model = page.specific_class
        if model is not None and is_searchable_model(model):
            by_model.setdefault(model, []).append(page.pk)
    specific = []
    for model, pks in by_model.items():
        queryset = model.objects.filter(pk__in=pks).select_related("locale")
        prefetch = getattr(model, "search_prefetch", ())
        if prefetch:
            queryset = queryset.prefetch_related(*prefetch)
        specific.extend(queryset)
    return specific


def index_page_ids(page_ids):
    """Bring the index in step with the database for these pages (added, updated or removed)."""
    page_ids = sorted(set(page_ids))
    for first in range(0, len(page_ids), BATCH):
        batch = page_ids[first : first + BATCH]
        with transaction.atomic():
            write(_specific_pages(batch), remove=batch)


def index_instance(page):
    """Index a specific page instance as it is in memory (a save's own instance), or remove it
    when it is no longer live or public."""
    if page.depth <= 1 or not page.live or not is_searchable_model(type(page)):
        write([], remove=[page.pk])
    elif not Page.objects.filter(pk=page.pk).public().exists():
        write([], remove=[page.pk])
    else:
        write([page], remove=[page.pk])


def write(pages, remove=()):
    """Replace the rows of `remove` (page ids) by those of `pages`, in one transaction."""
    entries, facets, facet_sets, vocabulary = [], [], {}, {}
    for page in pages:
        entry, page_facets, facet_set, page_words = build_rows(page)
        entries.append(entry)
        facets.extend(page_facets)
        facet_sets[facet_set.id] = facet_set
        vocabulary.update(page_words)
    with transaction.atomic():
        remove = list(remove)
        if remove:
            IndexedFacet.objects.filter(entry_id__in=remove).delete()
            deleted, _counts = IndexedPage.objects.filter(page_id__in=remove).delete()
        else:
            deleted = 0
        # Sets are shared and never change (their id is their content's digest).
        IndexedFacetSet.objects.bulk_create(
            facet_sets.values(), batch_size=BATCH, ignore_conflicts=True
        )
        IndexedPage.objects.bulk_create(entries, batch_size=BATCH)
        IndexedFacet.objects.bulk_create(facets, batch_size=BATCH)
        IndexedWord.objects.bulk_create(
            [
                IndexedWord(language=language, word=word, stem=stem)
                for (language, word), stem in vocabulary.items()
            ],
            batch_size=BATCH,
            ignore_conflicts=True,
        )
        if entries or deleted:
            read_model_changed.send(
                sender=IndexedPage, page_ids=[*remove, *(entry.page_id for entry in entries)]
            )
            changed()


def remove_all():
    """Empty the read model (before a rebuild)."""
    with transaction.atomic():
        read_model_changed.send(sender=IndexedPage, everything=True)
        IndexedFacet.objects.all().delete()
        IndexedPage.objects.all().delete()
        IndexedFacetSet.objects.all().delete()
        IndexedWord.objects.all().delete()
        changed()


def rebuild(progress=None):
    """Write the read model anew from every live public page, in batches; `progress(done,
    total)` is called after each."""
    ids = list(indexable(Page.objects.all()).order_by("pk").values_list("pk", flat=True))
    with transaction.atomic():
        remove_all()
        for done in range(0, len(ids), BATCH):
            index_page_ids(ids[done : done + BATCH])
            if progress is not None:
                progress(min(done + BATCH, len(ids)), len(ids))
        IndexVersion.objects.update_or_create(
            name=FORMAT_NAME, defaults={"version": READ_MODEL_FORMAT}
        )
    return len(ids)


def rebuild_if_outdated(**kwargs):
    """After `migrate`: rebuild the read model when its format is older than the code's (a
    migration changed what it holds). Connected to post_migrate for this app."""
    if kwargs.get("using", DEFAULT_DB_ALIAS) != DEFAULT_DB_ALIAS:
        return
    state = kwargs.get("apps")
    if state is not None and not _schema_is_current(state):
        return  # migrated back to an older read model: this code cannot write it
    held = IndexVersion.objects.filter(name=FORMAT_NAME).values_list("version", flat=True)
    if next(iter(held), None) != READ_MODEL_FORMAT:
        rebuild()


def _schema_is_current(state):
    try:
        model = state.get_model("search", "IndexedPage")
    except LookupError:
        return False
    return any(field.name == "facet_set" for field in model._meta.get_fields())


def changed():
    """Give the index a new version, now, and tell caches once the transaction commits."""
    # Cached pages show results, listings and counts: they are dropped when this transaction
    # commits, whoever wrote (a publish, a rebuild, a repair, a migration), once per
    # transaction however many writes it holds.
    pagecache.invalidate()
    version = secrets.randbits(62)
    if not IndexVersion.objects.filter(name=VERSION_NAME).update(version=version):
        IndexVersion.objects.update_or_create(name=VERSION_NAME, defaults={"version": version})
    transaction.on_commit(lambda: index_changed.send(sender=IndexedPage))


def current_version():
    row = IndexVersion.objects.filter(name=VERSION_NAME).values_list("version", flat=True)
    return next(iter(row), 0)
