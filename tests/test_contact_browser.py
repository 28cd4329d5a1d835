"""Real-browser journey: a reader writes to the team through the contact page, on a phone-sized
screen, first with a mistake the form explains, then successfully."""

import time

import pytest
from django.core import mail

from contact.models import ContactMessage

from .association_support import contact_page_fixture  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_sends_a_message_and_the_team_gets_it(
    browser, live_server, contact_page, settings
):
    settings.PORTAL_FORM_MIN_SECONDS = 1
    context = browser.new_context(locale="en-GB", viewport={"width": 320, "height": 800})
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(f"{live_server.url}/en/contact/")
    form = page.locator("main")
    email = form.get_by_label("Your e-mail address")
    assert (
        "only to answer your message"
        in page.locator(f"#{email.get_attribute('aria-describedby').split()[0]}").inner_text()
    )
    started = time.monotonic()
    form.get_by_label("Your name").fill("Camille Martin")
    email.fill("camille@example.org")
    form.get_by_label("Your message").fill("<b>Bonjour</b>, peut-on visiter samedi ?")
    time.sleep(max(0, 1.2 - (time.monotonic() - started)))
    page.get_by_role("button", name="Send the message").click()

    # Markup is refused with a clear message next to the field; what was typed stays.
    summary = page.get_by_role("alert")
    assert "HTML tags" in summary.inner_text()
    assert form.get_by_label("Your name").input_value() == "Camille Martin"
    assert ContactMessage.objects.count() == 0

    form.get_by_label("Your message").fill("Bonjour, peut-on visiter samedi ?")
    time.sleep(1.2)
    page.get_by_role("button", name="Send the message").click()
    page.wait_for_url("**/en/contact/?sent=1")
    assert page.get_by_role("heading", level=1).inner_text() == "Message sent"

    message = ContactMessage.objects.get()
    assert message.email == "camille@example.org"
    [sent] = mail.outbox
    assert sent.to == ["team@example.org", "second@example.org"]
    assert sent.extra_headers["Reply-To"] == "camille@example.org"
    # The refused post answered 400 (bad input is a 4xx), which the console reports; nothing else.
    assert errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]
    context.close()
