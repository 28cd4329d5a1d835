"""Hand-over of subscribers to the tool the team sends its newsletter with.

`csv` (the default) hands over nothing by itself: the team downloads the subscribers (CSV)
from the admin. `brevo` also adds each confirmed address to a Brevo list and removes it when
its owner unsubscribes or is erased, through Brevo's contacts API. Calls run in background
tasks with a time-out (PORTAL_NEWSLETTER_API_TIMEOUT), never while a reader waits.
"""

import json
import urllib.error
import urllib.request

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class AdapterError(Exception):
    """The tool could not be reached or refused the change; the task retries later."""


class CsvAdapter:
    name = "csv"

    def add(self, subscriber):
        """Nothing to send: the admin's CSV export is the hand-over."""

    def remove(self, email):
        """Nothing to send: the next export no longer lists the address."""


class BrevoAdapter:
    """Brevo's v3 contacts API: the address joins (or leaves) one list."""

    name = "brevo"

    def __init__(self):
        self.api_key = settings.PORTAL_NEWSLETTER_BREVO_API_KEY
        self.list_id = settings.PORTAL_NEWSLETTER_BREVO_LIST_ID
        self.base_url = settings.PORTAL_NEWSLETTER_BREVO_URL.rstrip("/")
        self.timeout = settings.PORTAL_NEWSLETTER_API_TIMEOUT
        if not self.api_key or not self.list_id:
            raise ImproperlyConfigured(
                "PORTAL_NEWSLETTER_ADAPTER=brevo needs PORTAL_NEWSLETTER_BREVO_API_KEY and "
                "PORTAL_NEWSLETTER_BREVO_LIST_ID"
            )
        if not self.base_url.startswith(("https://", "http://")):
            raise ImproperlyConfigured("PORTAL_NEWSLETTER_BREVO_URL must be an http(s) address")

    def _post(self, path, payload):
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
            self.base_url + path,
            data=json.dumps(payload).encode(),
            method="POST",
            headers={
                "api-key": self.api_key,
                "accept": "application/json",
                "content-type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return response.status
        except urllib.error.HTTPError as error:
            # Brevo answers 400 "Contact already in list/does not exist": nothing left to do.
            body = error.read(2000).decode("utf-8", "replace")
            if error.code == 400 and ("already" in body or "does not exist" in body):
                return error.code
            raise AdapterError(f"Brevo answered {error.code}: {body[:300]}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise AdapterError(f"Brevo unreachable: {error}") from None

    def add(self, subscriber):
        self._post(
            "/contacts",
            {
                "email": subscriber.email,
                "listIds": [self.list_id],
                "updateEnabled": True,
                "attributes": {"LANGUAGE": subscriber.language},
            },
        )

    def remove(self, email):
        self._post(f"/contacts/lists/{self.list_id}/contacts/remove", {"emails": [email]})


ADAPTERS = {adapter.name: adapter for adapter in (CsvAdapter, BrevoAdapter)}


def get_adapter():
    name = getattr(settings, "PORTAL_NEWSLETTER_ADAPTER", "csv") or "csv"
    if name not in ADAPTERS:
        raise ImproperlyConfigured(
            f"PORTAL_NEWSLETTER_ADAPTER must be one of {', '.join(ADAPTERS)}, not {name!r}"
        )
    return ADAPTERS[name]()
