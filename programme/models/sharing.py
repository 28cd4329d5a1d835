"""How an event presents itself to search engines and calendar applications."""

import datetime as dt
import json
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from ..choices import EventStatus
from ..recurrence import local_zone

SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.FULL: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
}


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
        """`url`, the page's full URL, may be given by a listing that computes it in bulk."""
        occurrence = self.display_occurrence(request)
        url = url or self.get_full_url(request)
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary or strip_tags(self.description)[:300],
            "startDate": timezone.localtime(occurrence.start, local_zone()).isoformat(),
            "endDate": timezone.localtime(occurrence.end, local_zone()).isoformat(),
            "eventStatus": SCHEMA_STATUS[EventStatus(occurrence.status)],
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "inLanguage": self.locale.language_code,
            "url": url,
            "location": {
                "@type": "Place",
                "name": self.place_name or "Les Halles Civiques",
                "address": {"@type": "PostalAddress", "streetAddress": self.place_address},
            },
            "offers": {
                "@type": "Offer",
                "price": "0" if self.is_free else str(self.price),
                "priceCurrency": "EUR",
                "url": self.registration_url or url,
                "availability": "https://schema.org/SoldOut"
                if occurrence.status == EventStatus.FULL
                else "https://schema.org/InStock",
            },
            "organizer": [
                {"@type": "Organization", "name": page.title, "url": page.get_full_url(request)}
                for page in self.localized_organisers
            ]
            or {"@type": "Organization", "name": "Les Halles Civiques"},
        }
        if occurrence.is_moved:
            data["eventStatus"] = "https://schema.org/EventRescheduled"
            data["previousStartDate"] = timezone.localtime(
                occurrence.original_start, local_zone()
            ).isoformat()
        if self.latitude is not None and self.longitude is not None:
            data["location"]["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        if self.image_id and request is not None:
            rendition = self.image.get_rendition("fill-1200x630")
            data["image"] = request.build_absolute_uri(rendition.url)
        return data

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
