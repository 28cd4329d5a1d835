"""Many pages under one parent at once, for the tests and benchmarks that need hundreds.

`parent.add_child()` and a published revision cost dozens of queries per page; listings at
scale only need live rows. The tree paths are computed here, the Page rows inserted in one
bulk query and each page type's own row with a raw save (which the search index ignores).
Each page gets a live revision, inserted in bulk too, and events the dates that publishing
them stores (programme.occurrence_store), so that listings read them as they would after a
real publish.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Page, Revision

from programme.events import EventPage
from programme.occurrence_store import store

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
    ids = [page.pk for page in created]
    live_revisions(ids, content_type, now)
    if issubclass(page_class, EventPage):
        store_dates(ids)
    return ids


def live_revisions(ids, content_type, now):
    """A live (and latest) revision for each page of `ids`, as publishing leaves: three
    queries however many pages."""
    base = ContentType.objects.get_for_model(Page)
    Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=base,
                object_id=str(pk),
                created_at=now,
                content={},
            )
            for pk in ids
        ],
        batch_size=500,
    )
    own = Revision.objects.filter(
        base_content_type=base, object_id=Cast(OuterRef("pk"), CharField())
    )
    revision = Subquery(own.order_by("-pk").values("pk")[:1])
    Page.objects.filter(pk__in=ids).update(live_revision_id=revision, latest_revision_id=revision)


def store_dates(ids):
    """Store the dates of the repeating events of `ids`, as their publishing would."""
    for event in EventPage.objects.filter(pk__in=ids).exclude(recurrence_frequency=""):
        store(event)
