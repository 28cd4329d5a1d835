"""What drops the page cache: Wagtail's page events, saves or deletes of content rows, and
background tasks that change what pages show.

PORTAL_PAGE_CACHE_CONTENT lists what public pages show, as app labels ("directory": any of
its models) or "app_label.ModelName" (one model and its subclasses). Rows written for other
reasons (sessions, task results, query logs, form defences) leave the cache alone.
PORTAL_PAGE_CACHE_AFTER_TASKS names tasks (dotted paths) whose end drops the cache: a search
index updated by a worker changes search results and listings after the publish that
queued it has already dropped the cache, so a page cached in between would stay stale.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django_tasks.signals import task_finished
from wagtail.signals import page_published, page_unpublished, post_page_move

from .version import invalidate


def _content_rules():
    apps, models = set(), set()
    for entry in settings.PORTAL_PAGE_CACHE_CONTENT:
        (models if "." in entry else apps).add(entry.lower())
    return apps, models


def is_content(model):
    apps, models = _content_rules()
    if model._meta.app_label in apps:
        return True
    return any(cls._meta.label_lower in models for cls in model.__mro__ if hasattr(cls, "_meta"))


def _invalidate_on_content_write(sender, **kwargs):
    if is_content(sender):
        invalidate()


def _invalidate_after_task(sender, task_result, **kwargs):
    if task_result.task.module_path in settings.PORTAL_PAGE_CACHE_AFTER_TASKS:
        invalidate()


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"pagecache-{signal!r}")
    post_save.connect(_invalidate_on_content_write, dispatch_uid="pagecache-save")
    post_delete.connect(_invalidate_on_content_write, dispatch_uid="pagecache-delete")
    task_finished.connect(_invalidate_after_task, dispatch_uid="pagecache-task")
