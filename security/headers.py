"""Security headers: Content-Security-Policy and Permissions-Policy on every response, and
the one relaxation of the frame policy, for the views partners may embed.

The public site runs with a strict policy (no inline script, no remote asset but map
tiles); the Wagtail admin needs inline scripts and styles, so its paths get a relaxed policy.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


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


def allow_partner_framing(response):
    """Let partners' sites frame this response (the embeddable directory and programme).

    X-Frame-Options is dropped and the site's Content-Security-Policy is kept whole except
    frame-ancestors, which lists PORTAL_EMBED_FRAME_ANCESTORS ("*" by default).
    """
    response.xframe_options_exempt = True
    ancestors = list(settings.PORTAL_EMBED_FRAME_ANCESTORS)
    if ancestors and "*" not in ancestors:
        ancestors.append("'self'")  # the embed builder's preview, on the portal itself
    response._csp_replace = {"frame-ancestors": ancestors or ["'none'"]}
    return response
