"""Signing in to the partner space without a password: the request for a link, the link
itself, signing out, and the yearly reminder's "still right" confirmation.

The request page answers the same whatever the address (known or not, limited or not), so
that nobody learns from it who our partners are. A link opened from an e-mail shows a button
rather than acting at once: mail filters open links, and would use up a single-use link or
confirm listings nobody read.
"""

from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from directory.freshness import confirm
from privacy.notices import why_and_how_long
from publicforms.defences import (
    SpamDefenceForm,
    rate_limited,
    rate_limited_value,
    too_many_requests,
)
from publicforms.links import LinkError
from publicforms.private import private_page

from .partner_links import (
    SIGNIN_LINK,
    STILL_RIGHT_LINK,
    end_session,
    read,
    session_partner,
    start_session,
)
from .partner_services import sign_in, sign_out
from .partners import normalise
from .reminders import listings_of
from .tasks import send_signin_link

RATE_GROUP = "partner-signin"


class SignInRequestForm(SpamDefenceForm):
    email = forms.EmailField(
        label=_("The e-mail address you made your proposals with"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=why_and_how_long("partner_accounts"),
    )


def link_error(request, error):
    return render(
        request, "submissions/partner/link_error.html", {"reason": error.reason}, status=403
    )


@private_page
def request_link(request):
    if request.method == "POST":
        if rate_limited(request, RATE_GROUP, settings.PORTAL_PARTNER_SIGNIN_RATE):
            return too_many_requests(request)
        form = SignInRequestForm(request.POST)
        if form.is_valid():
            email = normalise(form.cleaned_data["email"])
            rate = settings.PORTAL_PARTNER_SIGNIN_ADDRESS_RATE
            # Past the limit for this address, nothing is sent, and nothing is said either.
            if not rate_limited_value(request, f"{RATE_GROUP}-address", email, rate):
                send_signin_link.enqueue(email, get_language())
            return redirect("submissions:partner_sent")
    else:
        form = SignInRequestForm()
    return render(
        request,
        "submissions/partner/request.html",
        {"form": form, "partner": session_partner(request)},
    )


@private_page
def sent(request):
    return render(request, "submissions/partner/sent.html")


@private_page
def signin(request, token):
    if request.method == "POST":
        try:
            partner = sign_in(token)
        except LinkError as error:
            return link_error(request, error)
        return start_session(redirect("submissions:partner_space"), partner)
    try:
        partner = read(SIGNIN_LINK, token)
    except LinkError as error:
        return link_error(request, error)
    return render(request, "submissions/partner/signin.html", {"partner": partner})


@private_page
@require_POST
def signout(request):
    partner = session_partner(request)
    if partner is not None:
        sign_out(partner)
    return end_session(redirect("submissions:partner_request"))


@private_page
def still_right(request, token):
    try:
        partner = read(STILL_RIGHT_LINK, token)
    except LinkError as error:
        return link_error(request, error)
    listings = listings_of(partner)
    confirmed = False
    if request.method == "POST":
        confirm(listings)
        confirmed = True
    return render(
        request,
        "submissions/partner/still_right.html",
        {"partner": partner, "listings": listings, "confirmed": confirmed},
    )
