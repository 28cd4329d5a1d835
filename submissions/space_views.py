"""The partner space: every proposal made from the signed-in address, and what the partner
can do with each (correct it, copy an event to a new date, withdraw a listing).

A proposal is looked up among the partner's own (`Partner.submissions`), so another partner's
is "not found" (404), never shown; without a session, every page leads to the sign-in page.
"""

import functools
from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from publicforms.defences import rate_limited, too_many_requests
from publicforms.private import private_page

from .choices import Kind
from .forms import EventForm
from .partner_links import session_partner
from .partner_services import partner_calendars, withdraw_submission
from .private_views import edit_form, initial_values
from .proposals import Submission
from .services import NoIndexPage, create_submission
from .views import RATE_GROUP, apply_model_errors


def partner_page(view):
    """A private page of the signed-in partner; the sign-in page for anyone else."""

    @private_page
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        partner = session_partner(request)
        if partner is None:
            return redirect("submissions:partner_request")
        request.partner = partner
        return view(request, *args, **kwargs)

    return wrapped


def own_submission(request, pk):
    return get_object_or_404(request.partner.submissions().select_related("page"), pk=pk)


def _row(request, submission):
    page = submission.page.specific if submission.page_id else None
    return {
        "submission": submission,
        "public_url": page.get_url(request) if page is not None and page.live else "",
        "can_edit": submission.open_to_partner,
        "can_copy": submission.kind == Kind.EVENT and page is not None,
        "can_withdraw": submission.open_to_partner,
    }


def _calendar(subscription):
    """What the partner sees of a calendar: where it is read from (the server's name only:
    the address itself may hold a private key) and how its last read went, in their words."""
    return {
        "organisation": subscription.organisation.title,
        "host": urlsplit(subscription.url).hostname or "",
        "subscription": subscription,
        "explanation": subscription.partner_explanation,
    }


@partner_page
def space(request):
    submissions = request.partner.submissions().select_related("page").order_by("-created")
    calendars = [_calendar(s) for s in partner_calendars(request.partner)]
    return render(
        request,
        "submissions/partner/space.html",
        {
            "partner": request.partner,
            "rows": [_row(request, s) for s in submissions],
            "calendars": calendars,
        },
    )


@partner_page
def edit(request, pk):
    submission = own_submission(request, pk)

    def done():
        messages.success(request, _("Thank you: your changes will be read by our team."))
        return redirect("submissions:partner_space")

    return edit_form(request, submission, done, back_url=reverse("submissions:partner_space"))


@partner_page
def copy_event(request, pk):
    source = own_submission(request, pk)
    if source.kind != Kind.EVENT or not source.page_id:
        raise Http404
    page = source.page.specific
    if request.method == "POST":
        if rate_limited(request, RATE_GROUP):
            return too_many_requests(request)
        form = EventForm(
            request.POST,
            request.FILES,
            locale=page.locale,
            editing=True,
            initial={"email": source.email},
        )
        if form.is_valid() and _store_copy(form, request, source, page):
            messages.success(request, _("Thank you: the new date will be read by our team."))
            return redirect("submissions:partner_space")
    else:
        # The new date is the partner's to choose: everything else comes from the event.
        initial = initial_values(source, start=None, end=None)
        form = EventForm(locale=page.locale, editing=True, initial=initial)
    return render(request, "submissions/partner/copy.html", {"form": form, "submission": source})


def _store_copy(form, request, source, page):
    """Store the copy as a new proposal; False (with the form's error) when it cannot be."""
    try:
        create_submission(
            Kind.EVENT, form, request, organisation=source.organisation, default_image=page.image
        )
    except IntegrityError:
        # The same form posted twice at once: the other request stored it.
        token = form.cleaned_data["idempotency_token"]
        return Submission.objects.filter(idempotency_token=token).exists()
    except ValidationError as error:
        apply_model_errors(form, error)
        return False
    except NoIndexPage:
        form.add_error(
            None, _("Proposals of this kind are closed for now. Please try again later.")
        )
        return False
    return True


@partner_page
def withdraw(request, pk):
    submission = own_submission(request, pk)
    if not submission.open_to_partner:
        raise Http404
    if request.method == "POST":
        withdraw_submission(submission)
        messages.success(
            request,
            _("“%(title)s” is withdrawn: it is no longer on the portal.")
            % {"title": submission.title},
        )
        return redirect("submissions:partner_space")
    return render(request, "submissions/partner/withdraw.html", {"submission": submission})
