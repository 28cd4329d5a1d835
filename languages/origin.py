"""The portal's one public origin (scheme, host, port), from the PORTAL_BASE_URL setting.

JSON-LD, feeds, sitemaps, e-mails and canonical links must name the same origin whatever host a
request came in by. Page URLs come from Wagtail's Site record (`get_full_url`): the demo loader
and `make run` set it from the setting, and a system check warns when the two disagree. Files
(images, logos) and other paths are made absolute here, from the setting, not from the request.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


def origin():
    """`https://example.org` (no trailing slash)."""
    parts = urlsplit(settings.PORTAL_BASE_URL)
    return f"{parts.scheme}://{parts.netloc}"


def absolute_url(path_or_url):
    """A path made absolute on the portal's origin; an absolute URL is returned as it is."""
    if not path_or_url or urlsplit(path_or_url).scheme:
        return path_or_url
    return origin() + "/" + path_or_url.lstrip("/")


def site_address():
    """(hostname, port) of a Wagtail Site record whose root_url is the origin."""
    parts = urlsplit(settings.PORTAL_BASE_URL)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname, parts.port or default_port


# A database check: `migrate` (run by `make run`) shows it, `check` without --database does not.
@checks.register(checks.Tags.database)
def check_default_site(app_configs=None, **kwargs):
    from django.db import DatabaseError
    from wagtail.models import Site

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # before the first migration
        return []
    if site is None or site.root_url == origin():
        return []
    return [
        checks.Warning(
            f"The default Site record gives {site.root_url}, PORTAL_BASE_URL {origin()}: "
            "page addresses in feeds, sitemaps and JSON-LD would mix the two.",
            hint="Run `manage.py load_demo` or set the Site's hostname and port in the admin.",
            id="languages.W001",
        )
    ]
