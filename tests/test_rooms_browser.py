"""Real-browser journey: an organisation requests a room through the public form, a moderator
confirms it in the Wagtail admin, and the requester's private status page says confirmed."""

import datetime as dt
import time

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_organisation_requests_staff_confirms_requester_sees(
    page, live_server, demo_site, settings
):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from rooms.models import RoomRequest

    settings.PORTAL_FORM_MIN_SECONDS = 1
    day = timezone.localdate() + dt.timedelta(days=45)

    # The organisation finds the room and its request link.
    page.goto(f"{live_server.url}/en/rooms/")
    page.get_by_role("link", name="Workshop room").first.click()
    page.wait_for_url("**/en/rooms/workshop-room/")
    assert "25" in page.locator(".room-facts__capacity").inner_text()
    page.locator("a.button[href*='/request/']").click()
    page.wait_for_url("**/en/rooms/request/?room=atelier")
    started = time.monotonic()
    page.fill("#id_organisation_name", "Fabrique des Communs")
    page.fill("#id_contact_name", "Léa Martin")
    page.fill("#id_email", "lea@example.org")
    page.fill("#id_purpose", "A workshop on shared governance for our members.")
    page.fill("#id_start", f"{day:%Y-%m-%d}T10:00")
    page.fill("#id_end", f"{day:%Y-%m-%d}T12:30")
    page.fill("#id_attendance", "18")
    time.sleep(max(0, 1.2 - (time.monotonic() - started)))
    page.locator("form.submission-form button[type=submit]").click()
    page.wait_for_url("**/en/rooms/request/*/?sent=1")
    status_url = page.url.split("?")[0]
    assert page.locator("[data-status]").get_attribute("data-status") == "pending"
    hire = RoomRequest.objects.get(organisation_name="Fabrique des Communs")
    assert hire.room.slug == "atelier" and hire.status == "pending"

    public_errors = [
        error for error in page.console_errors if "Failed to load resource" not in error
    ]

    # A moderator confirms it in the admin.
    user = get_user_model().objects.create_user("mod", "mod@example.org", "correct-horse-battery")
    user.groups.add(Group.objects.get(name="Moderators"))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "mod")
    page.fill("#id_password", "correct-horse-battery")
    page.locator("button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/snippets/rooms/roomrequest/")
    assert page.get_by_text("Fabrique des Communs").count() >= 1
    page.goto(f"{live_server.url}/admin/snippets/rooms/roomrequest/inspect/{hire.pk}/")
    page.locator("button[value=confirm]").click()
    page.wait_for_load_state("networkidle")
    hire.refresh_from_db()
    assert hire.status == "confirmed"

    # The requester's private page now says confirmed.
    page.goto(status_url)
    assert page.locator("[data-status]").get_attribute("data-status") == "confirmed"
    # The admin's gravatar images are blocked by the site's CSP (not room hire's concern);
    # the public pages of the journey must be clean.
    assert [error for error in public_errors if "favicon" not in error] == []
