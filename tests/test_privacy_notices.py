"""Every public form that asks for an address says, next to it, why and for how long it is
kept; the privacy policy's table says the same, from the same settings."""

import pytest
from bs4 import BeautifulSoup

from .hardening_support import demo, demo_db  # noqa: F401 - fixtures
from .test_hostile_input import _open_event

pytestmark = pytest.mark.usefixtures("demo")


def _form_pages():
    from rooms.models import RoomsIndexPage
    from submissions.models import SubmissionIndexPage

    proposals = SubmissionIndexPage.objects.live().get(locale__language_code="en")
    rooms = RoomsIndexPage.objects.live().get(locale__language_code="en")
    event = _open_event().get_translation(proposals.locale)
    return [
        (
            proposals.url + proposals.reverse_subpage("organisation"),
            "email",
            ("private link", "erased 1 year after the last change"),
        ),
        (
            proposals.url + proposals.reverse_subpage("event"),
            "email",
            ("private link", "erased 1 year after the last change"),
        ),
        (
            rooms.url + rooms.reverse_subpage("request"),
            "email",
            ("private link", "erased 2 years after the date of the hire"),
        ),
        (event.url, "email", ("keep your place", "erased 1 year after the event")),
        (
            "/en/contact/",
            "votre_adresse_e_mail",
            ("only to answer your message", "erased 1 year after they were received"),
        ),
        ("/en/newsletter/", "email", ("only to send you the newsletter", "after 30 days")),
        ("/en/", "email", ("only to send you the newsletter", "after 30 days")),  # the footer
    ]


def _notice(html, name):
    soup = BeautifulSoup(html, "html.parser")
    field = soup.select_one(f"main input[name={name}]") or soup.select_one(
        f"footer input[name={name}]"
    )
    described = field.get("aria-describedby", "").split()
    assert described, f"{name} has no description"
    return " ".join(soup.find(id=ref).get_text(" ", strip=True) for ref in described)


def test_each_form_says_why_and_how_long_next_to_the_address(client):
    for url, name, (why, how_long) in _form_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        notice = _notice(response.content.decode(), name)
        assert why in notice and how_long in notice, (url, notice)


def test_the_notices_follow_the_settings_and_the_language(client, settings):
    settings.PORTAL_RETENTION_DAYS = {**settings.PORTAL_RETENTION_DAYS, "contact_messages": 90}
    notice = _notice(client.get("/en/contact/").content.decode(), "votre_adresse_e_mail")
    assert "3 months after they were received" in notice
    french = _notice(client.get("/fr/contact/").content.decode(), "votre_adresse_e_mail")
    assert "3 mois" in french


def test_the_privacy_policy_lists_every_kind_with_its_period(client, settings):
    from wagtail.models import Locale

    from legal.models import LegalPagesSettings
    from privacy import registry

    english = Locale.objects.get(language_code="en")
    policy = LegalPagesSettings.objects.get().privacy_policy.get_translation(english)
    soup = BeautifulSoup(client.get(policy.url).content, "html.parser")
    rows = {
        row.th.get_text(strip=True): row.find_all("td")[-1].get_text(strip=True)
        for row in soup.select(".retention-table tbody tr")
    }
    for source in registry.sources():
        if source.retention_rule:
            assert str(source.label) in rows
    assert rows["Room hire requests"] == "They are erased 2 years after the date of the hire."
