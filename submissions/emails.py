"""E-mails about submissions: rendered in the recipient's language, then stored in the outbox.

Rendering and storing happen inside the caller's transaction; the sending waits for the
commit, so a rolled-back submission sends nothing and a dead mail server loses nothing.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from outbox.tasks import queue_email
from publicforms.richtext import plain_text

from .links import status_url


def _queue(recipients, template, context, *, language, submission):
    recipients = [r for r in recipients if r]
    if not recipients:
        return None
    with translation.override(language):
        subject = " ".join(
            render_to_string(f"submissions/email/{template}_subject.txt", context).split()
        )
        body = render_to_string(f"submissions/email/{template}.txt", context)
        html_body = render_to_string(f"submissions/email/{template}.html", context)
    return queue_email(recipients, subject, body, html_body, about=submission)


def _context(submission, **extra):
    return {
        "submission": submission,
        "title_text": plain_text(submission.title),
        "comment_text": plain_text(submission.moderator_comment),
        "status_url": status_url(submission),
        "site_name": settings.WAGTAIL_SITE_NAME,
        **extra,
    }


def notify_partner(submission, template, **extra):
    """`template` is one of received, changes, published, declined, updated."""
    return _queue(
        [submission.email],
        f"partner_{template}",
        _context(submission, **extra),
        language=submission.language,
        submission=submission,
    )


def notify_staff(submission, template="staff_new"):
    """`template` is staff_new (a proposal or a correction to read) or staff_withdrawn."""
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_submissions_submission:edit", args=[submission.pk]
    )
    context = _context(submission, admin_url=admin_url)
    context.pop("status_url")  # the partner's private link stays the partner's
    return _queue(
        list(getattr(settings, "PORTAL_STAFF_EMAILS", [])),
        template,
        context,
        language=settings.LANGUAGE_CODE,
        submission=submission,
    )


def notify_partner_space(partner, template, language, **context):
    """An e-mail about the partner space (sign-in link, reminder), stored with the partner."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "partner": partner, **context}
    return _queue([partner.email], template, context, language=language, submission=partner)
