"""The whole path of a partner proposal: submit, moderate, publish, correct, publish again."""

import re

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from directory.models import OrganisationPage, PlacePage
from outbox.models import OutgoingEmail
from programme.models import EventPage
from submissions.choices import Status
from submissions.models import Submission

from .submissions_support import (
    PASSWORD,
    event_data,
    form_url,
    make_user,
    organisation_data,
    place_data,
    png_bytes,
    portal_fixture,  # noqa: F401 - the "portal" fixture
    submit,
    upload,
    workflow_action,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_client(client, portal):
    make_user("mod", "Moderators")
    client.login(username="mod", password=PASSWORD)
    return client


def _status_link(message):
    return re.search(r"http://testserver(/\w+/submission/[^/\s]+/)", message.body).group(1)


def test_organisation_submitted_moderated_and_published(
    client,
    portal,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.PORTAL_STAFF_EMAILS = ["staff@example.org"]
    data = organisation_data(themes=[portal["theme"].pk])
    data["logo"] = upload("logo.png", png_bytes())
    response = submit(
        client, form_url(portal, "organisation"), data, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/fr/proposer/thanks/")
    assert client.get(response["Location"]).status_code == 200

    submission = Submission.objects.get()
    page = submission.page.specific
    assert isinstance(page, OrganisationPage)
    assert not page.live
    assert page.get_parent().specific == portal["directory_fr"]
    assert page.locale.language_code == "fr" and submission.language == "fr"
    assert page.logo is not None and page.logo.collection.name == "Partner submissions"
    assert list(page.themes.all()) == [portal["theme"]]
    assert page.description == "<p>Nous animons des ateliers.</p><p>Deuxième paragraphe.</p>"
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Partner submissions"
    assert submission.origin_ip_hash and "127.0.0.1" not in submission.origin_ip_hash

    recipients = {message.to[0] for message in mail.outbox}
    assert {"partner@example.org", "staff@example.org"} <= recipients
    partner_mail = next(m for m in mail.outbox if m.to == ["partner@example.org"])
    assert "Atelier Citoyen" in partner_mail.body
    status_path = _status_link(partner_mail)
    status_page = client.get(status_path)
    assert status_page.status_code == 200
    assert "Pending review" in status_page.text or "En attente" in status_page.text
    assert OutgoingEmail.objects.filter(sent_at__isnull=True).count() == 0

    # Not public yet.
    assert "Atelier Citoyen" not in client.get(portal["directory_fr"].url).text

    # A moderator approves it in Wagtail's admin.
    make_user("mod", "Moderators")
    client.login(username="mod", password=PASSWORD)
    mail.outbox.clear()
    response = workflow_action(client, page, "approve", capture=django_capture_on_commit_callbacks)
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    submission.refresh_from_db()
    assert submission.status == Status.PUBLISHED
    published_mail = next(m for m in mail.outbox if m.to == ["partner@example.org"])
    assert page.get_full_url() in published_mail.body
    client.logout()

    listing = client.get(portal["directory_fr"].url)
    assert "Atelier Citoyen" in listing.text
    search = client.get(portal["directory_fr"].url, {"q": "atelier"})
    assert "Atelier Citoyen" in search.text
    assert client.get(page.url).status_code == 200
    assert page.url in client.get(status_path).text


def test_request_changes_then_edit_through_the_link_then_approve(
    client,
    portal,
    django_capture_on_commit_callbacks,
):
    submit(client, form_url(portal, "place"), place_data(), django_capture_on_commit_callbacks)
    submission = Submission.objects.get()
    page = submission.page.specific
    status_path = _status_link(next(m for m in mail.outbox if m.to == ["partner@example.org"]))

    make_user("mod", "Moderators")
    client.login(username="mod", password=PASSWORD)
    mail.outbox.clear()
    workflow_action(
        client, page, "reject", "Précisez la ville, merci.", django_capture_on_commit_callbacks
    )
    client.logout()
    submission.refresh_from_db()
    assert submission.status == Status.CHANGES_REQUESTED
    assert submission.moderator_comment == "Précisez la ville, merci."
    assert "Précisez la ville" in mail.outbox[0].body
    assert "Précisez la ville" in client.get(status_path).text

    edit_page = client.get(status_path + "edit/")
    assert edit_page.status_code == 200
    assert 'value="La Maison Commune"' in edit_page.text
    data = place_data(title="La Maison Commune de Nantes", city="Nantes-Est")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(status_path + "edit/", data)
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Status.PENDING
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert latest.title == "La Maison Commune de Nantes" and latest.city == "Nantes-Est"

    client.login(username="mod", password=PASSWORD)
    workflow_action(client, page, "approve", capture=django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert page.live and page.title == "La Maison Commune de Nantes"
    assert PlacePage.objects.live().filter(city="Nantes-Est").exists()


def test_published_listing_edit_goes_back_to_moderation(
    client,
    portal,
    django_capture_on_commit_callbacks,
):
    submit(
        client,
        form_url(portal, "organisation"),
        organisation_data(),
        django_capture_on_commit_callbacks,
    )
    submission = Submission.objects.get()
    page = submission.page.specific
    status_path = _status_link(mail.outbox[0])
    make_user("mod", "Moderators")
    client.login(username="mod", password=PASSWORD)
    workflow_action(client, page, "approve", capture=django_capture_on_commit_callbacks)
    client.logout()

    data = organisation_data(summary="Nouveau résumé.")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(status_path + "edit/", data)
    page.refresh_from_db()
    assert (
        page.live and page.summary == "Un atelier de démocratie locale."
    )  # still the approved one
    assert page.has_unpublished_changes
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    submission.refresh_from_db()
    assert submission.status == Status.PENDING

    client.login(username="mod", password=PASSWORD)
    workflow_action(client, page, "approve", capture=django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert page.summary == "Nouveau résumé."


def test_double_submission_creates_one_draft(client, portal, django_capture_on_commit_callbacks):
    data = organisation_data()
    first = submit(
        client, form_url(portal, "organisation"), data, django_capture_on_commit_callbacks
    )
    second = submit(
        client, form_url(portal, "organisation"), data, django_capture_on_commit_callbacks
    )
    assert first.status_code == second.status_code == 302
    assert Submission.objects.count() == 1
    assert OrganisationPage.objects.count() == 1


def test_english_proposal_goes_under_the_english_directory(
    client,
    portal,
    django_capture_on_commit_callbacks,
):
    data = place_data(title="Commons Hall", themes=[portal["theme_en"].pk])
    response = submit(
        client, form_url(portal, "place", "en"), data, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    page = Submission.objects.get().page.specific
    assert page.locale.language_code == "en"
    assert page.get_parent().specific == portal["directory_en"]
    partner_mail = mail.outbox[0]
    assert "/en/submission/" in partner_mail.body
    assert "We received your proposal" in partner_mail.subject


def test_event_linked_to_the_partners_published_organisation(
    client,
    portal,
    django_capture_on_commit_callbacks,
):
    submit(
        client,
        form_url(portal, "organisation"),
        organisation_data(),
        django_capture_on_commit_callbacks,
    )
    organisation = Submission.objects.get().page.specific
    status_path = _status_link(mail.outbox[0])
    token = status_path.rstrip("/").rsplit("/", 1)[1]
    make_user("mod", "Moderators")
    client.login(username="mod", password=PASSWORD)
    workflow_action(client, organisation, "approve", capture=django_capture_on_commit_callbacks)
    client.logout()

    status_page = client.get(status_path).text
    assert "?organisation=" in status_page
    url = form_url(portal, "event") + "?organisation=" + token
    assert "Atelier Citoyen" in client.get(url).text
    response = submit(client, url, event_data(), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    event = EventPage.objects.get()
    assert list(event.organisers.all()) == [organisation]
    assert event.get_parent().specific == portal["programme_fr"]
    assert not event.live

    # A forged organisation token links nothing.
    submit(
        client,
        form_url(portal, "event") + "?organisation=1.abc:forged:sig",
        event_data(title="Autre"),
        django_capture_on_commit_callbacks,
    )
    assert list(EventPage.objects.get(title="Autre").organisers.all()) == []


def test_decline_from_the_admin_emails_the_comment(
    client,
    portal,
    django_capture_on_commit_callbacks,
):
    from django.urls import reverse

    submit(
        client,
        form_url(portal, "organisation"),
        organisation_data(),
        django_capture_on_commit_callbacks,
    )
    submission = Submission.objects.get()
    status_path = _status_link(mail.outbox[0])
    make_user("mod", "Moderators")
    client.login(username="mod", password=PASSWORD)
    mail.outbox.clear()
    url = reverse("wagtailsnippets_submissions_submission:edit", args=[submission.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"status": "declined", "moderator_comment": "Hors du champ du réseau."}
        )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Status.DECLINED
    assert submission.page.current_workflow_state is None
    assert "Hors du champ du réseau." in mail.outbox[0].body
    client.logout()
    status = client.get(status_path)
    assert "Hors du champ du réseau." in status.text
    assert client.get(status_path + "edit/").status_code == 404
