"""Project middleware: security headers (Content-Security-Policy, Permissions-Policy)
and a locale middleware that lets responses outside the language prefix keep their path.

The public site runs with a strict policy (no inline script, no remote asset but map
tiles); the Wagtail admin needs inline scripts and styles, so its paths get a relaxed policy.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if parts.config is None and request.path.startswith(f"/{settings.PORTAL_ADMIN_PATH}"):
            return PolicyParts(
                settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                parts.update,
                parts.replace,
                parts.nonce,
            )
        return parts


class PermissionsPolicyMiddleware:
    """Turn off browser features the portal never uses; keep geolocation for "near me"."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a response may opt out of the 404 -> /<lang>/... redirect.

    Wagtail's catch-all page route makes every prefixed path look valid, so Django would turn
    any 404 outside the language prefix (an API's "no such entry") into a redirect to a page
    that does not exist either. Views outside the prefix set `response.keep_path = True`.
    """

    def process_response(self, request, response):
        if getattr(response, "keep_path", False):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


def allow_partner_framing(response):
    """Let partners' sites frame this response (the embeddable directory and programme).

    X-Frame-Options is dropped and the site's Content-Security-Policy is kept whole except
    frame-ancestors, which lists PORTAL_EMBED_FRAME_ANCESTORS ("*" by default).
    """
    response.xframe_options_exempt = True
    response._csp_replace = {"frame-ancestors": list(settings.PORTAL_EMBED_FRAME_ANCESTORS)}
    if not settings.PORTAL_EMBED_FRAME_ANCESTORS:
        response._csp_replace["frame-ancestors"] = ["'none'"]
    return response
