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


def test_sync_in_the_admin_shows_the_new_words_to_translate(editor_client, site_tree, translate):
    """The editor changes the French page and uses wagtail-localize's "Sync translated pages":
    the English translation editor lists the new words untranslated, the old ones kept, and
    the report still says the English page needs updating until they are translated."""
    import json

    from wagtail_localize.models import TranslationSource

    en = site_tree["locales"]["en"]
    page = ContentPage(title="Horaires", slug="horaires", introduction="Ouvert le mardi.")
    site_tree["fr"].add_child(instance=page)
    page.save_revision().publish()
    english = translate(
        page,
        en,
        {
            "Horaires": "Opening hours",
            "horaires": "opening-hours",
            "Ouvert le mardi.": "Open on Tuesdays.",
        },
    )
    page.introduction = "Ouvert du mardi au samedi."
    page.save_revision().publish()
    source = TranslationSource.objects.get(object_id=page.translation_key)

    response = editor_client.post(f"/admin/localize/update/{source.pk}/", {})

    assert response.status_code == 302
    editor = BeautifulSoup(
        editor_client.get(f"/admin/pages/{english.pk}/edit/").content, "html.parser"
    ).select_one(".js-translation-editor")
    props = json.loads(editor["data-props"])
    sources = {s["id"]: s["source"] for s in props["segments"] if s["type"] == "string"}
    translated = {sources[t["segment_id"]]: t["data"] for t in props["initialStringTranslations"]}
    assert "Ouvert du mardi au samedi." in sources.values()
    assert "Ouvert du mardi au samedi." not in translated
    assert translated["Horaires"] == "Opening hours"
    assert _states(editor_client.get("/admin/reports/translation-status/"))["Horaires"] == {
        "en": "outdated"
    }

    translate(page, en, {"Ouvert du mardi au samedi.": "Open Tuesday to Saturday."})

    states = _states(editor_client.get("/admin/reports/translation-status/"))
    assert states["Horaires"] == {"en": "translated"}
