"""Audience figures without cookies, from the association's own Matomo or Plausible.

Off unless PORTAL_AUDIENCE_TOOL names one. The portal loads no script from the statistics
server: its own small script (static/js/audience.js) sends one request per page view to
the tracking API, without cookies, identifiers or credentials, and the Content-Security-Policy
allows that one server (portal/settings/base.py). Configured this way (and with the server's
IP anonymisation on), the measurement is exempt from consent under the CNIL's guidance.
"""

from django.conf import settings

ENDPOINTS = {"matomo": "/matomo.php", "plausible": "/api/event"}


def tracker_config():
    """{"tool", "endpoint", "site"} for the page's script, or None when statistics are off."""
    tool = getattr(settings, "PORTAL_AUDIENCE_TOOL", "")
    url = getattr(settings, "PORTAL_AUDIENCE_URL", "").rstrip("/")
    site = getattr(settings, "PORTAL_AUDIENCE_SITE_ID", "")
    if tool not in ENDPOINTS or not url or not site:
        return None
    return {"tool": tool, "endpoint": url + ENDPOINTS[tool], "site": site}
