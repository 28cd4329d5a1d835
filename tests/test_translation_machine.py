"""Machine translation is offered in wagtail-localize's editor only when one is configured.

portal/settings/base.py sets WAGTAILLOCALIZE_MACHINE_TRANSLATOR to DeepL when DEEPL_API_KEY is
set (tests/test_settings_production.py checks both environments); here, what editors get in
each state. No test calls DeepL: the last one uses wagtail-localize's offline dummy translator
to show the whole path, from the button's address to a published English page.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.test import TestCase
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from home.models import ContentPage

DEEPL = {
    "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
    "OPTIONS": {"AUTH_KEY": "not-a-real-key"},
}
DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@pytest.fixture
def english_draft(site_tree, translate):
    """A French page whose English translation exists but has none of its words translated."""
    page = ContentPage(title="Venir aux Halles", slug="venir", introduction="Métro Pyrénées.")
    site_tree["fr"].add_child(instance=page)
    page.save_revision().publish()
    english = translate(
        page,
        site_tree["locales"]["en"],
        {"Venir aux Halles": "Visit", "venir": "visit", "Métro Pyrénées.": "Underground."},
    )
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=site_tree["locales"]["en"]
    )
    StringTranslation.objects.filter(
        translation_of__segments__source=translation.source, locale=translation.target_locale
    ).delete()
    return {"french": page, "english": english, "translation": translation}


def _editor_props(admin_client, page):
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    return json.loads(editor["data-props"])


def test_without_a_key_the_editor_offers_no_machine_translation(
    admin_client, settings, english_draft
):
    if hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR"):
        del settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR
    translation = english_draft["translation"]

    assert _editor_props(admin_client, english_draft["english"])["machineTranslator"] is None
    # The view answers 404; the language middleware first tries the address under /fr/.
    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), follow=True
    )
    assert response.status_code == 404
    assert not translation.source.stringsegment_set.filter(
        string__translations__locale=translation.target_locale
    ).exists()


def test_with_deepl_configured_the_editor_offers_it(admin_client, settings, english_draft):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DEEPL
    translation = english_draft["translation"]

    offer = _editor_props(admin_client, english_draft["english"])["machineTranslator"]

    assert offer == {
        "name": "DeepL",
        "url": reverse("wagtail_localize:machine_translate", args=[translation.pk]),
    }


def test_machine_translation_fills_the_segments_then_the_editor_publishes(
    admin_client, client, settings, english_draft
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    translation = english_draft["translation"]
    offer = _editor_props(admin_client, english_draft["english"])["machineTranslator"]

    admin_client.post(offer["url"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(
            f"/admin/pages/{english_draft['english'].pk}/edit/", {"action": "publish"}
        )

    assert response.status_code == 302
    english = ContentPage.objects.get(pk=english_draft["english"].pk)
    # The dummy translator reverses the words of each segment.
    assert english.title == "Halles aux Venir"
    assert english.introduction == "Pyrénées. Métro"
    assert english.live
    assert translation.source.stringsegment_set.count() == 3  # title, slug, introduction
    assert client.get(english.url).status_code == 200
