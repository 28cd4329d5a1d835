from django import template
from django.utils import translation
from wagtail.models import Locale, Site

from pagecache.fragments import cached_fragment

from ..pages import SubmissionIndexPage

register = template.Library()


@register.inclusion_tag("submissions/_propose_link.html", takes_context=True)
def propose_link(context, kind=""):
    """A link to the proposal forms in the reader's language (nothing if there are none),
    cached with the site furniture until content changes."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None

    def build():
        index = SubmissionIndexPage.objects.live().filter(locale=Locale.get_active()).first()
        if index is None:
            return ""
        return index.get_url(request) + (index.reverse_subpage(kind) if kind else "")

    key = [getattr(site, "pk", None), translation.get_language(), kind]
    return {"url": cached_fragment(request, "propose-link", key, build), "kind": kind}
