"""Many pages under one parent at once, for the tests and benchmarks that need hundreds.

`parent.add_child()` and a published revision cost dozens of queries per page; listings at
scale only need live rows. The tree paths are computed here, the Page rows inserted in one
bulk query and each page type's own row with a raw save (which the search index ignores).
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

_PAGE_FIELDS = {field.name for field in Page._meta.concrete_fields}


@transaction.atomic
def bulk_children(parent, page_class, rows):
    """Live `page_class` pages under `parent`, one per dict of fields in `rows` (each with a
    title and a slug, and the `translation_key` of the page it translates, if it does);
    returns their ids in order."""
    content_type = ContentType.objects.get_for_model(page_class)
    now = timezone.now()
    last = parent.get_last_child()
    first_step = (int(last.path[-Page.steplen :], 36) if last else 0) + 1
    pages, own_fields = [], []
    for step, row in enumerate(rows, start=first_step):
        base = {
            key: value
            for key, value in row.items()
            if key in _PAGE_FIELDS and key != "translation_key"
        }
        pages.append(
            Page(
                **base,
                draft_title=row["title"],
                path=Page._get_path(parent.path, parent.depth + 1, step),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{row['slug']}/",
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=row.get("translation_key") or uuid.uuid4(),
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
        own_fields.append({key: value for key, value in row.items() if key not in _PAGE_FIELDS})
    created = Page.objects.bulk_create(pages, batch_size=500)
    for page, fields in zip(created, own_fields, strict=True):
        page_class(page_ptr_id=page.pk, **fields).save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(created))
    parent.numchild += len(created)
    return [page.pk for page in created]
