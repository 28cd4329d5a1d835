from django import template

from ..tracker import tracker_config

register = template.Library()


@register.inclusion_tag("audience/tracker.html")
def audience_tracker():
    """The page-view script, when audience figures are on (nothing otherwise)."""
    return {"tracker": tracker_config()}
