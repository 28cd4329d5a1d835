"""The language-neutral embed addresses: /embed/directory/ and /embed/programme/ send each
reader to the widget in their own language (from the browser's Accept-Language), with the
filters rewritten for it."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import Locale

from security.headers import allow_partner_framing

from .widgets import WIDGETS, embed_path, index_page, localise_params


def _not_found(request):
    response = render(request, "404.html", status=404)
    response.keep_path = True  # no /<lang>/ page to look for instead
    return response


def reader_language_embed(request, widget):
    language = translation.get_language_from_request(request, check_path=False)
    if widget not in WIDGETS:
        return _not_found(request)
    locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
    page = index_page(widget, locale)
    if page is None:
        return _not_found(request)
    params = localise_params(widget, request.GET, page.locale)
    query = params.urlencode()
    with translation.override(page.locale.language_code):
        target = embed_path(widget, page) + (f"?{query}" if query else "")
    response = HttpResponseRedirect(target)
    patch_vary_headers(response, ["Accept-Language"])
    response["Cache-Control"] = "private, max-age=0"
    response.keep_path = True  # outside the language prefix on purpose (languages.middleware)
    return allow_partner_framing(response)
