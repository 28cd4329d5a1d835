"""Real-browser journey: a partner proposes an organisation with a logo, a moderator approves
it in the Wagtail admin, and the organisation is public."""

import io
import time

import pytest
from PIL import Image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_partner_submits_moderator_approves_public_sees(
    page, live_server, demo_site, tmp_path, settings
):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from directory.models import OrganisationPage

    settings.PORTAL_FORM_MIN_SECONDS = 1
    logo = tmp_path / "logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (120, 120), (20, 120, 80)).save(buffer, format="PNG")
    logo.write_bytes(buffer.getvalue())

    # The partner finds the forms from the directory.
    page.goto(f"{live_server.url}/fr/annuaire/")
    page.locator(".propose-link a").click()
    page.wait_for_url("**/fr/proposer/")
    assert "/fr/proposer/" in page.url
    page.goto(f"{live_server.url}/fr/proposer/organisation/")
    started = time.monotonic()
    page.fill("#id_title", "Fabrique des Communs")
    page.fill("#id_summary", "Un collectif qui outille les communs urbains.")
    page.fill("#id_description", "Nous accompagnons les habitants.")
    page.select_option("#id_organisation_type", "collective")
    page.select_option("#id_relation", "partner")
    page.fill("#id_city", "Grenoble")
    page.fill("#id_email", "fabrique@example.org")
    page.set_input_files("#id_logo", str(logo))
    time.sleep(max(0, 1.2 - (time.monotonic() - started)))
    page.locator("form.submission-form button[type=submit]").click()
    page.wait_for_url("**/fr/proposer/thanks/")

    organisation = OrganisationPage.objects.get(title="Fabrique des Communs")
    assert not organisation.live and organisation.logo_id

    # A moderator approves it in the admin.
    user = get_user_model().objects.create_user("mod", "mod@example.org", "correct-horse-battery")
    user.groups.add(Group.objects.get(name="Moderators"))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "mod")
    page.fill("#id_password", "correct-horse-battery")
    page.locator("button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/snippets/submissions/submission/")
    assert page.get_by_text("Fabrique des Communs").count() >= 1
    page.goto(f"{live_server.url}/admin/pages/{organisation.pk}/edit/")
    page.locator("[data-w-dropdown-target='toggle']").filter(has_text="").last.click()
    approve = page.get_by_role("button", name="Approuver").or_(
        page.get_by_role("button", name="Approve")
    )
    approve.first.click()
    page.wait_for_load_state("networkidle")
    organisation.refresh_from_db()
    assert organisation.live

    # The public sees it, with its logo.
    page.goto(f"{live_server.url}/fr/annuaire/")
    assert page.get_by_text("Fabrique des Communs").count() >= 1
    page.goto(f"{live_server.url}{organisation.url}")
    assert page.locator("h1").inner_text().strip() == "Fabrique des Communs"
    assert page.locator("img").count() >= 1
