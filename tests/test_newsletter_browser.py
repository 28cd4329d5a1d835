"""Real-browser journey: a reader signs up from the footer, confirms from the e-mail, then
leaves in one click from the welcome e-mail; without JavaScript, at 320 px."""

import re
import time

import pytest
from django.core import mail
from django.core.cache import cache

from newsletter.subscribers import Subscriber, SubscriberStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _link(message, kind):
    return re.search(rf"https?://\S+/newsletter/{kind}/\S+/", message.body).group(0)


@pytest.mark.parametrize("javascript", [False, True])
def test_sign_up_confirm_and_leave(browser, live_server, site_tree, settings, javascript):
    cache.clear()
    settings.PORTAL_FORM_MIN_SECONDS = 1
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # the links in the e-mails
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 320, "height": 800}, java_script_enabled=javascript
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(f"{live_server.url}/fr/")
    footer = page.locator("footer")
    started = time.monotonic()
    footer.get_by_label("Votre adresse e-mail").fill("lecteur@example.org")
    assert "lettre d’information" in footer.locator(".newsletter-form .helptext").inner_text()
    time.sleep(max(0, 1.2 - (time.monotonic() - started)))
    footer.get_by_role("button", name="S’inscrire").click()
    page.wait_for_url("**/fr/newsletter/check-your-inbox/")
    assert page.get_by_role("heading", level=1).inner_text() == "Consultez votre messagerie"
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING

    [confirmation] = mail.outbox
    page.goto(_link(confirmation, "confirm"))
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING  # opening is not enough
    page.get_by_role("button", name="Oui, je m’inscris").click()
    page.get_by_text("votre inscription est confirmée").wait_for()
    assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED

    # The same link again: a clear page, not an error.
    page.goto(_link(confirmation, "confirm"))
    assert "déjà confirmée" in page.locator("main").inner_text()
    assert page.get_by_role("button", name="Oui, je m’inscris").count() == 0

    welcome = mail.outbox[1]
    page.goto(_link(welcome, "unsubscribe"))
    page.get_by_role("button", name="Se désinscrire").click()
    page.get_by_role("heading", name="Désinscription confirmée").wait_for()
    assert Subscriber.objects.get().status == SubscriberStatus.UNSUBSCRIBED
    assert context.cookies() == []  # nothing set along the way
    assert errors == []
    context.close()
