"""E-mails about hire requests, written and sent in the background once the request is saved.

Each e-mail is rendered in its reader's language and stored in the outbox, then delivered by
the same task as partner e-mails: a failed attempt is recorded and retried, and
`manage.py send_submission_emails` sends whatever is still waiting.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from outbox.models import OutgoingEmail
from outbox.tasks import deliver_email

from .hires import RoomRequest
from .links import status_url

KINDS = ("received", "staff_new", "confirmed", "declined")


def render_email(hire, kind):
    """(recipients, subject, body) of the e-mail `kind` about `hire`."""
    if kind == "staff_new":
        recipients = list(getattr(settings, "PORTAL_STAFF_EMAILS", []))
        language = settings.LANGUAGE_CODE
    else:
        recipients = [hire.email]
        language = hire.language
    context = {
        "hire": hire,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "status_url": status_url(hire) if kind != "staff_new" else "",
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailsnippets_rooms_roomrequest:inspect", args=[hire.pk]),
    }
    with translation.override(language):
        context["room_name"] = str(hire.room.localized) if hire.room_id else ""
        subject = " ".join(render_to_string(f"rooms/email/{kind}_subject.txt", context).split())
        body = render_to_string(f"rooms/email/{kind}.txt", context)
    return [r for r in recipients if r], subject[:300], body


@task()
def send_request_email(request_id, kind):
    hire = RoomRequest.objects.select_related("room").filter(pk=request_id).first()
    if hire is None or kind not in KINDS:
        return
    recipients, subject, body = render_email(hire, kind)
    if not recipients:
        return
    email = OutgoingEmail.objects.create(
        recipients=recipients, subject=subject, body=body, about=hire
    )
    deliver_email.call(email.pk)
