"""The partner space shows the calendars the portal reads for the partner's organisation:
when they were last read and last imported, and a refusal explained in the partner's words
(the admin keeps its own report). Another partner never sees them."""

import pytest
from django.utils import timezone

from programme.models import CalendarSubscription
from programme.subscriptions import FetchStatus

from .partner_space_support import (
    ALICE,
    BOB,
    partners_fixture,  # noqa: F401 - the "partners" fixture
    sign_in,
    url,
)
from .submissions_support import portal_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar(partners, portal):
    organisation = partners["organisation"].page.specific
    return CalendarSubscription.objects.create(
        url="https://agenda.atelier-citoyen.example/private-s3cr3t/basic.ics",
        programme=portal["programme_fr"],
        organisation=organisation,
        last_fetched_at=timezone.now(),
        last_status=FetchStatus.REFUSED,
        last_reason="private_address",
        last_message="This address leads to a private or local network (admin report).",
    )


def test_a_refused_calendar_is_explained_to_its_partner(
    client, calendar, django_capture_on_commit_callbacks
):
    sign_in(client, ALICE, django_capture_on_commit_callbacks)
    page = client.get(url("partner_space")).text
    assert "Mes calendriers" in page
    assert "calendrier sur agenda.atelier-citoyen.example" in page
    assert "s3cr3t" not in page  # the address may hold a private key: the server's name only
    assert "Adresse refusée" in page  # the status in words, not only a colour
    assert "réseau privé" in page and "Aucun pour l’instant" in page


def test_the_last_successful_import_and_a_suspicious_read(
    client, calendar, django_capture_on_commit_callbacks
):
    calendar.last_status, calendar.last_reason = FetchStatus.SUSPICIOUS, "vanished"
    calendar.last_success_at = timezone.now()
    calendar.save()
    sign_in(client, ALICE, django_capture_on_commit_callbacks)
    page = client.get(url("partner_space")).text
    assert "Aucun pour l’instant" not in page
    assert "Nous les avons gardés" in page


def test_an_imported_calendar_has_no_explanation(
    client, calendar, django_capture_on_commit_callbacks
):
    calendar.last_status, calendar.last_reason = FetchStatus.OK, ""
    calendar.save()
    assert calendar.partner_explanation == ""
    sign_in(client, ALICE, django_capture_on_commit_callbacks)
    assert "Ce qui n’a pas marché" not in client.get(url("partner_space")).text


def test_another_partner_does_not_see_the_calendar(
    client, calendar, django_capture_on_commit_callbacks
):
    sign_in(client, BOB, django_capture_on_commit_callbacks)
    page = client.get(url("partner_space")).text
    assert "Mes calendriers" not in page and "atelier-citoyen" not in page


def test_the_admin_keeps_its_report(admin_client, calendar):
    page = admin_client.get(f"/admin/snippets/programme/calendarsubscription/edit/{calendar.pk}/")
    assert "admin report" in page.content.decode()


def test_a_read_recorded_without_a_reason_gets_a_general_sentence(calendar):
    from django.utils import translation

    calendar.last_reason = ""  # recorded before the reasons were
    with translation.override("en"):
        assert "did not work" in str(calendar.partner_explanation)
