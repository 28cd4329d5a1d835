"""E-mails about registrations, sent in the background once the registration is saved."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task
from wagtail.models import Locale

from .registrations import Registration

KINDS = ("confirmed", "waiting", "promoted")


def _subject(kind, title):
    subjects = {
        "confirmed": gettext("Your place is confirmed: %(title)s"),
        "waiting": gettext("You are on the waiting list: %(title)s"),
        "promoted": gettext("A place is free for you: %(title)s"),
    }
    return subjects[kind] % {"title": title}


@task()
def send_registration_email(registration_id, kind):
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or kind not in KINDS:
        return
    event = registration.event
    locale = Locale.objects.filter(language_code=registration.language).first()
    page = (event.get_translation_or_none(locale) if locale else None) or event
    page = page.specific
    manage_url = page.get_full_url() + page.reverse_subpage(
        "registration", args=(registration.cancel_token(),)
    )
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": page,
            "kind": kind,
            "manage_url": manage_url,
        }
        body = render_to_string("programme/emails/registration.txt", context)
        subject = _subject(kind, page.title)
    send_mail(subject, body, None, [registration.email])
