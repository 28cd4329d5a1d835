"""The Jinja2 environment of the templates that draw many rows (the programme's agenda).

Django's template language resolves every variable through several lookups and every filter
through a function call; on a page of thirty dated events that was most of its rendering time
(issue 17). Jinja2 compiles a template to Python, so those rows draw several times faster. The
rest of the site stays in Django templates; a Jinja2 template is rendered into one of them by
a template tag. Translations are Django's (`_()` is `gettext`, which `makemessages` reads as it
reads `{{ _("...") }}` in Django templates), and the filters below are Django's own, so a row
reads the same in either engine.
"""

from django.template import defaultfilters
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, ngettext, npgettext, pgettext
from jinja2 import Environment


def _date(value, format_string=None):
    """Django's `date` filter, in the current time zone as Django templates convert it. (A
    format that does not depend on the language is quicker as `(value|localtime).strftime()`.)"""
    return defaultfilters.date(template_localtime(value), format_string)


def environment(**options):
    options.pop("autoescape", None)  # Django's backend asks for it too; always, whatever is set
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(
        gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
    )
    env.filters.update(
        date=_date,
        localtime=template_localtime,
        capfirst=defaultfilters.capfirst,
        truncatewords=defaultfilters.truncatewords,
    )
    return env
