"""Pages that blocks link to, in the reader's language, found together.

A block stores the page an editor chose, often the French one; Wagtail's `page.localized`
then finds its translation with a query per link, each time it is read (an English home page
read the same button's target twice). Here the links of a block are looked up in one query,
and what was found is kept for the rest of the request.
"""

from wagtail.models import Locale, Page

from pagecache.requestmemo import remembered


def localized_pages(pages):
    """Wagtail's `page.localized` for each of `pages`: its live translation in the active
    language, else the page itself."""
    pages = list(pages)
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return pages
    found = remembered(("localized-pages", locale.pk), dict)  # page id -> page shown
    wanted = {
        page.translation_key: page
        for page in pages
        if page.locale_id != locale.pk and page.pk not in found
    }
    if wanted:
        for translation in Page.objects.filter(
            translation_key__in=list(wanted), locale=locale, live=True
        ):
            found[wanted[translation.translation_key].pk] = translation
        for page in wanted.values():
            found.setdefault(page.pk, page)
    return [page if page.locale_id == locale.pk else found[page.pk] for page in pages]
