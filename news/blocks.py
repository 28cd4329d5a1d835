"""News blocks that extend the shared block library."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class LatestNewsBlock(blocks.StructBlock):
    """The most recent articles in the page's language, computed when the page is shown."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    count = blocks.IntegerBlock(label=_("Number of articles"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "doc-full"
        label = _("Latest news")
        template = "blocks/latest_news_block.html"

    def get_context(self, value, parent_context=None):
        from wagtail.models import Locale

        from .models import NewsIndexPage
        from .queries import decorate, live_articles, themes_by_key, with_card_data

        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        locale_id = getattr(page, "locale_id", None) or Locale.get_active().pk
        articles = with_card_data(live_articles().filter(locale_id=locale_id))[: value["count"]]
        context["articles"] = decorate(articles, themes_by_key(locale_id))
        context["news_index"] = (
            NewsIndexPage.objects.live().public().filter(locale_id=locale_id).first()
        )
        return context
