"""Builders of pages and snippets, shared by the demo loader and the tests.

Plain functions rather than factory_boy classes: Wagtail pages must be added to the tree
(`add_child`) and published, which these helpers do in one call.
"""

import itertools
from decimal import Decimal

from wagtail.models import Locale

from directory.models import DirectoryIndexPage, OrganisationPage, PlacePage, Theme
from news.models import ArticlePage, Author, NewsIndexPage

_sequence = itertools.count(1)


def child_page(parent, page_class, publish=True, themes=(), keywords=(), **fields):
    """A `page_class` page added under `parent`, with its themes and keywords, then published
    (or left as a draft revision)."""
    page = page_class(**fields)
    parent.add_child(instance=page)
    if themes:
        page.themes.set(themes)
    if keywords:
        page.keywords.add(*keywords)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


# --- Directory --------------------------------------------------------------------------------


def directory_index(home, **fields):
    fields.setdefault("title", "Annuaire" if home.locale.language_code == "fr" else "Directory")
    fields.setdefault("slug", "annuaire" if home.locale.language_code == "fr" else "directory")
    return child_page(home, DirectoryIndexPage, locale=home.locale, **fields)


def theme(name, slug, locale="fr", **fields):
    return Theme.objects.create(
        name=name, slug=slug, locale=Locale.objects.get(language_code=locale), **fields
    )


def _entry(index, page_class, title, publish=True, **fields):
    n = next(_sequence)
    fields.setdefault("slug", f"entry-{n}")
    fields.setdefault("summary", f"Summary of {title}")
    for name in ("latitude", "longitude"):
        if isinstance(fields.get(name), float):
            fields[name] = Decimal(str(fields[name]))
    page = child_page(
        index, page_class, publish, title=title, locale=index.locale, live=publish, **fields
    )
    page.refresh_from_db()
    return page


def organisation(index, title, **fields):
    fields.setdefault("organisation_type", "association")
    fields.setdefault("relation", "member")
    return _entry(index, OrganisationPage, title, **fields)


def place(index, title, **fields):
    fields.setdefault("kind", "civic-hall")
    return _entry(index, PlacePage, title, **fields)


# --- News -------------------------------------------------------------------------------------


def news_index(home, **fields):
    french = home.locale.language_code == "fr"
    fields.setdefault("title", "Actualités" if french else "News")
    fields.setdefault("slug", "actualites" if french else "news")
    return child_page(home, NewsIndexPage, locale=home.locale, **fields)


def author(name, locale="fr", **fields):
    return Author.objects.create(
        name=name, locale=Locale.objects.get(language_code=locale), **fields
    )


def article(index, title, publish=True, **fields):
    """An article under `index`; with a future `go_live_at`, publishing only schedules it."""
    n = next(_sequence)
    fields.setdefault("slug", f"article-{n}")
    fields.setdefault("introduction", f"Introduction of {title}")
    page = child_page(
        index, ArticlePage, publish, title=title, locale=index.locale, live=False, **fields
    )
    page.refresh_from_db()
    return page
