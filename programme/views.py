"""What the programme and festival pages show: filtered occurrences, paginated, by day."""

from itertools import groupby

from django.core.paginator import Paginator
from django.utils import timezone

from .choices import RegistrationMode, RegistrationStatus
from .forms import ProgrammeFilterForm
from .queries import OccurrenceList, events_for_locale, overlapping

PER_PAGE = 30


def filtered_occurrences(request, page):
    """The filter form bound to the request and the occurrences it selects."""
    from .models import FestivalPage

    festival = page if isinstance(page, FestivalPage) else None
    form = ProgrammeFilterForm(request.GET, locale=page.locale, festival=festival)
    form.is_valid()  # invalid fields are shown with their error and otherwise ignored
    after, before, newest_first = form.window()
    events = form.filter(overlapping(events_for_locale(page.locale), after, before))
    occurrences = OccurrenceList(events, after, before, request, newest_first=newest_first)
    return form, occurrences, (after, before)


def listing_context(request, page, base_url=None):
    form, occurrences, window = filtered_occurrences(request, page)
    page_obj = Paginator(occurrences, PER_PAGE).get_page(request.GET.get("page"))
    days = [(day, list(items)) for day, items in groupby(page_obj.object_list, lambda o: o.day)]
    query = form.querystring()
    suffix = f"?{query}" if query else ""
    page_url = page.get_url(request)
    return {
        "clear_url": base_url or page_url,
        "filter_form": form,
        "page_obj": page_obj,
        "days": days,
        "window": window,
        "is_archive": bool(form.value("archive")),
        "filter_query": query,
        "calendar_url": page_url + page.reverse_subpage("calendar") + suffix,
        "atom_url": (page_url + page.reverse_subpage("atom") if hasattr(page, "atom") else ""),
    }


# Registration on the portal --------------------------------------------------------------------


def _occurrence_label(occurrence, confirmed, capacity):
    from django.utils import formats
    from django.utils.translation import gettext, ngettext

    from .choices import OccurrenceStatus
    from .recurrence import local_zone

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
    from .forms import RegistrationForm
    from .places import capacity_of, confirmed_counts, is_open, source_event

    if page.registration_mode != RegistrationMode.PORTAL:
        return {}
    occurrences = [o for o in page.next_occurrences(request=request) if is_open(page, o)]
    if not occurrences:
        return {"registration_closed": True}
    source = source_event(page)
    capacity = capacity_of(source)
    counts = confirmed_counts(source, [o.original_start for o in occurrences])
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
    from django.contrib import messages
    from django.shortcuts import redirect
    from django.utils.translation import get_language
    from django.utils.translation import gettext as _

    from . import places

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


def manage_registration(request, page, token):
    """The private page of a cancel link: shows the registration, cancels it on POST."""
    from django.http import Http404
    from django.shortcuts import render

    from . import places

    registration = places.registration_for_token(token)
    if registration is None or places.source_event(page).pk != registration.event_id:
        raise Http404
    cancelled_now = False
    if request.method == "POST":
        if registration.status != RegistrationStatus.CANCELLED:
            registration, _promoted = places.cancel(registration)
            cancelled_now = True
    response = render(
        request,
        "programme/registration_manage.html",
        {
            "page": page,
            "registration": registration,
            "cancelled_now": cancelled_now,
            "is_past": registration.occurrence_start < timezone.now(),
        },
    )
    # Private: never cached, never indexed, the token never sent to another site.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "same-origin"  # "no-referrer" would send Origin: null
    return response


# Embedding on partners' sites ----------------------------------------------------------------


def embed(request, page):
    """The programme without the site's header and footer, for an iframe on a partner's site:
    the same filters, links that open the portal in a new tab."""
    from django.template.response import TemplateResponse

    from portal.middleware import allow_partner_framing

    def view(request):
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

    return view(request)
