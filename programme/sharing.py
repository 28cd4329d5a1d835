"""How an event presents itself to search engines and calendar applications."""

import datetime as dt
import json
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from languages.origin import absolute_url

from .choices import EventStatus, RegistrationMode
from .recurrence import local_zone

SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.FULL: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
}
# Coming dates listed as sub-events of a repeating event.
JSON_LD_DATES = 10


def json_for_script(data):
    """JSON safe inside a <script> element: no character can close it or open a comment."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped just above


class SharingMixin:
    """schema.org JSON-LD and "add to calendar" links of an event page."""

    # Sharing ------------------------------------------------------------------------------

    def json_ld(self, request=None):
        return json_for_script(self.json_ld_data(request))

    def json_ld_data(self, request=None, url=None):
        """`url`, the page's full URL, may be given by a listing that computes it in bulk.

        A repeating event is a series: its own status is the event's, and each coming date is
        a sub-event with its own status (one cancelled date must not cancel the series).
        """
        occurrence = self.display_occurrence(request)
        url = url or self.get_full_url(request)
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary or strip_tags(self.description)[:300],
            **self._occurrence_json_ld(occurrence, series=self.is_recurring),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "inLanguage": self.locale.language_code,
            "url": url,
            "location": self._location_json_ld(),
            "organizer": [
                {"@type": "Organization", "name": page.title, "url": page.get_full_url(request)}
                for page in self.localized_organisers
            ]
            or {"@type": "Organization", "name": "Les Halles Civiques"},
        }
        offers = self.offers_json_ld(occurrence, url)
        if offers:
            data["offers"] = offers
        if self.is_recurring:
            data["subEvent"] = [
                {
                    "@type": "Event",
                    "name": self.title,
                    **self._occurrence_json_ld(date),
                    "eventAttendanceMode": data["eventAttendanceMode"],
                    "location": data["location"],
                    "url": url,
                }
                for date in self.next_occurrences(limit=JSON_LD_DATES, request=request, url=url)
            ]
        if self.image_id and request is not None:
            rendition = self.image.get_rendition("fill-1200x630")
            data["image"] = absolute_url(rendition.url)
        return data

    def _moment(self, moment, last_day=False):
        """A date-time, or a date for an all-day event (its last day for an end)."""
        local = timezone.localtime(moment, local_zone())
        if not self.all_day:
            return local.isoformat()
        day = local.date()
        if last_day and local.time() == dt.time(0):
            day -= dt.timedelta(days=1)  # an end at midnight closes the day before
        return day.isoformat()

    def _occurrence_json_ld(self, occurrence, series=False):
        status = self.status if series else occurrence.status
        data = {
            "startDate": self._moment(occurrence.start),
            "endDate": max(
                self._moment(occurrence.end, last_day=True), self._moment(occurrence.start)
            ),
            "eventStatus": SCHEMA_STATUS[EventStatus(status)],
        }
        if occurrence.is_moved and not series:
            data["eventStatus"] = "https://schema.org/EventRescheduled"
            data["previousStartDate"] = self._moment(occurrence.original_start)
        return data

    def _location_json_ld(self):
        location = {
            "@type": "Place",
            "name": self.place_name or "Les Halles Civiques",
            "address": {"@type": "PostalAddress", "streetAddress": self.place_address},
        }
        if self.latitude is not None and self.longitude is not None:
            location["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        return location

    def offers_json_ld(self, occurrence, url):
        """An Offer when there is something to book or pay; None for a free, open event."""
        if self.registration_mode == RegistrationMode.NONE and self.is_free:
            return None
        return {
            "@type": "Offer",
            "price": "0" if self.is_free else str(self.price),
            "priceCurrency": "EUR",
            "url": self.registration_url or url,
            "availability": "https://schema.org/SoldOut"
            if occurrence.status == EventStatus.FULL
            else "https://schema.org/InStock",
        }

    def calendar_links(self, request=None):
        """Links that add the next date to Google Calendar and Outlook on the web."""
        occurrence = self.display_occurrence(request)
        utc = dt.UTC
        start, end = occurrence.start.astimezone(utc), occurrence.end.astimezone(utc)
        details = self.summary or ""
        location = ", ".join(part for part in (self.place_name, self.place_address) if part)
        google = {
            "action": "TEMPLATE",
            "text": self.title,
            "dates": f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}",
            "details": f"{details}\n{self.get_full_url(request)}".strip(),
            "location": location,
            "ctz": "Europe/Paris",
        }
        if self.is_recurring:
            google["recur"] = f"RRULE:{self.rrule_string}"
        outlook = {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": self.title,
            "startdt": start.isoformat(),
            "enddt": end.isoformat(),
            "body": details,
            "location": location,
        }
        return {
            "ics": self.url + self.reverse_subpage("ics"),
            "google": "https://calendar.google.com/calendar/render?" + urlencode(google),
            "outlook": "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(outlook),
        }


def festival_offers(events):
    """An AggregateOffer over the festival's events that can be booked or paid for."""
    prices = [
        0 if event.is_free else event.price
        for event in events
        if not (event.registration_mode == RegistrationMode.NONE and event.is_free)
    ]
    if not prices:
        return None
    return {
        "@type": "AggregateOffer",
        "priceCurrency": "EUR",
        "lowPrice": str(min(prices)),
        "highPrice": str(max(prices)),
        "offerCount": len(prices),
    }
