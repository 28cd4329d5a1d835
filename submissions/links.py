"""The partner's private link: signed, expiring (PORTAL_SUBMISSION_LINK_DAYS, 60 by default)
and revocable by rotating the submission's nonce (see publicforms.links)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from publicforms.links import PrivateLink

from .proposals import Submission

PARTNER_LINK = PrivateLink(
    salt="submissions.private-link", days_setting="PORTAL_SUBMISSION_LINK_DAYS", default_days=60
)


def make_token(submission):
    return PARTNER_LINK.make_token(submission)


def read_token(token):
    """The submission the token opens, or publicforms.links.LinkError."""
    return PARTNER_LINK.read_token(token, Submission.objects)


def status_path(submission, language=None):
    with translation.override(language or submission.language):
        return reverse("submissions:status", kwargs={"token": make_token(submission)})


def status_url(submission, language=None):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + status_path(submission, language)
