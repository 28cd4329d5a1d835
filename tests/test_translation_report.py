"""Editors see which pages are untranslated or out of date."""

import pytest
from bs4 import BeautifulSoup

from home.models import ContentPage


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def _states(response):
    soup = BeautifulSoup(response.content, "html.parser")
    rows = {}
    for row in soup.select("table.listing tbody tr"):
        title = row.select_one("td.title a").get_text(strip=True)
        rows[title] = {li["data-locale"]: li["data-state"] for li in row.select("li[data-state]")}
    return rows


def test_report_lists_missing_outdated_and_translated_pages(editor_client, site_tree, translate):
    en = site_tree["locales"]["en"]
    synced = ContentPage(title="À jour", slug="a-jour")
    stale = ContentPage(title="Modifiée", slug="modifiee")
    alone = ContentPage(title="Seule", slug="seule")
    for page in (synced, stale, alone):
        site_tree["fr"].add_child(instance=page)
        page.save_revision().publish()
    translate(synced, en, {"À jour": "Up to date", "a-jour": "up-to-date"})
    translate(stale, en, {"Modifiée": "Changed", "modifiee": "changed"})
    stale.title = "Modifiée encore"
    stale.save_revision().publish()

    response = editor_client.get("/admin/reports/translation-status/")

    assert response.status_code == 200
    states = _states(response)
    assert states["À jour"] == {"en": "translated"}
    assert states["Modifiée encore"] == {"en": "outdated"}
    assert states["Seule"] == {"en": "missing"}
    assert "Up to date" not in states  # translations are listed under their source


def test_report_is_not_public(client, site_tree):
    response = client.get("/admin/reports/translation-status/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
