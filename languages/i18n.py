"""Where each language's version of the current page lives, for the switcher and hreflang."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

from pagecache.fragments import cached_fragment

from .locales import locales_by_code


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


def translation_keys(related):
    """The translation keys of `related` objects (many-to-many links): a subquery for a saved
    page's links, so that their versions in another language come in one query, or a list for
    a preview's unsaved ones."""
    if isinstance(related, QuerySet):
        return related.values("translation_key")
    return [obj.translation_key for obj in related]


def x_default_link(links):
    """The version for readers whose language is not offered: the default language's when the
    page has one, else the first language that has this page (a partner's English-only page)."""
    return next((link for link in links if link.is_exact), None)


def _page_links(request, page):
    locales = locales_by_code()
    links = []
    for code, name in settings.LANGUAGES:
        if code not in locales:
            url, exact = translate_url(request.get_full_path(), code), True
        elif locales[code].pk == page.locale_id:
            url, exact = page.get_url(request), True
        else:
            url, exact = _nearest_translated_url(page, locales[code], request)
        links.append((code, name, url, exact))
    return links


def language_links(request, page=None):
    """One link per configured language, pointing at the same content where it exists.

    A saved page's links are cached (per site) until content changes: they depend on the
    titles, slugs and publication of the page, its ancestors and their translations. A
    preview (perhaps of a changed slug) is not cached.
    """
    current = translation.get_language()
    if page is None:
        return [
            LanguageLink(
                code, name, translate_url(request.get_full_path(), code), code == current, True
            )
            for code, name in settings.LANGUAGES
        ]
    if page.pk is None or getattr(request, "is_preview", False):
        links = _page_links(request, page)
    else:
        site = Site.find_for_request(request)
        links = cached_fragment(
            request,
            "language-links",
            [getattr(site, "pk", None), page.pk],
            lambda: _page_links(request, page),
        )
    return [
        LanguageLink(code, name, url, code == current, exact) for code, name, url, exact in links
    ]
