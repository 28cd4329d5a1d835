"""Where each language's version of the current page lives, for the switcher and hreflang."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    # False when the page has no version in that language and the link leads to the
    # nearest ancestor that has one.
    is_exact: bool


def _nearest_translated_url(page, locale, request):
    """The page in `locale`, else its nearest live ancestor in `locale`, with a flag."""
    translations = {
        p.translation_key: p
        for p in Page.objects.live()
        .filter(
            locale=locale,
            translation_key__in=[a.translation_key for a in page.get_ancestors(inclusive=True)],
        )
        .only("id", "path", "url_path", "translation_key", "locale_id", "depth")
    }
    if page.translation_key in translations:
        return translations[page.translation_key].get_url(request), True
    for ancestor in reversed(page.get_ancestors()):
        if ancestor.translation_key in translations:
            return translations[ancestor.translation_key].get_url(request), False
    return f"/{locale.language_code}/", False


def x_default_link(links):
    """The version for readers whose language is not offered: the default language's when the
    page has one, else the first language that has this page (a partner's English-only page)."""
    return next((link for link in links if link.is_exact), None)


def language_links(request, page=None):
    """One link per configured language, pointing at the same content where it exists."""
    current = translation.get_language()
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None and code in locales:
            if code == page.locale.language_code:
                url, exact = page.get_url(request), True
            else:
                url, exact = _nearest_translated_url(page, locales[code], request)
        else:
            url, exact = translate_url(request.get_full_path(), code), True
        links.append(LanguageLink(code, name, url, code == current, exact))
    return links
