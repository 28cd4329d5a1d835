"""Addresses to coordinates through the geocoder the operators chose (off by default).

PORTAL_GEOCODER is "" (off), "ban" (the French national address service,
api-adresse.data.gouv.fr, or a self-hosted addok with PORTAL_GEOCODER_URL) or "nominatim"
(OpenStreetMap's, or one's own). It is only ever called from a background task, after the
listing is stored: a geocoder that is down or slow never blocks nor loses a submission.
"""

import json
from decimal import Decimal

from django.conf import settings
from django.utils.http import urlencode

from security.outbound import FetchRefused, fetch

DEFAULT_URLS = {
    "ban": "https://api-adresse.data.gouv.fr/search/",
    "nominatim": "https://nominatim.openstreetmap.org/search",
}
MAX_ANSWER_BYTES = 512 * 1024
# The national address service scores each match from 0 to 1; below this it is a guess.
MIN_BAN_SCORE = 0.4
SIX_PLACES = Decimal("0.000001")


class AddressMixin:
    """The address of a directory entry as a geocoder reads it."""

    def geocoding_query(self):
        """Street, postcode, city (and the country outside France), or "" without a city."""
        if not self.city:
            return ""
        parts = [getattr(self, "street_address", ""), getattr(self, "postcode", ""), self.city]
        if self.country and self.country != "FR":
            parts.append(str(self.country_name))
        return " ".join(part for part in parts if part)


class GeocoderUnavailable(Exception):
    """The geocoder did not answer usefully (down, slow, an error): try again later."""


def provider():
    name = getattr(settings, "PORTAL_GEOCODER", "")
    return name if name in DEFAULT_URLS else ""


def _address_url(query, country):
    name = provider()
    base = getattr(settings, "PORTAL_GEOCODER_URL", "") or DEFAULT_URLS[name]
    if name == "ban":
        params = {"q": query, "limit": 1}
    else:
        params = {"q": query, "format": "jsonv2", "limit": 1}
        if country:
            params["countrycodes"] = country.lower()
    return f"{base}?{urlencode(params)}"


def _read(name, data):
    """(latitude, longitude) floats from a provider's answer, or None when nothing matched."""
    if name == "ban":
        features = data.get("features") or [] if isinstance(data, dict) else []
        if not features or features[0].get("properties", {}).get("score", 0) < MIN_BAN_SCORE:
            return None
        longitude, latitude = features[0]["geometry"]["coordinates"][:2]
        return float(latitude), float(longitude)
    if not isinstance(data, list) or not data:
        return None
    return float(data[0]["lat"]), float(data[0]["lon"])


def geocode(query, country=""):
    """(latitude, longitude) as Decimals for `query`, None when the address is not found.

    Raises GeocoderUnavailable when the service cannot answer, so the task retries later.
    """
    name = provider()
    query = " ".join(str(query).split())[:200]
    if not name or not query:
        return None
    # The national address service knows French addresses only.
    if name == "ban" and country and country.upper() != "FR":
        return None
    try:
        answer = fetch(
            _address_url(query, country),
            max_bytes=MAX_ANSWER_BYTES,
            timeout=getattr(settings, "PORTAL_GEOCODER_TIMEOUT", 5),
            accept="application/json",
            guarded=False,  # an address the operators configured, maybe on their network
        )
        point = _read(name, json.loads(answer.content))
    except (FetchRefused, ValueError, KeyError, IndexError, TypeError) as error:
        raise GeocoderUnavailable(str(error)) from error
    if point is None:
        return None
    latitude, longitude = point
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return Decimal(latitude).quantize(SIX_PLACES), Decimal(longitude).quantize(SIX_PLACES)
