"""News blocks that extend the shared block library."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale, Site

from pagecache.fragments import cached_fragment

from .index_page import NewsIndexPage
from .queries import decorate, live_articles, with_card_data
from .related import themes_by_key


class LatestNewsBlock(blocks.StructBlock):
    """The most recent articles in the page's language, computed when the page is shown."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    count = blocks.IntegerBlock(label=_("Number of articles"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "doc-full"
        label = _("Latest news")
        template = "blocks/latest_news_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        locale_id = getattr(page, "locale_id", None) or Locale.get_active().pk
        articles = with_card_data(live_articles().filter(locale_id=locale_id))[: value["count"]]
        context["articles"] = decorate(articles, themes_by_key(locale_id))
        request = (parent_context or {}).get("request")
        site = Site.find_for_request(request) if request is not None else None

        def news_index_url():
            index = NewsIndexPage.objects.live().public().filter(locale_id=locale_id).first()
            return index.get_url(request) if index is not None else ""

        # A link every page with this block shows: cached with the site furniture.
        context["news_index_url"] = cached_fragment(
            request, "news-index-link", [getattr(site, "pk", None), locale_id], news_index_url
        )
        return context
