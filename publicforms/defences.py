"""Reusable defences for public forms: honeypot, minimum fill time, per-address rate limit.

Any public form (partner submissions, room hire...) mixes in `SpamDefenceForm` and wraps its
view's POST handling with `rate_limited`. Nothing here stores the visitor's address: the
origin kept with a submission is a salted hash (`hash_address`).
"""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from .text import CleanTextForm

STARTED_SALT = "submissions.defences.started"
# A form left open longer than this is stale: its timestamp no longer counts.
STARTED_MAX_AGE = 24 * 3600


def min_fill_seconds():
    return getattr(settings, "PORTAL_FORM_MIN_SECONDS", 3)


def issue_started_token(at=None):
    """A signed record of when the form was shown (the visitor cannot forge an older one)."""
    at = int(time.time() if at is None else at)
    return signing.TimestampSigner(salt=STARTED_SALT).sign(str(at))


class HoneypotInput(forms.TextInput):
    """A field people never see (hidden with CSS, skipped by keyboard and screen readers)."""

    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})


class SpamDefenceForm(CleanTextForm):
    """Adds a honeypot and a signed start time; bots that fill everything or post at once fail.
    Its text fields refuse control characters (CleanTextForm).

    The error messages stay vague on purpose (no hint of what gave the bot away) but tell a
    person what to do.
    """

    honeypot_field_name = "homepage"

    homepage = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200, widget=HoneypotInput()
    )
    started = forms.CharField(widget=forms.HiddenInput, max_length=200)

    spam_message = _("Your form could not be sent. Please check it and send it again.")
    too_fast_message = _(
        "The form was sent too quickly after it was opened. Please check it and send it again."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A fresh start time on every display, including a redisplay after an error.
        self.initial["started"] = issue_started_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("homepage"):
            raise forms.ValidationError(self.spam_message, code="honeypot")
        try:
            started = signing.TimestampSigner(salt=STARTED_SALT).unsign(
                self.data.get(self.add_prefix("started"), ""), max_age=STARTED_MAX_AGE
            )
            elapsed = time.time() - int(started)
        except (signing.BadSignature, ValueError):
            raise forms.ValidationError(self.spam_message, code="started") from None
        if elapsed < min_fill_seconds():
            raise forms.ValidationError(self.too_fast_message, code="too_fast")
        return cleaned

    def full_clean(self):
        super().full_clean()
        # A redisplayed form must carry a new start time, not the one it was posted with.
        if self.is_bound and self._errors is not None:
            self.data = self.data.copy()
            self.data[self.add_prefix("started")] = issue_started_token()


def hash_address(request):
    """A salted hash of the client address: enough to spot a flood, useless to identify."""
    address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def rate_limited(request, group, rate=None):
    """True when this address has posted more than `rate` (default PORTAL_FORM_RATE) times."""
    rate = rate or getattr(settings, "PORTAL_FORM_RATE", "10/h")
    return is_ratelimited(request, group=group, key="ip", rate=rate, method="POST", increment=True)


def too_many_requests(request):
    """The 429 page, in the visitor's language (django-ratelimit would answer a bare 403)."""
    response = render(request, "publicforms/too_many_requests.html", status=429)
    response["Retry-After"] = "3600"
    return response


def rate_limited_value(request, group, value, rate):
    """True when `value` (an e-mail address...) was used more than `rate` times, whoever
    sent it: a limit per address typed, not per client. Only a salted hash is counted."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{group}:{value}".encode()).hexdigest()
    return is_ratelimited(
        request, group=group, key=lambda *_: digest, rate=rate, method="POST", increment=True
    )
