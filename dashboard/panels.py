"""Panels of the admin's home page: what waits for an editor, each shown to those who can act."""

import datetime as dt

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from directory.models import OrganisationPage, PlacePage
from rooms.choices import RequestStatus
from rooms.models import RoomRequest
from submissions.choices import Status
from submissions.models import Submission

LISTED = 8  # rows per panel; its link leads to the full list
STALE_AFTER = dt.timedelta(days=365)


def _day(moment):
    return formats.date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


class WaitingPanel(Component):
    """A titled list of items with their admin links, a count and a link to the full list."""

    template_name = "dashboard/waiting_panel.html"
    name = ""
    heading = ""
    empty_text = ""
    order = 50

    def __init__(self, request):
        self.request = request

    def rows(self):
        """(total count, [(label, detail, url)]) for this panel."""
        raise NotImplementedError

    def all_url(self):
        return ""

    def get_context_data(self, parent_context):
        total, rows = self.rows()
        return {
            "name": self.name,
            "heading": self.heading,
            "empty_text": self.empty_text,
            "total": total,
            "rows": rows,
            "all_url": self.all_url(),
        }


class ModerationQueuePanel(WaitingPanel):
    name = "moderation-queue"
    heading = _("Partner proposals waiting for review")
    empty_text = _("No proposal is waiting.")
    order = 40

    def rows(self):
        waiting = Submission.objects.filter(status=Status.PENDING).order_by("created")
        items = [
            (
                submission.title,
                f"{submission.get_kind_display()} · {_day(submission.created)}",
                reverse("wagtailsnippets_submissions_submission:inspect", args=[submission.pk]),
            )
            for submission in waiting[:LISTED]
        ]
        return waiting.count(), items

    def all_url(self):
        return reverse("wagtailsnippets_submissions_submission:list") + "?status=pending"


class RoomRequestsPanel(WaitingPanel):
    name = "room-requests"
    heading = _("Room requests waiting for an answer")
    empty_text = _("No room request is waiting.")
    order = 45

    def rows(self):
        waiting = (
            RoomRequest.objects.filter(status=RequestStatus.PENDING)
            .select_related("room")
            .order_by("pk")
        )
        items = [
            (
                room_request.organisation_name,
                str(room_request.room) if room_request.room_id else "",
                reverse("wagtailsnippets_rooms_roomrequest:inspect", args=[room_request.pk]),
            )
            for room_request in waiting[:LISTED]
        ]
        return waiting.count(), items

    def all_url(self):
        return reverse("wagtailsnippets_rooms_roomrequest:list") + "?status=pending"


class WithdrawnPanel(WaitingPanel):
    """Listings their partners withdrew from the partner space lately (already unpublished:
    the editors may want to know why, or tidy the pages)."""

    name = "withdrawn-listings"
    heading = _("Listings withdrawn by their partners (30 days)")
    empty_text = _("No listing was withdrawn lately.")
    order = 50

    def rows(self):
        since = timezone.now() - dt.timedelta(days=30)
        withdrawn = Submission.objects.filter(status=Status.WITHDRAWN, updated__gte=since)
        items = [
            (
                submission.title,
                f"{submission.get_kind_display()} · {_day(submission.updated)}",
                reverse("wagtailsnippets_submissions_submission:inspect", args=[submission.pk]),
            )
            for submission in withdrawn.order_by("-updated")[:LISTED]
        ]
        return withdrawn.count(), items

    def all_url(self):
        return reverse("wagtailsnippets_submissions_submission:list") + "?status=withdrawn"


class StaleListingsPanel(WaitingPanel):
    name = "stale-listings"
    heading = _("Directory listings not updated for a year")
    empty_text = _("Every listing was updated within the year.")
    order = 55

    def rows(self):
        editable = PagePermissionPolicy().instances_user_has_permission_for(
            self.request.user, "change"
        )
        limit = timezone.now() - STALE_AFTER
        stale = []
        total = 0
        for model in (OrganisationPage, PlacePage):
            pages = model.objects.live().filter(
                last_published_at__lt=limit, pk__in=editable.values("pk")
            )
            total += pages.count()
            stale += list(pages.select_related("locale").order_by("last_published_at")[:LISTED])
        stale.sort(key=lambda page: page.last_published_at)
        items = [
            (
                page.title,
                f"{page.locale.language_code.upper()} · {_day(page.last_published_at)}",
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
            for page in stale[:LISTED]
        ]
        return total, items


def panels_for(request):
    """The panels this editor can act on (the stale listings: those they may edit)."""
    user = request.user
    panels = []
    if user.has_perm("submissions.view_submission"):
        panels.append(ModerationQueuePanel(request))
        panels.append(WithdrawnPanel(request))
    if user.has_perm("rooms.view_roomrequest"):
        panels.append(RoomRequestsPanel(request))
    panels.append(StaleListingsPanel(request))
    return panels
