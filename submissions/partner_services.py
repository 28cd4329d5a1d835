"""What the partner space does: send a sign-in link, sign in, withdraw a listing.

Everything a partner asks for is stored (the partner row, the e-mail in the outbox) in one
transaction before anything is sent.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from directory.models import StaleHiding
from programme.models import CalendarSubscription
from publicforms.links import LinkError

from .choices import Kind, Status
from .emails import notify_partner_space, notify_staff
from .partner_links import SIGNIN_LINK, read, signin_url
from .partners import Partner, is_known
from .proposals import Submission


@transaction.atomic
def request_signin(email, language):
    """E-mail a sign-in link if anything was proposed from `email`; say nothing otherwise
    (the caller answers the same either way). Returns the stored e-mail, or None."""
    if not is_known(email):
        return None
    partner = Partner.for_email(email)
    minutes = getattr(settings, SIGNIN_LINK.days_setting, SIGNIN_LINK.default_days)
    return notify_partner_space(
        partner,
        "partner_signin",
        language,
        signin_url=signin_url(partner, language),
        minutes=minutes,
    )


@transaction.atomic
def sign_in(token):
    """The partner the sign-in link opens, or LinkError; the link then stops working."""
    opened = read(SIGNIN_LINK, token)
    partner = Partner.objects.select_for_update().get(pk=opened.pk)
    if partner.signin_nonce != opened.signin_nonce:  # used by a request just before this one
        raise LinkError("revoked")
    partner.rotate("signin_nonce")
    partner.last_signed_in = timezone.now()
    partner.save(update_fields=["last_signed_in"])
    return partner


def sign_out(partner):
    """End every session of this partner (the signed cookies carry the old nonce)."""
    partner.rotate("session_nonce")


@transaction.atomic
def withdraw_submission(submission):
    """Take the listing off the portal (every language), stop its moderation, mark the
    proposal withdrawn, log it on the page's history and tell the editors."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    page = submission.page.specific
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=None)
    versions = type(page).objects.filter(translation_key=page.translation_key)
    for version in versions:
        if version.live:
            version.unpublish(log_action=True)
        log(instance=version, action="submissions.withdrawn")
    # A listing hidden as out of date would otherwise come back with a "still right" click.
    StaleHiding.objects.filter(page__in=versions).delete()
    # After the unpublishing, whose signal would set the status back to "pending".
    submission.status = Status.WITHDRAWN
    submission.save(update_fields=["status", "updated"])
    notify_staff(submission, "staff_withdrawn")
    return submission


def partner_calendars(partner):
    """The active calendar subscriptions of the organisations this partner speaks for: the
    organisations they proposed (unless declined or withdrawn) and those named by the
    private links they proposed events through. In any language of the organisation."""
    proposals = partner.submissions()
    own = proposals.filter(kind=Kind.ORGANISATION, page__isnull=False).exclude(
        status__in=(Status.DECLINED, Status.WITHDRAWN)
    )
    page_ids = set(own.values_list("page_id", flat=True))
    page_ids |= set(
        proposals.filter(organisation__isnull=False).values_list("organisation_id", flat=True)
    )
    keys = Page.objects.filter(pk__in=page_ids).values_list("translation_key", flat=True)
    return (
        CalendarSubscription.objects.filter(active=True, organisation__translation_key__in=keys)
        .select_related("organisation")
        .order_by("url")
    )
