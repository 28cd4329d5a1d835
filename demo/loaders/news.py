"""The news: two authors and four articles (dated from the day the demo is first loaded), a
menu entry and the home page's latest-news block."""

import datetime as dt

from django.utils import timezone

from directory.models import OrganisationPage, PlacePage, Theme
from home.models import HomePage
from languages.translation import translate
from news.models import ArticlePage, Author, NewsIndexPage
from programme.models import EventPage

from ..data import news as data
from ..data.home import HOME_GLOSSARY
from ..images import illustration, portrait
from .home import paragraphs


def news_index(demo):
    return demo.child_page(
        demo.home_fr,
        NewsIndexPage,
        "actualites",
        data.INDEX_GLOSSARY,
        title="Actualités",
        introduction=data.INTRODUCTION,
    )


def _authors(demo):
    authors = {}
    for name, (role, en_role), (bio, en_bio), colours in data.AUTHORS:
        photo = portrait(name, colours)
        authors[name] = demo.snippet(
            Author, {"name": name}, {role: en_role, bio: en_bio}, role=role, bio=bio, photo=photo
        )
    return authors


def _pages(model, demo, slugs):
    return list(model.objects.filter(locale=demo.fr, slug__in=slugs)) if slugs else []


def _article(demo, index, spec, authors, today):
    glossary = dict([spec["slug"], spec["title"], spec["introduction"], *spec["paragraphs"]])
    return demo.child_page(
        index,
        ArticlePage,
        spec["slug"][0],
        glossary,
        title=spec["title"][0],
        kind=spec["kind"],
        date=today - dt.timedelta(days=spec["days_ago"]),
        introduction=spec["introduction"][0],
        body=[{"type": "rich_text", "value": paragraphs(fr for fr, _en in spec["paragraphs"])}],
        lead_image=illustration(spec["title"][0], spec["scene"]),
        author=authors[spec["author"]],
        themes=list(Theme.objects.filter(locale=demo.fr, slug__in=spec["themes"])),
        related_organisations=_pages(OrganisationPage, demo, spec["organisations"]),
        related_places=_pages(PlacePage, demo, spec["places"]),
        related_events=_pages(EventPage, demo, spec["events"]),
    )


def _latest_news_block(demo):
    """A latest-news block on the home page, added only when the page has none: a later run
    leaves the page (and its revisions) alone. Inserting keeps the other blocks' ids, to
    which their English translations are attached."""
    home = HomePage.objects.get(pk=demo.home_fr.pk)
    if any(block.block_type == "latest_news" for block in home.body):
        return
    heading, en_heading = data.LATEST_NEWS_HEADING
    kinds = [block.block_type for block in home.body]
    position = kinds.index("upcoming_events") + 1 if "upcoming_events" in kinds else len(kinds)
    home.body.insert(position, ("latest_news", {"heading": heading, "count": 3}))
    home.save_revision().publish()
    # The buttons' ids are not stored (legacy list format), so their strings come again.
    translate(home, demo.en, {**HOME_GLOSSARY, heading: en_heading})
    demo.note("HomePage latest news block")


def load(demo):
    index = news_index(demo)
    authors = _authors(demo)
    today = timezone.localdate()
    for spec in data.ARTICLES:
        _article(demo, index, spec, authors, today)
    demo.menu_entry(index, "actualites")
    _latest_news_block(demo)
    return index
