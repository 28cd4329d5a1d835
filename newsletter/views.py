"""Sign-up (footer, block or the newsletter page), the confirmation link and the one-click
unsubscribe link. Bad, used or expired links get a page that says so, never an error."""

from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from publicforms.defences import rate_limited, too_many_requests

from . import services
from .forms import SubscribeForm
from .subscribers import SubscriberStatus
from .tokens import LinkError, read_confirm_token, read_unsubscribe_token

RATE_GROUP = "newsletter"
MAX_TOKEN_LENGTH = 300


def _private(response):
    # Links carry a token: never cached, never indexed, never sent on as a referrer.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "same-origin"
    return response


# The footer's form is on every page, and pages are cached for anonymous readers: it carries
# no CSRF token. Nothing is at stake: a forged sign-up only sends a confirmation request
# (rate-limited per connection and per address) that its owner may ignore.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request):
    if request.method == "POST":
        if rate_limited(request, RATE_GROUP):
            return too_many_requests(request)
        form = SubscribeForm(request.POST)
        if form.is_valid():
            services.subscribe(
                form.cleaned_data["email"], get_language(), form.cleaned_data["source"]
            )
            return redirect("newsletter:sent")
        return _private(render(request, "newsletter/signup.html", {"form": form}, status=400))
    return render(request, "newsletter/signup.html", {"form": SubscribeForm()})


def sent(request):
    return render(request, "newsletter/sent.html")


def _link_error(request, reason, status):
    context = {"reason": reason, "form": SubscribeForm()}
    return _private(render(request, "newsletter/link_error.html", context, status=status))


@csrf_exempt  # the signed token in the address is the credential
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    if len(token) > MAX_TOKEN_LENGTH:
        return _link_error(request, "invalid", 400)
    try:
        subscriber, fresh = read_confirm_token(token)
    except LinkError as error:
        return _link_error(request, error.reason, 410 if error.reason == "expired" else 400)
    if not fresh:
        if subscriber.status == SubscriberStatus.CONFIRMED:
            return _private(render(request, "newsletter/confirmed.html", {"already": True}))
        return _link_error(request, "used", 410)
    if request.method == "POST":
        services.confirm(subscriber)
        return _private(render(request, "newsletter/confirmed.html", {"already": False}))
    # Following the link only shows a button: mail scanners that open links confirm nothing.
    return _private(render(request, "newsletter/confirm.html", {"subscriber": subscriber}))


@csrf_exempt  # RFC 8058: mail programs post here without any token but the address's
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    if len(token) > MAX_TOKEN_LENGTH:
        return _link_error(request, "invalid", 400)
    try:
        subscriber = read_unsubscribe_token(token)
    except LinkError as error:
        return _link_error(request, error.reason, 400)
    done = subscriber is None or subscriber.status == SubscriberStatus.UNSUBSCRIBED
    if request.method == "POST" and not done:
        services.unsubscribe(subscriber)
        done = True
    return _private(
        render(request, "newsletter/unsubscribe.html", {"done": done, "subscriber": subscriber})
    )
