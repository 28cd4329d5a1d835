"""Whole-site backup and restore: database content and media files in one archive.

The database part is Django's serialised data with the original primary keys (content types
included), so a backup taken on SQLite restores on PostgreSQL and the other way round, and
references between rows need no natural keys (Wagtail's collections and audit logs do not
round-trip through them). Derived or short-lived data (search index, reference index,
sessions, login attempts, task results) is left out and rebuilt after a restore.
"""

import io
import json
import tarfile
import tempfile
import time
from pathlib import PurePosixPath

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import management, serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction

DATA_MEMBER = "data.json"
MEDIA_PREFIX = "media/"
MANIFEST_MEMBER = "manifest.json"
# Apps and models whose rows are derived or short-lived: rebuilt or not worth keeping.
EXCLUDED = {
    "sessions",
    "wagtailsearch",
    "wagtailcore.referenceindex",
    # The readers' search read model and the engine's outbox: rebuilt from the pages.
    "search.indexedpage",
    "search.indexedfacet",
    "search.indexedfacetset",
    "search.indexedword",
    "search.indexversion",
    "search.mirrorchange",
    "search.mirrorstate",
    "axes",
    "django_tasks_database",
}


def _media_files(directory=""):
    directories, files = default_storage.listdir(directory)
    for name in files:
        yield str(PurePosixPath(directory) / name) if directory else name
    for sub in directories:
        yield from _media_files(str(PurePosixPath(directory) / sub) if directory else sub)


def _add_bytes(archive, name, payload):
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mtime = int(time.time())
    archive.addfile(info, io.BytesIO(payload))


def _rows():
    """Every row of every installed model, with its original key, except the EXCLUDED ones.

    loaddata defers constraint checks, so the order between models does not matter.
    """
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        if meta.app_label in EXCLUDED or meta.label_lower in EXCLUDED:
            continue
        yield from model._base_manager.order_by("pk").iterator()


def create_backup(fileobj):
    """Write a gzipped tar archive of the site to `fileobj`; return what it holds."""
    payload = serializers.serialize("json", _rows())
    media = list(_media_files())
    manifest = {"format": 1, "objects": len(json.loads(payload)), "media": len(media)}
    with tarfile.open(fileobj=fileobj, mode="w:gz") as archive:
        _add_bytes(archive, MANIFEST_MEMBER, json.dumps(manifest).encode())
        _add_bytes(archive, DATA_MEMBER, payload.encode())
        for name in media:
            with default_storage.open(name, "rb") as source:
                _add_bytes(archive, MEDIA_PREFIX + name, source.read())
    return manifest


def restore_backup(fileobj):
    """Replace the whole database content and media with the archive's; return its manifest."""
    with tarfile.open(fileobj=fileobj, mode="r:gz") as archive:
        manifest = json.load(archive.extractfile(MANIFEST_MEMBER))
        payload = archive.extractfile(DATA_MEMBER).read()
        media = [
            member
            for member in archive.getmembers()
            if member.isfile() and member.name.startswith(MEDIA_PREFIX)
        ]
        with transaction.atomic():
            # Without post_migrate, flush leaves content types and permissions out too, so
            # the archive's rows come back with their original keys.
            management.call_command(
                "flush", interactive=False, inhibit_post_migrate=True, verbosity=0
            )
            _loaddata(payload)
        for member in media:
            name = PurePosixPath(member.name).relative_to(MEDIA_PREFIX.rstrip("/"))
            if ".." in name.parts:  # an archive must never write outside the media root
                continue
            if default_storage.exists(str(name)):
                default_storage.delete(str(name))
            default_storage.save(str(name), ContentFile(archive.extractfile(member).read()))
    _clear_database_search_index()
    management.call_command("rebuild_references_index", verbosity=0)
    management.call_command("update_index", verbosity=0)
    management.call_command("rebuild_search_index", verbosity=0)  # the readers' read model
    return manifest


def _loaddata(payload):
    # Content types first: saving other rows may look one up, and a lookup that misses
    # creates it with a new key that the archive's row would then collide with.
    objects = json.loads(payload)
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")
    ContentType.objects.clear_cache()
    # loaddata reads fixtures from files only.
    with tempfile.NamedTemporaryFile(suffix=".json") as dump:
        dump.write(json.dumps(objects).encode())
        dump.flush()
        management.call_command("loaddata", dump.name, verbosity=0)


def _clear_database_search_index():
    """Empty the database search backend's tables before rebuilding them.

    Loading rows fires the search signal handlers, which index half-loaded pages; on SQLite
    the FTS table then disagrees with the entries table and the rebuild trips over it.
    """
    index_entry = apps.get_model("wagtailsearch", "IndexEntry")
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table == f"{index_entry._meta.db_table}_fts":
                cursor.execute(f'DELETE FROM "{table}"')  # noqa: S608 - a table name we own
    index_entry.objects.all()._raw_delete(using=connection.alias)
