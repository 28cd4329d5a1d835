"""What the programme and festival pages show: filtered occurrences, paginated, by day."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext as _

from publicforms.private import private_page
from security.headers import allow_partner_framing

from . import places
from .choices import OccurrenceStatus, RegistrationMode, RegistrationStatus
from .forms import MONTH_FORMAT, RegistrationForm
from .month_grid import build_month
from .queries import LISTED_FIELDS, OccurrenceList, expand, overlapping
from .recurrence import local_zone
from .registrations import Registration

PER_PAGE = 30


def filtered_events(request, page):
    """The page's filter form bound to the request, the events it selects and the window it
    shows (after, before, newest_first)."""
    form = page.filter_form(request.GET)
    form.is_valid()  # invalid fields are shown with their error and otherwise ignored
    after, before, newest_first = form.window()
    events = form.filter(overlapping(page.listed_events(), after, before))
    return form, events, (after, before, newest_first)


# Filters a link to one day or one month replaces rather than keeps.
DATE_FILTERS = ("view", "month", "when", "from", "to", "archive")


def _month_context(request, form, events, window):
    def day_url(day):
        return "?" + form.querystring(exclude=DATE_FILTERS, **{"from": day, "to": day})

    def month_url(first):
        return "?" + form.querystring(
            exclude=DATE_FILTERS, view="calendar", month=first.strftime(MONTH_FORMAT)
        )

    occurrences = expand(events, *window, request)
    return build_month(form.month_shown(), occurrences, day_url, month_url)


def listing_context(request, page, base_url=None):
    form, events, (after, before, newest_first) = filtered_events(request, page)
    page_url = page.get_url(request)
    is_calendar = form.value("view") == "calendar"
    context = {
        "clear_url": base_url or page_url,
        "filter_form": form,
        "window": (after, before),
        "is_archive": bool(form.value("archive")) and not is_calendar,
        "is_calendar": is_calendar,
        "filter_query": form.querystring(exclude=("page",)),
        "list_url": "?" + form.querystring(exclude=("view", "month", "page")),
        "calendar_view_url": "?" + form.querystring(exclude=("page",), view="calendar"),
        "shortcuts": [
            (value, label, "?" + form.querystring(exclude=DATE_FILTERS + ("page",), when=value))
            for value, label in form.fields["when"].choices
            if value in ("today", "this-weekend")
        ],
        "calendar_url": _feed_url(page, page_url, "calendar", form),
        "exports": _export_links(page, page_url, form),
        "atom_url": _feed_url(page, page_url, "atom", form) if hasattr(page, "atom") else "",
    }
    if is_calendar:
        context["month"] = _month_context(request, form, events, (after, before))
        return context
    occurrences = OccurrenceList(
        events, after, before, request, newest_first=newest_first, fields=LISTED_FIELDS
    )
    page_obj = Paginator(occurrences, PER_PAGE).get_page(request.GET.get("page"))
    context["page_obj"] = page_obj  # its dates are read, by day, by programme_tags.agenda_days
    return context


EXPORT_FORMATS = (("export_csv", "text/csv", "CSV"), ("export_json", "application/json", "JSON"))


def _export_links(page, page_url, form):
    """The downloads of the listed dates, keeping the reader's filters."""
    query = form.querystring(exclude=("view", "month", "page"))
    return [
        {
            "url": page_url + page.reverse_subpage(route) + (f"?{query}" if query else ""),
            "type": mime,
            "label": label,
        }
        for route, mime, label in EXPORT_FORMATS
    ]


def _feed_url(page, page_url, name, form):
    query = form.querystring(exclude=("view", "month", "page"))
    url = page_url + page.reverse_subpage(name)
    return url + (f"?{query}" if name == "calendar" and query else "")


# Registration on the portal --------------------------------------------------------------------


def _occurrence_label(occurrence, confirmed, capacity):
    when = formats.date_format(
        timezone.localtime(occurrence.start, local_zone()), "DATETIME_FORMAT"
    )
    if occurrence.status == OccurrenceStatus.FULL or (capacity and confirmed >= capacity):
        return gettext("%(when)s — full, waiting list") % {"when": when}
    if capacity is None:
        return when
    left = capacity - confirmed
    return ngettext("%(when)s — %(count)d place left", "%(when)s — %(count)d places left", left) % {
        "when": when,
        "count": left,
    }


def registration_context(request, page, data=None):
    """The sign-up form of an event page (None when it takes no registration now)."""
    if page.registration_mode != RegistrationMode.PORTAL:
        return {}
    occurrences = [o for o in page.next_occurrences(request=request) if places.is_open(page, o)]
    if not occurrences:
        return {"registration_closed": True}
    source = places.source_event(page)
    capacity = places.capacity_of(source)
    counts = places.confirmed_counts(source, [o.original_start for o in occurrences])
    labels = {
        o.key: _occurrence_label(o, counts.get(o.original_start, 0), capacity) for o in occurrences
    }
    form = RegistrationForm(data, occurrences=occurrences, labels=labels)
    single = occurrences[0] if len(occurrences) == 1 else None
    return {
        "registration_form": form,
        "registration_label": labels[single.key] if single else "",
    }


def register(request, page):
    """POST of the sign-up form: the form again with its errors, or a redirect with a message."""
    context = registration_context(request, page, data=request.POST)
    form = context.get("registration_form")
    if form is None:
        messages.error(request, _("Registration is closed for this event."))
        return redirect(page.get_url(request) + "#registration")
    if not form.is_valid():
        return page.render(request, context_overrides=context)
    registration, created = places.register(
        page,
        form.selected_occurrence(),
        form.cleaned_data["name"],
        form.cleaned_data["email"],
        get_language() or page.locale.language_code,
    )
    if not created:
        messages.info(
            request,
            _(
                "This e-mail address is already registered for this date: one place per "
                "person. The e-mail we sent has a link to cancel."
            ),
        )
    elif registration.status == RegistrationStatus.CONFIRMED:
        messages.success(
            request, _("Your place is confirmed. We have sent you an e-mail with the details.")
        )
    else:
        messages.info(
            request,
            _(
                "The event is full: you are on the waiting list. We will write to you if a "
                "place becomes free."
            ),
        )
    return redirect(page.get_url(request) + "#registration")


@private_page
def manage_registration(request, page, token):
    """The private page of a cancel link: shows the registration, cancels it on POST."""
    registration = Registration.objects.for_cancel_token(token)
    if registration is None or places.source_event(page).pk != registration.event_id:
        raise Http404
    cancelled_now = False
    if request.method == "POST":
        if registration.status != RegistrationStatus.CANCELLED:
            registration, _promoted = places.cancel(registration)
            cancelled_now = True
    return render(
        request,
        "programme/registration_manage.html",
        {
            "page": page,
            "registration": registration,
            "cancelled_now": cancelled_now,
            "is_past": registration.occurrence_start < timezone.now(),
        },
    )


# Embedding on partners' sites ----------------------------------------------------------------


def embed(request, page):
    """The programme without the site's header and footer, for an iframe on a partner's site:
    the same filters, links that open the portal in a new tab."""
    base_url = page.get_url(request) + page.reverse_subpage("embed")
    context = {
        "page": page,
        "self": page,
        "link_target": "_blank",
        **listing_context(request, page, base_url=base_url),
    }
    return allow_partner_framing(
        TemplateResponse(request, "programme/programme_embed.html", context)
    )
