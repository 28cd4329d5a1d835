"""A reader filters the programme, opens an event, registers, and cancels from the e-mail;
a festival's venues on a map and in a list."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.browser


def test_filter_open_register_and_cancel_by_email(page, live_server, demo_site):
    from programme.models import EventPage, Registration

    page.goto(f"{live_server.url}/fr/programme/")
    page.select_option("select[name=format]", "debate")
    page.get_by_role("button", name=re.compile("Afficher|Show")).click()
    page.wait_for_url(re.compile(r"format=debate"))
    page.get_by_role("link", name=re.compile("Tirés au sort")).first.click()
    page.wait_for_url(re.compile(r"/debat-assemblees-citoyennes/"))

    form = page.locator("#registration form")
    form.get_by_label(re.compile("nom|name", re.I)).fill("Camille Martin")
    form.get_by_label(re.compile("courriel|e-mail", re.I)).fill("camille@example.org")
    form.get_by_role("button").click()
    page.wait_for_selector("#registration .messages")

    event = EventPage.objects.get(slug="debat-assemblees-citoyennes", locale__language_code="fr")
    registration = Registration.objects.get(email="camille@example.org")
    assert registration.event_id == event.pk and registration.status == "confirmed"
    (message,) = mail.outbox
    link = re.search(r"https?://\S+/registration/\S+/", message.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]

    page.goto(f"{live_server.url}/{path}")
    assert "Camille Martin" in page.content()
    page.get_by_role("button").filter(has_text=re.compile("Annuler|Cancel")).click()
    page.wait_for_selector("[role=status]")
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert not Registration.objects.filter(event=event, status="confirmed").exists()
    assert page.console_errors == []


def test_festival_map_shows_the_listed_venues(page, live_server, demo_site):
    from programme.models import FestivalPage
    from tests.test_directory_browser import _serve_blank_tiles

    _serve_blank_tiles(page)
    festival = FestivalPage.objects.get(locale__language_code="fr")
    page.goto(f"{live_server.url}{festival.url}")
    canvas = page.locator("[data-festival-map]")
    canvas.locator(".leaflet-marker-icon").first.wait_for()
    with_position = [
        item for item in page.locator(".festival-venues__item").all_inner_texts() if "48.87" in item
    ]
    assert canvas.locator(".leaflet-marker-icon").count() == len(with_position) >= 1
    canvas.locator(".leaflet-marker-icon").first.click()
    assert "Pelouses du belvédère" in page.locator(".leaflet-popup-content").inner_text()
    assert page.console_errors == []


@pytest.mark.parametrize("width", [320, 1280])
def test_list_rows_keep_their_hours_together_and_titles_easy_to_tap(
    browser, live_server, demo_site, width
):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="fr-FR")
    tab = context.new_page()
    for path in ("/fr/programme/", "/fr/annuaire/les-co-citoyens/"):  # plain and dated rows
        tab.goto(live_server.url + path)
        rows = tab.evaluate(
            """() => [...document.querySelectorAll('.agenda__item')].map((row) => {
                const hours = row.querySelector('.agenda__hours');
                const link = row.querySelector('.card__title a').getBoundingClientRect();
                return {
                    hoursOnOneLine: !hours || [...hours.getClientRects()].every(
                        (rect) => Math.abs(rect.top - hours.getClientRects()[0].top) < 4
                    ),
                    linkHeight: link.height,
                    date: row.querySelector('.agenda__date')?.textContent || '',
                };
            })"""
        )
        assert rows, path
        assert all(row["hoursOnOneLine"] for row in rows), path  # "14:00–18:00", not split
        assert min(row["linkHeight"] for row in rows) >= 24, path  # WCAG 2.5.8
        # French abbreviations are lower case with their full stop ("mer. 9 déc.").
        assert all(not re.search(r"[A-Z]", row["date"]) for row in rows), path
        assert not tab.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth"
        )
    context.close()
