from django import template

from privacy import notices

register = template.Library()


@register.simple_tag
def why_and_how_long(key):
    """Why data of kind `key` is kept and for how long, for a form's notice."""
    return notices.why_and_how_long(key)


@register.simple_tag
def retention(key):
    """How long data of kind `key` is kept."""
    return notices.retention(key)
