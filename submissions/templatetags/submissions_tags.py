from django import template
from wagtail.models import Locale

from ..models import SubmissionIndexPage

register = template.Library()


@register.inclusion_tag("submissions/_propose_link.html", takes_context=True)
def propose_link(context, kind=""):
    """A link to the proposal forms in the reader's language (nothing if there are none)."""
    index = SubmissionIndexPage.objects.live().filter(locale=Locale.get_active()).first()
    url = ""
    if index is not None:
        url = index.get_url(context.get("request"))
        if kind:
            url += index.reverse_subpage(kind)
    return {"url": url, "kind": kind}
