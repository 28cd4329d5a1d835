"""The yearly reminder: each partner whose organisations or places were neither confirmed nor
published for PORTAL_FRESHNESS_REMINDER_DAYS (365) is asked whether they are still right,
with a one-click confirmation and a link to their space.

A partner is reminded at most once in that period: the time is stored on the partner row in
the transaction that stores the e-mail, so a second run (or a second worker) finds it.
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from directory.freshness import confirmed_before
from directory.models import OrganisationPage, PlacePage, StaleHiding

from .choices import Kind, Status
from .emails import notify_partner_space
from .partner_links import space_request_url, still_right_url
from .partners import Partner
from .proposals import Submission

LISTING_KINDS = (Kind.ORGANISATION, Kind.PLACE)
LISTING_MODELS = (OrganisationPage, PlacePage)
# A listing its partner withdrew, or the editors declined, is not the partner's to confirm:
# the "still right" link must not bring it back.
CLOSED = (Status.WITHDRAWN, Status.DECLINED)

logger = logging.getLogger(__name__)


def _listing_page_ids(partner):
    return (
        partner.submissions()
        .filter(kind__in=LISTING_KINDS)
        .exclude(status__in=CLOSED)
        .values("page_id")
    )


def reminder_days():
    return getattr(settings, "PORTAL_FRESHNESS_REMINDER_DAYS", 365)


def listings_of(partner, include_hidden=True):
    """The partner's organisations and places on the portal (and those hidden as out of date,
    which a confirmation brings back)."""
    page_ids = _listing_page_ids(partner)
    hidden = set(StaleHiding.objects.values_list("page_id", flat=True)) if include_hidden else set()
    pages = []
    for model in LISTING_MODELS:
        for page in model.objects.filter(pk__in=page_ids).order_by("title"):
            if page.live or page.pk in hidden:
                pages.append(page)
    return pages


def listings_to_confirm(partner, day):
    """The partner's live listings neither confirmed nor published since `day`."""
    page_ids = _listing_page_ids(partner)
    pages = []
    for model in LISTING_MODELS:
        pages += list(confirmed_before(model.objects.live().filter(pk__in=page_ids), day))
    return pages


def _language_of(partner):
    latest = partner.submissions().order_by("-created").first()
    return latest.language if latest else settings.LANGUAGE_CODE


def remind(email, now):
    """Remind one partner if due; True when an e-mail was stored."""
    period = dt.timedelta(days=reminder_days())
    with transaction.atomic():
        partner = Partner.objects.select_for_update().get(pk=Partner.for_email(email).pk)
        if partner.last_reminded is not None and partner.last_reminded > now - period:
            return False
        listings = listings_to_confirm(partner, timezone.localdate(now - period))
        if not listings:
            return False
        partner.rotate("reminder_nonce")  # only the latest reminder's link confirms
        partner.last_reminded = now
        partner.save(update_fields=["last_reminded"])
        language = _language_of(partner)
        notify_partner_space(
            partner,
            "partner_reminder",
            language,
            listings=listings,
            still_right_url=still_right_url(partner, language),
            space_url=space_request_url(language),
        )
    return True


def send_reminders(now=None):
    """Remind every partner who is due; returns how many were e-mailed."""
    now = now or timezone.now()
    emails = (
        Submission.objects.filter(kind__in=LISTING_KINDS, page__live=True)
        .annotate(address=Lower("email"))
        .values_list("address", flat=True)
        .distinct()
    )
    sent = 0
    for email in sorted(set(emails)):
        try:
            sent += remind(email.strip(), now)
        except Exception:  # one partner's failure must not stop everyone's reminder
            logger.exception("Partner reminder failed for one address")
    return sent
