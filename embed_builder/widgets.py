"""The two embeddable widgets (directory, programme): where they live in each language and
how their filters carry over from one language to another.

Most filter values are the same in every language (codes such as `association`); a few name
translated things: a directory theme by its slug in that language, a festival by the page id
of its translation. `localise_params` rewrites those for the target language, so one embed
address can follow the reader's language.
"""

from urllib.parse import urlencode

from django.core.validators import slug_unicode_re
from django.http import QueryDict

from directory.models import DirectoryIndexPage, Theme
from programme.models import FestivalPage, ProgrammePage

WIDGETS = ("directory", "programme")


def index_page(widget, locale):
    """The live directory or programme page in `locale`, else in any language."""
    model = DirectoryIndexPage if widget == "directory" else ProgrammePage
    pages = model.objects.live().public().order_by("path")
    return pages.filter(locale=locale).first() or pages.first()


def embed_path(widget, page):
    """The path of `page`'s embeddable view."""
    return page.url + page.reverse_subpage("embed")


def _theme_slug(slug, locale):
    if not slug_unicode_re.fullmatch(slug):  # no theme has it (and PostgreSQL refuses NUL)
        return slug
    themes = list(Theme.objects.filter(slug=slug))
    if not themes or any(theme.locale_id == locale.pk for theme in themes):
        return slug
    translated = themes[0].get_translation_or_none(locale)
    return translated.slug if translated is not None else slug


def _festival_id(value, locale):
    if not value.isdigit() or len(value) > 18:  # not a page id (and beyond the database's)
        return value
    festival = FestivalPage.objects.filter(pk=value).first()
    translated = festival.get_translation_or_none(locale) if festival is not None else None
    return str(translated.pk) if translated is not None else value


def localise_params(widget, params, locale):
    """A copy of the QueryDict `params` with language-bound values rewritten for `locale`."""
    params = params.copy() if isinstance(params, QueryDict) else QueryDict(mutable=True)
    if widget == "directory" and params.get("theme"):
        params.setlist(
            "theme", [_theme_slug(slug[:100], locale) for slug in params.getlist("theme")]
        )
    if widget == "programme" and params.get("festival"):
        params["festival"] = _festival_id(params["festival"][:20], locale)
    return params


def query_string(params):
    """`params` (a dict of values or lists) as a query string, empty values left out."""
    pairs = []
    for name, value in params.items():
        values = value if isinstance(value, list) else [value]
        pairs += [(name, item) for item in values if item not in (None, "", False)]
    return urlencode(pairs)
