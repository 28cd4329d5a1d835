"""Staff views in the Wagtail admin: confirm or decline a request, and the room calendar."""

import calendar as calendar_module
import datetime as dt
from itertools import groupby

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from programme.models import Room
from programme.recurrence import local_zone

from . import services
from .forms import DecisionForm
from .hires import RoomFeed, RoomRequest
from .services import AlreadyDecided, Conflict, find_conflicts, room_calendar, source_room

VIEW_PERMISSION = "rooms.view_roomrequest"
DECIDE_PERMISSION = "rooms.change_roomrequest"


def _require(user, permission):
    if not (user.is_active and user.has_perm(permission)):
        raise PermissionDenied


def _when(start, end):
    zone = local_zone()
    start, end = timezone.localtime(start, zone), timezone.localtime(end, zone)
    end_format = "TIME_FORMAT" if start.date() == end.date() else "DATETIME_FORMAT"
    return "{} – {}".format(
        formats.date_format(start, "DATETIME_FORMAT"), formats.date_format(end, end_format)
    )


def conflict_message(entries):
    items = "; ".join(f"{entry.title} ({_when(entry.start, entry.end)})" for entry in entries)
    return _(
        "Not confirmed: the room is already taken at that time by %(items)s. "
        "Decline the request or agree another time with the requester."
    ) % {"items": items}


@require_POST
def decide(request, pk, action):
    """Confirm or decline a request (POST from its inspect page)."""
    _require(request.user, DECIDE_PERMISSION)
    if action not in ("confirm", "decline"):
        raise Http404
    hire = get_object_or_404(RoomRequest, pk=pk)
    inspect_url = reverse("wagtailsnippets_rooms_roomrequest:inspect", args=[hire.pk])
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing changed: the message is longer than 2,000 characters."))
        return redirect(inspect_url)
    comment = form.cleaned_data["comment"]
    try:
        if action == "confirm":
            services.confirm(hire.pk, user=request.user, comment=comment)
            messages.success(
                request,
                _("Request confirmed: %(name)s has been told by e-mail.")
                % {"name": hire.contact_name},
            )
        else:
            services.decline(hire.pk, user=request.user, comment=comment)
            messages.success(
                request,
                _("Request declined: %(name)s has been told by e-mail.")
                % {"name": hire.contact_name},
            )
    except Conflict as conflict:
        messages.error(request, conflict_message(conflict.entries))
    except AlreadyDecided as decided:
        messages.warning(
            request, _("Nothing changed: this request is already %(status)s.") % {"status": decided}
        )
    return redirect(inspect_url)


def inspect_context(request, hire):
    """What the inspect page adds: the capacity flag, clashes and the decision forms."""
    return {
        "hire": hire,
        "conflicts": find_conflicts(hire) if hire.status == "pending" else [],
        "can_decide": request.user.has_perm(DECIDE_PERMISSION),
        "decision_form": DecisionForm(initial={"comment": hire.staff_comment}),
        "confirm_url": reverse(
            "wagtailsnippets_rooms_roomrequest:decide", args=[hire.pk, "confirm"]
        ),
        "decline_url": reverse(
            "wagtailsnippets_rooms_roomrequest:decide", args=[hire.pk, "decline"]
        ),
        "calendar_url": reverse("rooms_admin:calendar")
        + (
            f"?room={hire.room_id}&month={timezone.localtime(hire.start):%Y-%m}"
            if hire.room_id
            else ""
        ),
    }


def _month(value, today):
    try:
        year, month = (int(part) for part in value.split("-"))
        return dt.date(year, month, 1)
    except (ValueError, AttributeError):
        return today.replace(day=1)


def room_calendar_view(request):
    """Per room, a month (or a week) of events and hires, day by day."""
    _require(request.user, VIEW_PERMISSION)
    default = Locale.get_default()
    rooms = list(Room.objects.filter(locale=default).order_by("name"))
    room = None
    room_id = request.GET.get("room", "")
    if room_id.isdigit():
        room = next((r for r in rooms if r.pk == int(room_id)), None)
    room = room or (rooms[0] if rooms else None)
    zone = local_zone()
    today = timezone.localdate()
    view = "week" if request.GET.get("view") == "week" else "month"
    if view == "week":
        try:
            first = dt.date.fromisoformat(request.GET.get("week", ""))
        except ValueError:
            first = today
        first -= dt.timedelta(days=first.weekday())
        last = first + dt.timedelta(days=7)
        previous, following = first - dt.timedelta(days=7), last
        nav = {"previous": f"week={previous:%Y-%m-%d}", "next": f"week={following:%Y-%m-%d}"}
    else:
        first = _month(request.GET.get("month", ""), today)
        days_in_month = calendar_module.monthrange(first.year, first.month)[1]
        last = first + dt.timedelta(days=days_in_month)
        previous = (first - dt.timedelta(days=1)).replace(day=1)
        nav = {"previous": f"month={previous:%Y-%m}", "next": f"month={last:%Y-%m}"}
    after = dt.datetime.combine(first, dt.time.min, zone)
    before = dt.datetime.combine(last, dt.time.min, zone)
    entries = room_calendar(room, after, before, include_pending=True) if room else []
    days = [
        (day, list(items))
        for day, items in groupby(entries, lambda e: timezone.localtime(e.start, zone).date())
    ]
    feed = RoomFeed.objects.get_or_create(room=room)[0] if room else None
    feed_url = (
        request.build_absolute_uri(reverse("rooms:feed", args=[feed.calendar_token]))
        if feed
        else ""
    )
    return TemplateResponse(
        request,
        "rooms/admin/calendar.html",
        {
            "page_title": _("Room calendar"),
            "header_icon": "date",
            "rooms": rooms,
            "room": room,
            "view": view,
            "first": first,
            "last": last - dt.timedelta(days=1),
            "days": days,
            "nav": nav,
            "feed_url": feed_url,
            "can_regenerate": request.user.has_perm(DECIDE_PERMISSION),
        },
    )


@require_POST
def regenerate_feed(request, room_id):
    """A new secret address for the room's calendar; the old one stops working at once."""
    _require(request.user, DECIDE_PERMISSION)
    room = source_room(get_object_or_404(Room, pk=room_id))
    feed, created = RoomFeed.objects.get_or_create(room=room)
    if not created:
        feed.regenerate()
    messages.success(
        request, _("The calendar has a new private address; the old one no longer works.")
    )
    return redirect(reverse("rooms_admin:calendar") + f"?room={room.pk}")
