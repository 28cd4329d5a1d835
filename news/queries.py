"""Queries shared by the news index, its feed and the latest-news block.

Each runs a fixed number of SQL queries whatever the number of articles: authors are joined,
lead images and their renditions and themes are prefetched.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from .articles import ArticlePage

# The widths of _article_card.html's srcset, all prefetched with the articles.
CARD_RENDITIONS = ("fill-320x180", "fill-640x360")


def live_articles():
    """Published, public articles, newest first (by the date readers see)."""
    return ArticlePage.objects.live().public().order_by("-date", "-first_published_at", "-pk")


def with_card_data(articles):
    """`articles` with what a card needs loaded in a constant number of queries."""
    images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
    return articles.select_related("author", "locale").prefetch_related(
        Prefetch("lead_image", queryset=images), "themes"
    )


def decorate(articles, by_key):
    """Attach each article's themes in the reader's language (`display_themes`)."""
    articles = list(articles)
    for article in articles:
        article.display_themes = article.localized_themes(by_key)
    return articles
