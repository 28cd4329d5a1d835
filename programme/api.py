"""The programme's events in the read-only API (/api/v1/events/, described in `openapi.py`).

It lists what the programme page lists, with the page's own filters: the dates of live, public
events of the requested language (occurrences, see `exports.py`). It keeps the rules of the
whole API (`directory.api_contract`): checked parameters, JSON errors, caching with an ETag,
the shared rate limit, pagination.
"""

from directory.api_contract import (
    api_view,
    bad_page,
    error_response,
    json_response,
    out_of_range,
    page_envelope,
    refused_parameter,
    requested_page,
)
from directory.exports import data_licence

from .exports import attach_record_data, occurrence_record, selected_occurrences
from .openapi import EVENT_PARAMETERS
from .pages import ProgrammePage


def _programme(language):
    return (
        ProgrammePage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .select_related("locale")
        .order_by("path")
        .first()
    )


def _warnings(form):
    """The filters the page would show an error for: ignored, and said so."""
    return [
        f"{name}: {' '.join(str(message) for message in messages)}"
        for name, messages in form.errors.items()
        if name != "__all__"
    ]


@api_view
def events(request, language):
    """Occurrences of the programme's events with the programme page's filters."""
    refused = refused_parameter(request, EVENT_PARAMETERS)
    if refused is not None:
        return refused
    try:
        page, page_size = requested_page(request)
    except ValueError:
        return bad_page()
    programme = _programme(language)
    if programme is None:
        return error_response(404, "No programme in this language.")
    form, occurrences = selected_occurrences(programme, request.GET, request)
    envelope = page_envelope(request, len(occurrences), page, page_size, language)
    if envelope is None:
        return out_of_range()
    shown = occurrences[(page - 1) * page_size : page * page_size]
    attach_record_data(shown, programme.locale)
    return json_response(
        {
            **envelope,
            "licence": data_licence(),
            "warnings": _warnings(form),
            "results": [occurrence_record(occurrence, request) for occurrence in shown],
        }
    )
