"""Server error pages: a database that is down or restarting is a 503, not a 500."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseServerError
from django.template import loader
from django.views.defaults import server_error as default_server_error

# Seconds a reader or a proxy should wait before retrying while the database comes back.
RETRY_AFTER = 30


def server_error(request, template_name="500.html"):
    """Django's 500 view, except when the error is the database being unreachable: then the
    reader gets the bilingual "back in a moment" page with 503 and Retry-After, so proxies and
    monitoring see an outage rather than a bug. Rendered without a request context, as the
    500 page is, since the database cannot be asked for anything."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        response = HttpResponseServerError(loader.get_template("503.html").render())
        response.status_code = 503
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    return default_server_error(request, template_name)
