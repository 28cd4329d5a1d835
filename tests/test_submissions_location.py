"""The pin on the organisation and place forms (issue 20, "Location"): latitude and longitude
typed as people type them, checked with clear messages, stored on the draft page, shown again
when the partner corrects the proposal; a partner's pin is never replaced by the geocoder,
which is not even asked."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from directory import tasks
from submissions.location import LocationFields
from submissions.models import Submission

from .partner_space_support import ALICE, partners_fixture, sign_in, url  # noqa: F401
from .submissions_support import (  # noqa: F401
    form_url,
    organisation_data,
    place_data,
    portal_fixture,
    submit,
)

pytestmark = pytest.mark.django_db


def _clean(latitude, longitude):
    form = LocationFields({"latitude": latitude, "longitude": longitude})
    with translation.override("en"):
        form.is_valid()
        # Messages are lazy: read them in English, too.
        form.messages = {name: [str(m) for m in errors] for name, errors in form.errors.items()}
    return form


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (("48,8718", "2,3628"), (Decimal("48.8718"), Decimal("2.3628"))),  # French decimals
        ((" 48.87181849 ", "2.36285"), (Decimal("48.871818"), Decimal("2.362850"))),  # rounded
        (("\u221233.45", "-70.6667"), (Decimal("-33.45"), Decimal("-70.6667"))),  # a real minus
        (("90", "-180"), (Decimal("90"), Decimal("-180"))),  # the limits themselves
        (("", ""), (None, None)),  # no pin at all
    ],
)
def test_coordinates_are_read_as_people_type_them(typed, expected):
    form = _clean(*typed)
    assert form.errors == {}
    assert (form.cleaned_data["latitude"], form.cleaned_data["longitude"]) == expected


@pytest.mark.parametrize(
    ("typed", "field", "message"),
    [
        (("91", "2"), "latitude", "The latitude must be between -90 and 90."),
        (("48", "180.0001"), "longitude", "The longitude must be between -180 and 180."),
        (("48 N", "2"), "latitude", "Enter the latitude as a number in decimal degrees"),
        (("48", "nan"), "longitude", "Enter the longitude as a number in decimal degrees"),
        (("48", "1e400"), "longitude", "The longitude must be between -180 and 180."),
        (("48.87", ""), "longitude", "Enter the longitude too, or leave both fields empty."),
        (("", "2.36"), "latitude", "Enter the latitude too, or leave both fields empty."),
    ],
)
def test_wrong_coordinates_get_one_clear_message(typed, field, message):
    form = _clean(*typed)
    assert list(form.messages) == [field]
    [error] = form.messages[field]
    assert error.startswith(message)


def _fail_if_asked(*args, **kwargs):
    raise AssertionError("the geocoder was asked although the partner placed the pin")


def test_the_pin_reaches_the_draft_and_the_geocoder_is_not_asked(
    client, portal, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.PORTAL_GEOCODER = "ban"
    monkeypatch.setattr(tasks, "geocode", _fail_if_asked)
    data = organisation_data(latitude="45,7640", longitude="4,8357")
    response = submit(
        client, form_url(portal, "organisation"), data, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    draft = Submission.objects.get().page.specific.get_latest_revision_as_object()
    assert (draft.latitude, draft.longitude) == (Decimal("45.764"), Decimal("4.8357"))


def test_without_a_pin_the_geocoder_is_asked(
    client, portal, settings, monkeypatch, django_capture_on_commit_callbacks
):
    asked = []
    settings.PORTAL_GEOCODER = "ban"
    monkeypatch.setattr(tasks, "geocode", lambda *args: asked.append(args) or None)
    data = place_data()
    submit(client, form_url(portal, "place"), data, django_capture_on_commit_callbacks)
    assert asked == [("Nantes", "FR")]
    draft = Submission.objects.get().page.specific.get_latest_revision_as_object()
    assert draft.latitude is None and draft.longitude is None


def test_a_refused_pin_comes_back_with_the_message_in_the_fieldset(client, portal):
    data = place_data(latitude="95", longitude="2,5")
    response = client.post(form_url(portal, "place"), data)
    assert response.status_code == 200
    assert not Submission.objects.exists()
    html = BeautifulSoup(response.text, "html.parser")
    fieldset = html.select_one("fieldset.location-fieldset")
    assert fieldset.legend.get_text(strip=True) == "Emplacement sur la carte"
    assert "La latitude doit être comprise entre -90 et 90." in fieldset.get_text()
    assert fieldset.select_one("#id_longitude")["value"] == "2,5"  # as typed, to correct it
    summary = html.select_one("#error-summary a[href='#id_latitude']")
    assert summary is not None


def test_without_javascript_only_the_two_fields_show(client, portal):
    response = client.get(form_url(portal, "organisation"))
    html = BeautifulSoup(response.text, "html.parser")
    fieldset = html.select_one("fieldset.location-fieldset")
    picker = fieldset.select_one("[data-location-picker]")
    assert picker.has_attr("hidden")  # the script shows the map; without it, nothing
    assert picker["data-leaflet-js"].endswith("vendor/leaflet/leaflet.js")
    assert [field["name"] for field in fieldset.select("input")] == ["latitude", "longitude"]
    assert fieldset.select_one("#id_latitude")["inputmode"] == "decimal"
    scripts = [script["src"] for script in html.select("script[src]")]
    assert any(src.endswith("js/location-picker.js") for src in scripts)
    assert not [script for script in html.select("script") if script.string]  # none inline
    # The event form has no pin.
    event = BeautifulSoup(client.get(form_url(portal, "event")).text, "html.parser")
    assert event.select_one("fieldset.location-fieldset") is None
    assert not any("location-picker" in s["src"] for s in event.select("script[src]"))


@pytest.mark.parametrize(
    ("geocoder", "promise"),
    [("ban", "nous placerons le repère d’après l’adresse"), ("", "notre équipe placera")],
)
def test_the_help_says_what_happens_without_a_pin(client, portal, settings, geocoder, promise):
    settings.PORTAL_GEOCODER = geocoder
    html = BeautifulSoup(client.get(form_url(portal, "place")).text, "html.parser")
    assert promise in html.select_one("#location-help").get_text()


def test_the_partner_sees_the_pin_again_and_moves_then_removes_it(
    client, partners, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    sign_in(client, ALICE, capture)
    organisation = partners["organisation"]
    page = organisation.page.specific
    page.latitude, page.longitude = Decimal("45.764043"), Decimal("4.8")
    page.save_revision().publish()

    form = BeautifulSoup(client.get(url("partner_edit", pk=organisation.pk)).text, "html.parser")
    assert form.select_one("#id_latitude")["value"] == "45.764043"
    assert form.select_one("#id_longitude")["value"] == "4.8"

    edit = url("partner_edit", pk=organisation.pk)
    with capture(execute=True):
        response = client.post(edit, organisation_data(latitude="45,75", longitude="4,85"))
    assert response.status_code == 302
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert (draft.latitude, draft.longitude) == (Decimal("45.75"), Decimal("4.85"))
    page.refresh_from_db()
    assert page.latitude == Decimal("45.764043")  # the live page waits for moderation

    with capture(execute=True):
        client.post(edit, organisation_data(latitude="", longitude=""))
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert draft.latitude is None and draft.longitude is None


def test_a_pin_placed_while_the_geocoder_answers_is_kept(
    client, portal, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """The partner corrects the proposal between the task's first reading and its answer."""
    submit(client, form_url(portal, "place"), place_data(), django_capture_on_commit_callbacks)
    page = Submission.objects.get().page.specific
    settings.PORTAL_GEOCODER = "ban"

    def slow_geocoder(query, country):
        correction = page.get_latest_revision_as_object()
        correction.title = "La Maison Commune de Nantes"
        correction.latitude, correction.longitude = Decimal("47.2"), Decimal("-1.55")
        correction.save_revision()
        return Decimal("47.218371"), Decimal("-1.553621")

    monkeypatch.setattr(tasks, "geocode", slow_geocoder)
    assert tasks.geocode_page.enqueue(page.pk).return_value == "placed meanwhile"
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert draft.title == "La Maison Commune de Nantes"
    assert (draft.latitude, draft.longitude) == (Decimal("47.2"), Decimal("-1.55"))
