"""The partner space's links, each of its own kind (a salt and a nonce of its own), so that
none opens what another does: a sign-in link is no submission link, a session no sign-in.

- sign-in: sent by e-mail, valid PORTAL_PARTNER_SIGNIN_MINUTES (60) and once;
- session: the signed cookie of a signed-in partner, PORTAL_PARTNER_SESSION_HOURS (12);
- still right: the yearly reminder's confirmation, PORTAL_PARTNER_REMINDER_LINK_DAYS (90).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from publicforms.links import LinkError, PrivateLink

from .partners import Partner

SIGNIN_LINK = PrivateLink(
    salt="submissions.partner-signin",
    days_setting="PORTAL_PARTNER_SIGNIN_MINUTES",
    default_days=60,
    unit_seconds=60,
    nonce_field="signin_nonce",
)
SESSION = PrivateLink(
    salt="submissions.partner-session",
    days_setting="PORTAL_PARTNER_SESSION_HOURS",
    default_days=12,
    unit_seconds=3600,
    nonce_field="session_nonce",
)
STILL_RIGHT_LINK = PrivateLink(
    salt="submissions.partner-still-right",
    days_setting="PORTAL_PARTNER_REMINDER_LINK_DAYS",
    default_days=90,
    nonce_field="reminder_nonce",
)


def cookie_name():
    """The session cookie's name: with the `__Host-` prefix wherever cookies are HTTPS-only,
    so that browsers refuse it unless it is Secure, for this host alone and the whole site
    (no subdomain can plant or overwrite it). Plain HTTP development keeps a plain name,
    which browsers would otherwise drop."""
    return "__Host-partner_session" if settings.SESSION_COOKIE_SECURE else "partner_session"


def read(link, token):
    """The partner the token opens, or LinkError."""
    return link.read_token(token or "", Partner.objects)


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def signin_url(partner, language):
    with translation.override(language):
        path = reverse(
            "submissions:partner_signin", kwargs={"token": SIGNIN_LINK.make_token(partner)}
        )
    return absolute(path)


def still_right_url(partner, language):
    with translation.override(language):
        token = STILL_RIGHT_LINK.make_token(partner)
        path = reverse("submissions:partner_still_right", kwargs={"token": token})
    return absolute(path)


def space_request_url(language):
    with translation.override(language):
        return absolute(reverse("submissions:partner_request"))


def session_partner(request):
    """The signed-in partner, or None (no cookie, expired, or signed out since)."""
    try:
        return read(SESSION, request.COOKIES.get(cookie_name()))
    except LinkError:
        return None


def start_session(response, partner):
    response.set_cookie(
        cookie_name(),
        SESSION.make_token(partner),
        max_age=SESSION.max_age(),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def end_session(response):
    response.delete_cookie(cookie_name(), samesite="Lax")  # Secure, as the prefix requires
    return response
