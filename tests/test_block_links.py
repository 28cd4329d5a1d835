"""Buttons of the hero and call-to-action blocks lead to the reader's language, the pages
they name looked up together, once per request (languages/links.py)."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import ContentPage
from tests.conftest import translate_now


def _content_page(home, title, slug, english):
    page = ContentPage(title=title, slug=slug)
    home.add_child(instance=page)
    page.save_revision().publish()
    translate_now(
        page,
        home.get_translation(home.locale.__class__.objects.get(language_code="en")).locale,
        {title: english, slug: english.lower()},
    )
    return page


@pytest.fixture
def english_home_with_french_links(site_tree):
    visit = _content_page(site_tree["fr"], "Venir", "venir", "Visit")
    rooms = _content_page(site_tree["fr"], "Louer une salle", "louer", "Rooms")
    body = [
        {
            "type": "hero",
            "value": {
                "heading": "Welcome",
                "text": "",
                "image": None,
                "links": [
                    {"label": "Visit", "page": visit.pk, "url": ""},
                    {"label": "Rooms", "page": rooms.pk, "url": ""},
                ],
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Rent a room",
                "text": "",
                "link": {"label": "Rent", "page": rooms.pk, "url": ""},
            },
        },
    ]
    home = site_tree["en"]
    home.body = json.dumps(body)
    home.save_revision().publish()
    return [visit.translation_key, rooms.translation_key]


def test_the_buttons_lead_to_the_english_pages(client, english_home_with_french_links):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")

    assert [a["href"] for a in soup.select(".hero__actions a")] == ["/en/visit/", "/en/rooms/"]
    assert soup.select_one(".cta a")["href"] == "/en/rooms/"


def test_their_pages_are_looked_up_in_one_query(client, english_home_with_french_links):
    client.get("/en/")

    with CaptureQueriesContext(connection) as queries:
        client.get("/en/")

    keys = english_home_with_french_links
    spelt = [form for key in keys for form in (key.hex, str(key))]  # SQLite, PostgreSQL
    lookups = [q["sql"] for q in queries if any(form in q["sql"] for form in spelt)]
    assert len(lookups) == 1  # the hero's two buttons together; the call to action reuses it
