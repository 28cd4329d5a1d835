"""Queries shared by the news index, its feed, the latest-news block and article pages.

Each runs a fixed number of SQL queries whatever the number of articles: authors are joined,
lead images and their renditions and themes are prefetched.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from directory.models import OrganisationPage, PlacePage, Theme
from programme.models import EventPage

from .models import ArticlePage

CARD_RENDITION = "fill-640x360"


def themes_by_key(locale_id):
    """The themes of a language, by translation_key (the link between language versions)."""
    return {theme.translation_key: theme for theme in Theme.objects.filter(locale_id=locale_id)}


def live_articles():
    """Published, public articles, newest first (by the date readers see)."""
    return ArticlePage.objects.live().public().order_by("-date", "-first_published_at", "-pk")


def with_card_data(articles):
    """`articles` with what a card needs loaded in a constant number of queries."""
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    return articles.select_related("author", "locale").prefetch_related(
        Prefetch("lead_image", queryset=images), "themes"
    )


def decorate(articles, by_key):
    """Attach each article's themes in the reader's language (`display_themes`)."""
    articles = list(articles)
    for article in articles:
        article.display_themes = article.localized_themes(by_key)
    return articles


RELATED = [
    ("related_organisations", OrganisationPage, _("Organisations")),
    ("related_places", PlacePage, _("Places")),
    ("related_events", EventPage, _("Events")),
]


def localized_pages(article):
    """The pages an article links to, in its own language, grouped by kind.

    wagtail-localize copies the links of the French article as they are: the English version
    shows the English translation of each page, and leaves out pages not (yet) translated.
    """
    groups = []
    for field, model, heading in RELATED:
        keys = [page.translation_key for page in getattr(article, field).all()]
        if not keys:
            continue
        pages = list(
            model.objects.live()
            .public()
            .filter(locale_id=article.locale_id, translation_key__in=keys)
            .order_by("title")
        )
        if pages:
            groups.append({"name": field, "heading": heading, "pages": pages})
    return groups
