"""Does the read model hold exactly the pages it should? For /healthz and check_search_index.

"Should" is the same rule the index is written by (`search.indexing.indexable`): live,
public pages of a searchable type. Drift is counted per locale and kind, and listed by page
(missing from the index, or indexed but no longer due), so a repair touches only those.
"""

from collections import Counter

from wagtail.models import Page

from .documents import is_searchable_model, kind_of
from .indexing import index_page_ids, indexable
from .models import IndexedPage


def _expected():
    """{page id: (language, kind)} of every page the index should hold."""
    expected = {}
    rows = indexable(Page.objects.all()).values_list("pk", "locale__language_code", "content_type")
    from django.contrib.contenttypes.models import ContentType

    models = {}
    for pk, language, content_type_id in rows:
        if content_type_id not in models:
            models[content_type_id] = ContentType.objects.get_for_id(content_type_id).model_class()
        model = models[content_type_id]
        if model is not None and is_searchable_model(model):
            expected[pk] = (language, kind_of(model))
    return expected


def _indexed():
    rows = IndexedPage.objects.values_list("page_id", "locale__language_code", "kind")
    return {pk: (language, kind) for pk, language, kind in rows}


def drift():
    """(missing page ids, extra page ids, expected, indexed) of the read model."""
    expected, indexed = _expected(), _indexed()
    missing = sorted(set(expected) - set(indexed))
    extra = sorted(set(indexed) - set(expected))
    return missing, extra, expected, indexed


def index_health():
    """A JSON-able report: {"ok", "missing", "extra", "by_locale": {lang: {kind: {...}}}}."""
    missing, extra, expected, indexed = drift()
    due, held = Counter(expected.values()), Counter(indexed.values())
    by_locale = {}
    for language, kind in sorted(set(due) | set(held)):
        by_locale.setdefault(language, {})[kind] = {
            "live_pages": due.get((language, kind), 0),
            "indexed": held.get((language, kind), 0),
        }
    report = {
        "ok": not missing and not extra,
        "live_pages": len(expected),
        "indexed": len(indexed),
        "missing": len(missing),
        "extra": len(extra),
        "by_locale": by_locale,
    }
    if not report["ok"]:
        report["reason"] = (
            f"the search index misses {len(missing)} live pages and holds {len(extra)} others"
        )
    return report


def repair():
    """Index the missing pages and drop the extra rows; returns (missing, extra) counts."""
    missing, extra, _expected_pages, _indexed_pages = drift()
    if missing or extra:
        index_page_ids([*missing, *extra])
    return len(missing), len(extra)
