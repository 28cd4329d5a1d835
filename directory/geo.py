""" "Near a point" for the directory: where the reader is looking from, and how far entries are.

No geocoding service is called: a place name or postcode is resolved from the directory's own
entries (the average of their coordinates), so the feature works offline and leaks nothing.
"""

import math
import re
from dataclasses import dataclass

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext_lazy as _

EARTH_RADIUS_KM = 6371.0088
DEFAULT_RADIUS_KM = 25
MIN_RADIUS_KM = 1
MAX_RADIUS_KM = 1000
MAX_NEAR_LENGTH = 100

_COORDINATES = re.compile(r"^\s*([-+]?\d{1,3}(?:\.\d+)?)\s*[,;]\s*([-+]?\d{1,3}(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class Origin:
    latitude: float
    longitude: float
    label: str


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in kilometres between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(origin, radius_km):
    """A Q over latitude/longitude that contains the circle (a cheap SQL prefilter).

    Near a pole or across the antimeridian the longitude band is dropped rather than split:
    the exact distance check afterwards removes what the box lets through.
    """
    d_lat = math.degrees(radius_km / EARTH_RADIUS_KM)
    box = Q(latitude__gte=origin.latitude - d_lat, latitude__lte=origin.latitude + d_lat)
    cos_lat = math.cos(math.radians(origin.latitude))
    if cos_lat < 0.01:
        return box
    d_lon = math.degrees(radius_km / (EARTH_RADIUS_KM * cos_lat))
    west, east = origin.longitude - d_lon, origin.longitude + d_lon
    if west < -180 or east > 180:
        return box
    return box & Q(longitude__gte=west, longitude__lte=east)


def parse_radius(value):
    """(radius in km, error message or None); bad or out-of-range values fall back or clamp."""
    if value in (None, ""):
        return DEFAULT_RADIUS_KM, None
    try:
        radius = float(str(value).replace(",", "."))
    except ValueError:
        radius = math.nan
    if not math.isfinite(radius):
        message = _("The radius must be a number of kilometres; %(km)s km used instead.")
        return DEFAULT_RADIUS_KM, message % {"km": DEFAULT_RADIUS_KM}
    clamped = min(max(radius, MIN_RADIUS_KM), MAX_RADIUS_KM)
    if clamped != radius:
        return clamped, _("The radius must be between 1 and 1000 km.")
    return radius, None


def resolve_near(value, entry_querysets):
    """(Origin or None, error message or None) for "lat,lon" or a city or postcode.

    `entry_querysets` are the live entries a place name may be looked up in.
    """
    value = " ".join(str(value).split())[:MAX_NEAR_LENGTH]
    if not value:
        return None, None
    match = _COORDINATES.match(value)
    if match:
        latitude, longitude = float(match.group(1)), float(match.group(2))
        if -90 <= latitude <= 90 and -180 <= longitude <= 180:
            return Origin(latitude, longitude, f"{latitude:.4f}, {longitude:.4f}"), None
        return None, _("Coordinates must be a latitude (-90 to 90) and a longitude (-180 to 180).")
    total_lat = total_lon = count = 0
    for queryset, has_postcode in entry_querysets:
        where = Q(city__iexact=value)
        if has_postcode:
            where |= Q(postcode__iexact=value)
        row = (
            queryset.filter(where, latitude__isnull=False, longitude__isnull=False)
            .order_by()
            .aggregate(lat=Avg("latitude"), lon=Avg("longitude"), n=Count("pk"))
        )
        if row["n"]:
            n = row["n"]
            total_lat += float(row["lat"]) * n
            total_lon += float(row["lon"]) * n
            count += n
    if not count:
        message = _("No entry of the directory is in “%(place)s”: that place was ignored.")
        return None, message % {"place": value}
    return Origin(total_lat / count, total_lon / count, value), None
