from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Warning, register

from .tracker import ENDPOINTS


@register()
def audience_settings(app_configs, **kwargs):
    tool = getattr(settings, "PORTAL_AUDIENCE_TOOL", "")
    if not tool:
        return []
    problems = []
    if tool not in ENDPOINTS:
        problems.append(
            Error(
                f"PORTAL_AUDIENCE_TOOL must be one of {', '.join(ENDPOINTS)} or empty.",
                id="audience.E001",
            )
        )
    url = urlsplit(getattr(settings, "PORTAL_AUDIENCE_URL", ""))
    if not url.netloc:
        problems.append(
            Error(
                "PORTAL_AUDIENCE_URL must be the statistics server's address.", id="audience.E002"
            )
        )
    elif url.scheme != "https" and not settings.DEBUG:
        problems.append(Warning("PORTAL_AUDIENCE_URL should use https.", id="audience.W001"))
    if not getattr(settings, "PORTAL_AUDIENCE_SITE_ID", ""):
        problems.append(
            Error(
                "PORTAL_AUDIENCE_SITE_ID must be the Matomo site id or the Plausible domain.",
                id="audience.E003",
            )
        )
    return problems
