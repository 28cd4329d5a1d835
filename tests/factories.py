"""Small builders for test content, one section per app.

Plain functions rather than factory_boy classes: Wagtail pages must be added to the tree
(`add_child`) and published, which these helpers do in one call.
"""

import itertools
from decimal import Decimal

from wagtail.models import Locale

_sequence = itertools.count(1)


# --- Directory --------------------------------------------------------------------------------


def directory_index(home, **fields):
    from directory.models import DirectoryIndexPage

    fields.setdefault("title", "Annuaire" if home.locale.language_code == "fr" else "Directory")
    fields.setdefault("slug", "annuaire" if home.locale.language_code == "fr" else "directory")
    page = DirectoryIndexPage(locale=home.locale, **fields)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def theme(name, slug, locale="fr", **fields):
    from directory.models import Theme

    return Theme.objects.create(
        name=name, slug=slug, locale=Locale.objects.get(language_code=locale), **fields
    )


def _entry(index, page_class, title, themes=(), keywords=(), publish=True, **fields):
    n = next(_sequence)
    fields.setdefault("slug", f"entry-{n}")
    fields.setdefault("summary", f"Summary of {title}")
    for name in ("latitude", "longitude"):
        if isinstance(fields.get(name), float):
            fields[name] = Decimal(str(fields[name]))
    page = page_class(title=title, locale=index.locale, live=publish, **fields)
    index.add_child(instance=page)
    if themes:
        page.themes.set(themes)
    if keywords:
        page.keywords.add(*keywords)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def organisation(index, title, **fields):
    from directory.models import OrganisationPage

    fields.setdefault("organisation_type", "association")
    fields.setdefault("relation", "member")
    return _entry(index, OrganisationPage, title, **fields)


def place(index, title, **fields):
    from directory.models import PlacePage

    fields.setdefault("kind", "civic-hall")
    return _entry(index, PlacePage, title, **fields)


# --- News -------------------------------------------------------------------------------------


def news_index(home, **fields):
    from news.models import NewsIndexPage

    french = home.locale.language_code == "fr"
    fields.setdefault("title", "Actualités" if french else "News")
    fields.setdefault("slug", "actualites" if french else "news")
    page = NewsIndexPage(locale=home.locale, **fields)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def author(name, locale="fr", **fields):
    from news.models import Author

    return Author.objects.create(
        name=name, locale=Locale.objects.get(language_code=locale), **fields
    )


def article(index, title, themes=(), publish=True, **fields):
    """An article under `index`; with a future `go_live_at`, publishing only schedules it."""
    from news.models import ArticlePage

    n = next(_sequence)
    fields.setdefault("slug", f"article-{n}")
    fields.setdefault("introduction", f"Introduction of {title}")
    page = ArticlePage(title=title, locale=index.locale, live=False, **fields)
    index.add_child(instance=page)
    if themes:
        page.themes.set(themes)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page
