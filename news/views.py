"""The news index: articles of the reader's language, newest first, filterable by theme."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from directory.models import Theme

from .articles import ArticlePage
from .queries import decorate, live_articles, with_card_data

PER_PAGE = 10


def news_listing(index, request):
    themes = list(Theme.objects.filter(locale_id=index.locale_id).order_by("name"))
    by_slug = {theme.slug: theme for theme in themes}
    by_key = {theme.translation_key: theme for theme in themes}
    articles = live_articles().child_of(index)
    # Only the themes some article uses are offered; an unknown slug is ignored.
    used = set(
        ArticlePage.objects.child_of(index)
        .live()
        .public()
        .values_list("themes__translation_key", flat=True)
    ) - {None}
    selected = by_slug.get(request.GET.get("theme", ""))
    if selected is not None:
        articles = articles.filter(themes__translation_key=selected.translation_key).distinct()
    paginator = Paginator(with_card_data(articles), PER_PAGE)
    # Non-numbers give the first page, numbers past the end the last: never an error.
    page_obj = paginator.get_page(request.GET.get("page"))
    theme_params = {"theme": selected.slug} if selected else {}
    context = {
        "articles": decorate(page_obj.object_list, by_key),
        "page_obj": page_obj,
        "paginator": paginator,
        "selected_theme": selected,
        "theme_options": [
            {
                "slug": theme.slug,
                "name": theme.name,
                "selected": theme is selected,
                "url": "?" + urlencode({"theme": theme.slug}),
            }
            for theme in themes
            if theme.translation_key in used
        ],
        "page_query_prefix": "?" + urlencode(theme_params) + "&" if theme_params else "?",
        "feed_url": index.feed_url(request),
    }
    if page_obj.number > 1:
        context["page_title_suffix"] = _("page %(number)s") % {"number": page_obj.number}
    return index.render(request, context_overrides=context)
