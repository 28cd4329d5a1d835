"""Private links: signed, expiring and revocable tokens that open one stored row.

A token signs "<row id>.<nonce>" with a salt of its own kind and the time it was made. It
expires after the number of days its kind allows; rotating the row's nonce (`new_nonce`)
revokes every link sent before. Tokens that travel in a Wagtail page route are re-encoded in
URL-safe base64 (`path_safe`), because Wagtail serves only paths made of letters, digits,
"-" and "_".
"""

import base64
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing


class LinkError(Exception):
    """The link cannot be used; `reason` is "expired", "invalid" or "revoked"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def new_nonce():
    return secrets.token_hex(16)


def path_safe(signed):
    """A signed value re-encoded with the characters a Wagtail route accepts."""
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def from_path_safe(token):
    """The signed value behind `path_safe(token)`; ValueError when it is not one."""
    return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()


@dataclass(frozen=True)
class PrivateLink:
    """One kind of private link: its salt, its lifetime setting and its encoding."""

    salt: str
    days_setting: str
    default_days: int
    in_page_route: bool = False
    # The row's field holding the nonce: a row with links of several kinds gives each kind
    # its own nonce, so using or revoking one kind leaves the others working.
    nonce_field: str = "link_nonce"
    # What one unit of the lifetime setting is worth: a day, or less for short-lived links
    # (a sign-in link lives minutes).
    unit_seconds: int = 24 * 3600

    def max_age(self):
        return getattr(settings, self.days_setting, self.default_days) * self.unit_seconds

    def make_token(self, row):
        nonce = getattr(row, self.nonce_field)
        signed = signing.TimestampSigner(salt=self.salt).sign(f"{row.pk}.{nonce}")
        return path_safe(signed) if self.in_page_route else signed

    def read_token(self, token, queryset):
        """The row of `queryset` that the token opens, or LinkError."""
        try:
            signed = from_path_safe(token) if self.in_page_route else token
            value = signing.TimestampSigner(salt=self.salt).unsign(signed, max_age=self.max_age())
        except signing.SignatureExpired:
            raise LinkError("expired") from None
        except (signing.BadSignature, ValueError):
            raise LinkError("invalid") from None
        pk, _sep, nonce = value.partition(".")
        row = queryset.filter(pk=pk).first() if pk.isdigit() else None
        if row is None:
            raise LinkError("invalid")
        if getattr(row, self.nonce_field) != nonce:
            raise LinkError("revoked")
        return row
