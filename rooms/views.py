"""Public views: the request form and the requester's status page (both served by the rooms
index page), and the private iCalendar feed of a room."""

import datetime as dt
import uuid

from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from wagtail.models import Locale

from publicforms.defences import rate_limited, too_many_requests
from publicforms.links import LinkError
from publicforms.private import mark_private, private_page

from .feeds import room_calendar_response
from .forms import RoomRequestForm
from .hires import RoomFeed, RoomRequest
from .links import make_token, read_token
from .services import create_request

RATE_GROUP = "rooms"
FEED_PAST_DAYS = 31
FEED_FUTURE_DAYS = 400


def request_form(request, index_page):
    locale = index_page.locale
    if request.method == "POST":
        if rate_limited(request, RATE_GROUP):
            return too_many_requests(request)
        form = RoomRequestForm(request.POST, rooms=index_page.hireable_rooms(), locale=locale)
        if form.is_valid():
            try:
                hire = create_request(form, request, index_page)
            except IntegrityError:
                # The same form posted twice at once: the other request stored it.
                hire = RoomRequest.objects.filter(
                    idempotency_token=form.cleaned_data["idempotency_token"]
                ).first()
                if hire is None:
                    raise
            return redirect(
                index_page.url
                + index_page.reverse_subpage("status", args=(make_token(hire),))
                + "?sent=1"
            )
    else:
        initial = {"idempotency_token": uuid.uuid4()}
        room_slug = request.GET.get("room", "")[:100]
        if room_slug:
            initial["room"] = room_slug
        form = RoomRequestForm(rooms=index_page.hireable_rooms(), locale=locale, initial=initial)
    # The form names the room asked for and carries the visitor's answers: kept by no cache.
    return mark_private(
        index_page.render(
            request, template="rooms/request_form.html", context_overrides={"form": form}
        )
    )


@private_page
def request_status(request, index_page, token):
    try:
        hire = read_token(token)
    except LinkError as error:
        response = render(
            request, "publicforms/link_error.html", {"reason": error.reason}, status=404
        )
        return response
    room = hire.room.get_translation_or_none(index_page.locale) if hire.room_id else None
    room = room or hire.room
    return index_page.render(
        request,
        template="rooms/request_status.html",
        context_overrides={"hire": hire, "room": room, "just_sent": "sent" in request.GET},
    )


@private_page
def room_feed(request, token):
    """The private calendar of a room: its events and confirmed hires (wrong token: 404)."""
    if not token or len(token) > 64:
        raise Http404
    feed = get_object_or_404(RoomFeed.objects.select_related("room"), calendar_token=token)
    locale = Locale.get_active()
    room = feed.room.get_translation_or_none(locale) or feed.room
    now = timezone.now()
    after = now - dt.timedelta(days=FEED_PAST_DAYS)
    before = now + dt.timedelta(days=FEED_FUTURE_DAYS)
    return room_calendar_response(request, room, after, before, locale)
