"""Real-browser journey through the partner space: from the proposal forms to the sign-in
page, the link read from the outbox, the space, and a change sent back to moderation."""

import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client

from publicforms.defences import issue_started_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "fabrique@example.org"
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def page(browser):
    """A French tab; axe-core is injected as an inline script, which the CSP rightly forbids."""
    context = browser.new_context(locale="fr-FR", bypass_csp=True)
    yield context.new_page()
    context.close()


def axe_violations(page):
    """axe-core's violations on the page as it is (the signed-in pages, which the site-wide
    accessibility test cannot reach)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{page.url}: {v['id']}" for v in result["violations"]]


def _propose(live_server):
    """A proposal already made (the journey of test_submissions_browser.py)."""
    response = Client().post(
        "/fr/proposer/organisation/",
        {
            "title": "Fabrique des Communs",
            "summary": "Un collectif qui outille les communs urbains.",
            "description": "Nous accompagnons les habitants.",
            "organisation_type": "collective",
            "relation": "partner",
            "city": "Grenoble",
            "country": "FR",
            "email": EMAIL,
            "idempotency_token": str(uuid.uuid4()),
            "started": issue_started_token(time.time() - 60),
            "homepage": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]


def test_partner_signs_in_by_e_mail_and_proposes_a_change(page, live_server, demo_site, settings):
    from outbox.models import OutgoingEmail
    from submissions.models import Submission

    settings.PORTAL_FORM_MIN_SECONDS = 1
    _propose(live_server)

    # From the proposal forms to the sign-in page.
    page.goto(f"{live_server.url}/fr/proposer/")
    page.get_by_role("link", name="Connectez-vous à votre espace partenaire").click()
    page.wait_for_url("**/fr/espace-partenaire/connexion/")
    started = time.monotonic()
    page.get_by_label("L’adresse e-mail de vos propositions").fill(EMAIL.upper())
    time.sleep(max(0, 1.2 - (time.monotonic() - started)))
    page.get_by_role("button", name="M’envoyer un lien de connexion").click()
    page.wait_for_url("**/fr/espace-partenaire/lien-envoye/")
    assert "Si cette adresse nous est connue" in page.locator("main").inner_text()

    # The link, as the partner's mailbox would show it.
    email = OutgoingEmail.objects.filter(recipients=[EMAIL]).latest("pk")
    link = next(word for word in email.body.split() if "/espace-partenaire/connexion/" in word)
    page.goto(live_server.url + urlsplit(link).path)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/fr/espace-partenaire/")
    assert page.locator("h1").inner_text().strip() == "Mon espace partenaire"
    assert page.get_by_text("Fabrique des Communs").count() >= 1
    assert axe_violations(page) == []

    # A change goes back to moderation.
    page.get_by_role("link", name="Proposer des modifications").first.click()
    assert axe_violations(page) == []
    started = time.monotonic()
    page.fill("#id_summary", "Un collectif grenoblois qui outille les communs.")
    time.sleep(max(0, 1.2 - (time.monotonic() - started)))
    page.locator("form.submission-form button[type=submit]").click()
    page.wait_for_url("**/fr/espace-partenaire/")
    assert "relire vos modifications" in page.locator("main").inner_text()
    submission = Submission.objects.get(email=EMAIL)
    draft = submission.page.specific.get_latest_revision_as_object()
    assert draft.summary == "Un collectif grenoblois qui outille les communs."
    assert submission.status == "pending"

    # Signing out closes the space.
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url("**/fr/espace-partenaire/connexion/")
    page.goto(f"{live_server.url}/fr/espace-partenaire/")
    assert "/connexion/" in page.url
