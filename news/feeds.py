"""The Atom feed of a news index: its latest live articles, in the index's language."""

import datetime as dt
import uuid

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from languages.origin import absolute_url
from publicforms.text import CleanAtom1Feed

from .queries import live_articles
from .related import themes_by_key

FEED_LENGTH = 20


class NewsAtomFeed(CleanAtom1Feed):
    pass


def entry_id(article):
    """A stable identifier: the same across edits and slug changes, distinct per language."""
    return uuid.uuid5(article.translation_key, article.locale.language_code).urn


def atom_response(request, index):
    by_key = themes_by_key(index.locale_id)
    articles = (
        live_articles()
        .child_of(index)
        .select_related("author", "locale")
        .prefetch_related("themes")[:FEED_LENGTH]
    )
    feed = NewsAtomFeed(
        title=index.title,
        link=index.get_full_url(request),
        description=index.introduction or _("News from Les Halles Civiques"),
        language=index.locale.language_code,
        feed_url=absolute_url(index.feed_url(request)),
    )
    zone = timezone.get_current_timezone()
    for article in articles:
        feed.add_item(
            title=article.title,
            link=article.get_full_url(request),
            description=article.introduction,
            unique_id=entry_id(article),
            pubdate=dt.datetime.combine(article.date, dt.time(0, 0), zone),
            updateddate=article.last_published_at,
            author_name=article.author.name if article.author else None,
            categories=[theme.name for theme in article.localized_themes(by_key)],
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response
