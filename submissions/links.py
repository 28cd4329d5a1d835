"""The partner's private link: signed, expiring and revocable.

The token signs "<submission id>.<nonce>" with a salt of its own. It expires after
PORTAL_SUBMISSION_LINK_DAYS (60 by default); rotating the submission's nonce revokes every
link sent before.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import Submission

SALT = "submissions.private-link"


class LinkError(Exception):
    """The link cannot be used; `reason` is "expired", "invalid" or "revoked"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def max_age():
    return getattr(settings, "PORTAL_SUBMISSION_LINK_DAYS", 60) * 24 * 3600


def make_token(submission):
    return signing.TimestampSigner(salt=SALT).sign(f"{submission.pk}.{submission.link_nonce}")


def read_token(token):
    """The submission the token opens, or LinkError."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age())
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    pk, _sep, nonce = value.partition(".")
    submission = Submission.objects.filter(pk=pk).first() if pk.isdigit() else None
    if submission is None:
        raise LinkError("invalid")
    if submission.link_nonce != nonce:
        raise LinkError("revoked")
    return submission


def status_path(submission, language=None):
    from django.utils import translation

    with translation.override(language or submission.language):
        return reverse("submissions:status", kwargs={"token": make_token(submission)})


def status_url(submission, language=None):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + status_path(submission, language)
