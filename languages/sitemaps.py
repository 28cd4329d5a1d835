"""The sitemap lists every live page of every language, with its hreflang alternates.

Like the pages' own <link rel="alternate">, the alternates name an x-default: the version in
the first configured language that has one (French, unless the page was written in English).
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalisedSitemap(Sitemap):
    def items(self):
        # Wagtail's own sitemap walks the site root only, i.e. the default language's tree.
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        for other in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={item.translation_key for item in items})
            .select_related("locale")
        ):
            translations[other.translation_key].append(other)
        urls = []
        for item in items:
            versions = sorted(
                translations[item.translation_key],
                key=lambda version: _language_order(version.locale.language_code),
            )
            for url_info in item.get_sitemap_urls(self.request):
                if len(versions) > 1:
                    url_info["alternates"] = [
                        {
                            "lang_code": version.locale.language_code,
                            "location": version.get_full_url(self.request),
                        }
                        for version in versions
                    ]
                    url_info["alternates"].append(
                        {
                            "lang_code": "x-default",
                            "location": versions[0].get_full_url(self.request),
                        }
                    )
                urls.append(url_info)
        lastmods = [url.get("lastmod") for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def _language_order(code):
    codes = [language for language, _name in settings.LANGUAGES]
    return codes.index(code) if code in codes else len(codes)


def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": LocalisedSitemap(request)})
