"""Directories of any size, inserted in bulk (a factory publishing 2,000 pages takes minutes)."""

import traceback
import uuid
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WORDS = ["citoyen", "atelier", "jardin", "quartier", "numérique", "culture", "énergie"]
CITIES = ["Paris", "Lyon", "Lille", "Nantes"]


def _step(number):
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return digits.rjust(4, "0")


def bulk_entries(index, count):
    """`count` live organisations and places under `index`, then the search index rebuilt."""
    from directory.models import OrganisationPage, PlacePage

    now = timezone.now()
    rows = {OrganisationPage: [], PlacePage: []}
    for n in range(count):
        model = OrganisationPage if n % 4 else PlacePage
        fields = {
            "summary": f"Un {WORDS[n % 7]} de {CITIES[n % 4]}.",
            "description": f"<p>{WORDS[(n + 3) % 7]} et {WORDS[(n + 5) % 7]}.</p>",
            "city": CITIES[n % 4],
            "country": "FR",
        }
        if model is OrganisationPage:
            fields.update(organisation_type=["association", "collective"][n % 2], relation="member")
        else:
            fields.update(kind="civic-hall")
        rows[model].append((f"Entrée {WORDS[n % 7]} {n:05d}", fields))
    position = index.numchild
    for model, entries in rows.items():
        content_type = ContentType.objects.get_for_model(model)
        for first in range(0, len(entries), 500):
            pages, specifics = [], []
            for title, fields in entries[first : first + 500]:
                position += 1
                slug = f"bulk-{position}"
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        path=index.path + _step(position),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}{slug}/",
                        content_type=content_type,
                        locale_id=index.locale_id,
                        translation_key=uuid.uuid4(),
                        live=True,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
                specifics.append(fields)
            Page.objects.bulk_create(pages)
            children = [
                model(page_ptr_id=page.pk, **fields)
                for page, fields in zip(pages, specifics, strict=True)
            ]
            model._base_manager._insert(
                children, fields=model._meta.local_concrete_fields, using="default"
            )
    Page.objects.filter(pk=index.pk).update(numchild=position)
    index.refresh_from_db()
    call_command("rebuild_search_index", verbosity=0)


# The code that searches: what a directory or search page spends beyond the site's furniture
# (routing, menu, footer, language links, the header's search box).
SEARCH_CODE = (
    "search/query.py",
    "search/engines/",
    "search/vocabulary.py",
    "search/views.py",
    "search/models.py",
    "directory/filters.py",
    "directory/cards.py",
    "directory/ordering.py",
    "directory/views.py",
)
_ROOT = str(Path(__file__).resolve().parent.parent) + "/"


class QueryLog:
    """The SQL queries run inside `with connection.execute_wrapper(log):`, each with the
    project file (innermost on the stack) that ran it."""

    def __init__(self):
        self.files = []

    def __call__(self, execute, sql, params, many, context):
        self.files.append(self._caller())
        return execute(sql, params, many, context)

    @staticmethod
    def _caller():
        for frame in reversed(traceback.extract_stack()):
            name = frame.filename
            if name.startswith(_ROOT) and "/.venv/" not in name and "/tests/" not in name:
                return name[len(_ROOT) :]
        return ""

    def __len__(self):
        return len(self.files)

    def by(self, prefixes):
        """How many queries files starting with one of `prefixes` ran."""
        return sum(1 for name in self.files if name.startswith(prefixes))
