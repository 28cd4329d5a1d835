"""The partner space (issue 20): a sign-in link by e-mail that says nothing about who is a
partner, works once and for a while only; then the partner's proposals, corrections through
moderation, an event copied to a new date, a listing withdrawn; never another's data."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from outbox.models import OutgoingEmail
from submissions.choices import Status
from submissions.links import make_token
from submissions.models import Partner, Submission

from .partner_space_support import (
    ALICE,
    BOB,
    ask_for_link,
    link_in_last_mail,
    partners_fixture,  # noqa: F401 - the "partners" fixture
    sign_in,
    url,
)
from .submissions_support import (  # noqa: F401
    event_data,
    form_url,
    organisation_data,
    portal_fixture,
)

pytestmark = pytest.mark.django_db


def test_known_and_unknown_addresses_get_the_same_answer(
    client, partners, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    known = ask_for_link(client, "ALICE@example.org", capture)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [ALICE]
    unknown = ask_for_link(client, "nobody@example.org", capture)
    assert len(mail.outbox) == 1  # nothing sent to an address that proposed nothing
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == url("partner_sent")
    assert not Partner.objects.filter(email="nobody@example.org").exists()
    page = client.get(known["Location"])
    assert "Si cette adresse nous est connue" in page.text
    assert page["Cache-Control"] == "private, no-store"
    # Stored before it is sent, with the partner it is about.
    stored = OutgoingEmail.objects.filter(recipients=[ALICE]).latest("pk")
    assert stored.sent_at is not None and "/fr/espace-partenaire/connexion/" in stored.body


def test_requests_are_limited_per_address_and_per_client(
    client, partners, settings, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    settings.PORTAL_PARTNER_SIGNIN_ADDRESS_RATE = "2/h"
    settings.PORTAL_PARTNER_SIGNIN_RATE = "6/h"
    for _ in range(4):
        response = ask_for_link(client, ALICE, capture)
        assert response.status_code == 302  # the same answer, but no more e-mails
    assert len(mail.outbox) == 2
    statuses = [ask_for_link(client, "someone@example.org", capture).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]  # the client's 7th request in the hour


def test_the_link_signs_in_once_and_the_space_lists_only_my_proposals(
    client, partners, django_capture_on_commit_callbacks
):
    link = sign_in(client, ALICE, django_capture_on_commit_callbacks)
    space = client.get(url("partner_space"))
    assert space.status_code == 200
    assert space["Cache-Control"] == "private, no-store" and space["X-Robots-Tag"] == "noindex"
    assert "Atelier Citoyen" in space.text and "Atelier budget participatif" in space.text
    assert "La Maison Commune" not in space.text
    assert "Publiée" in space.text and "En attente" in space.text

    again = Client().post(link)  # used: refused with a clear page
    assert again.status_code == 403 and "déjà été utilisé" in again.text
    assert again["Cache-Control"] == "private, no-store"

    client.post(url("partner_signout"))
    assert client.get(url("partner_space"))["Location"] == url("partner_request")


def test_expired_forged_and_misused_links_are_refused(
    client, partners, settings, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    ask_for_link(client, ALICE, capture)
    link = link_in_last_mail()
    token = link.rstrip("/").rsplit("/", 1)[1]
    forged = client.get(url("partner_signin", token=token[:-2] + "xx"))
    assert forged.status_code == 403 and "incomplet" in forged.text
    # A submission's private link is not a sign-in link, nor the other way round.
    submission_token = make_token(partners["organisation"])
    assert client.post(url("partner_signin", token=submission_token)).status_code == 403
    assert client.get(f"/fr/submission/{token}/").status_code == 403
    settings.PORTAL_PARTNER_SIGNIN_MINUTES = 0
    expired = client.post(link)
    assert expired.status_code == 403 and "expiré" in expired.text
    assert client.get(url("partner_space")).status_code == 302  # still signed out


def test_one_partner_never_sees_or_acts_on_another_s_proposals(
    client, partners, django_capture_on_commit_callbacks
):
    sign_in(client, BOB, django_capture_on_commit_callbacks)
    organisation = partners["organisation"]
    for name in ("partner_edit", "partner_withdraw"):
        assert client.get(url(name, pk=organisation.pk)).status_code == 404
        assert client.post(url(name, pk=organisation.pk)).status_code == 404
    assert client.get(url("partner_copy", pk=partners["event"].pk)).status_code == 404
    organisation.refresh_from_db()
    assert organisation.status == Status.PUBLISHED and organisation.page.live
    assert client.get(url("partner_edit", pk=partners["place"].pk)).status_code == 200


def test_a_change_goes_back_to_moderation(client, partners, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    sign_in(client, ALICE, capture)
    organisation = partners["organisation"]
    form = client.get(url("partner_edit", pk=organisation.pk))
    assert form.status_code == 200 and "Atelier Citoyen" in form.text
    data = organisation_data(email=ALICE, title="Atelier Citoyen de Lyon")
    with capture(execute=True):
        response = client.post(url("partner_edit", pk=organisation.pk), data)
    assert response.status_code == 302 and response["Location"] == url("partner_space")
    organisation.refresh_from_db()
    page = organisation.page.specific
    assert organisation.status == Status.PENDING
    assert page.title == "Atelier Citoyen" and page.live  # the live version waits for review
    assert page.get_latest_revision_as_object().title == "Atelier Citoyen de Lyon"
    assert page.current_workflow_state is not None
    assert "merci" in client.get(url("partner_space")).text.lower()


def test_an_event_is_copied_to_a_new_date_into_moderation(
    client, partners, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    sign_in(client, ALICE, capture)
    event = partners["event"]
    form = client.get(url("partner_copy", pk=event.pk))
    assert form.status_code == 200
    assert "Atelier budget participatif" in form.text and "Salle des fêtes" in form.text
    later = timezone.localtime() + dt.timedelta(days=60)
    data = event_data(
        email="ignored@example.org",
        start=later.strftime("%Y-%m-%dT18:00"),
        end=later.strftime("%Y-%m-%dT20:00"),
    )
    with capture(execute=True):
        response = client.post(url("partner_copy", pk=event.pk), data)
    assert response.status_code == 302
    copy = Submission.objects.filter(kind="event").exclude(pk=event.pk).get()
    assert copy.email == event.email  # the partner's, whatever was posted
    assert copy.status == Status.PENDING and not copy.page.live
    assert copy.page.specific.start.date() == later.date()
    assert copy.page.specific.current_workflow_state is not None


def test_withdrawing_asks_first_then_unpublishes_and_tells_the_editors(
    client, partners, settings, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    settings.PORTAL_STAFF_EMAILS = ["editors@example.org"]
    sign_in(client, ALICE, capture)
    organisation = partners["organisation"]
    confirm_page = client.get(url("partner_withdraw", pk=organisation.pk))
    assert confirm_page.status_code == 200 and "csrfmiddlewaretoken" in confirm_page.text
    organisation.refresh_from_db()
    assert organisation.page.live  # nothing happens on GET
    mail.outbox.clear()
    with capture(execute=True):
        response = client.post(url("partner_withdraw", pk=organisation.pk))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == Status.WITHDRAWN and not organisation.page.live
    assert PageLogEntry.objects.filter(
        page=Page.objects.get(pk=organisation.page_id), action="submissions.withdrawn"
    ).exists()
    assert [m.to for m in mail.outbox] == [["editors@example.org"]]
    space = client.get(url("partner_space")).text
    assert "Retirée par le partenaire" in space
    assert client.get(url("partner_withdraw", pk=organisation.pk)).status_code == 404


def test_csrf_is_required_to_withdraw(client, partners, django_capture_on_commit_callbacks):
    sign_in(client, ALICE, django_capture_on_commit_callbacks)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    organisation = partners["organisation"]
    assert strict.get(url("partner_withdraw", pk=organisation.pk)).status_code == 200
    assert strict.post(url("partner_withdraw", pk=organisation.pk)).status_code == 403
    organisation.refresh_from_db()
    assert organisation.page.live


def test_pages_exist_in_english(client, partners, django_capture_on_commit_callbacks):
    assert url("partner_request", "en") == "/en/partner-space/sign-in/"
    assert url("partner_request", "fr") == "/fr/espace-partenaire/connexion/"
    page = client.get(url("partner_request", "en"))
    assert page.status_code == 200 and "Send me a sign-in link" in page.text


def test_the_partner_row_goes_with_the_last_proposal(
    client, partners, django_capture_on_commit_callbacks
):
    from privacy import services

    sign_in(client, ALICE, django_capture_on_commit_callbacks)
    sign_in(client, BOB, django_capture_on_commit_callbacks)
    Submission.objects.filter(email__iexact=ALICE).delete()
    assert services.enforce_retention()["partner_accounts"] == 1
    assert list(Partner.objects.values_list("email", flat=True)) == [BOB]
    assert not OutgoingEmail.objects.filter(recipients=[ALICE], subject__contains="espace").exists()


def test_the_forms_and_the_status_page_lead_to_the_space(client, portal, partners):
    sign_in_page = url("partner_request")
    assert sign_in_page in client.get(portal["submit_fr"].url).text
    assert sign_in_page in client.get(form_url(portal, "event")).text
    status = client.get(f"/fr/submission/{make_token(partners['place'])}/")
    assert status.status_code == 200 and sign_in_page in status.text


def test_a_look_alike_address_is_not_the_partner(partners):
    # PostgreSQL's UPPER() folds the dotless ı into I: compared with iexact, alıce@ (another
    # mailbox) would be Alice and get her sign-in link. Case still does not matter.
    from submissions.partners import Partner, is_known

    assert is_known("ALICE@example.org")
    assert not is_known("alıce@example.org")
    assert not Partner(email="alıce@example.org").submissions().exists()
    assert Partner(email=ALICE).submissions().count() == 2


def test_on_https_the_session_cookie_is_host_only_and_secure(
    client, partners, settings, django_capture_on_commit_callbacks
):
    # Production's cookie setting: the __Host- prefix makes browsers refuse the cookie unless
    # it is Secure, for this host alone and for the whole site (no subdomain can plant it).
    settings.SESSION_COOKIE_SECURE = True
    sign_in(client, ALICE, django_capture_on_commit_callbacks)
    cookie = client.cookies["__Host-partner_session"]
    assert cookie["secure"] and cookie["httponly"] and cookie["path"] == "/"
    assert not cookie["domain"] and cookie["samesite"] == "Lax"
    assert "partner_session" not in client.cookies
    assert client.get(url("partner_space")).status_code == 200

    ended = client.post(url("partner_signout")).cookies["__Host-partner_session"]
    assert ended.value == "" and ended["secure"]
