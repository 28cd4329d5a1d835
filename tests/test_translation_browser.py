"""Real-browser journey: an editor translates a French organisation into English with
wagtail-localize's own admin screens, and a visitor reads it at its English address.

The translation editor is a React application whose class names are generated, so the
selectors below lean on what an editor sees: the source text of a segment, the tab names and
the buttons' words (French or English, whichever the admin speaks).
"""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TRANSLATE = re.compile(r"^\s*(Traduire|Translate)\s*$")
SAVE = re.compile(r"^\s*(Enregistrer|Save)\s*$")
PUBLISH_IN = re.compile(r"Publi(er|sh) (dans|in)\s*English")

SEGMENTS = {
    "Atelier des Voisins": "Neighbours' Workshop",
    "Un atelier partagé de quartier.": "A shared neighbourhood workshop.",
    "Des outils et des voisins.": "Tools and neighbours.",
    "Roubaix": "Roubaix",
}


@pytest.fixture
def french_organisation(demo_site):
    from directory.models import DirectoryIndexPage, OrganisationPage

    index = DirectoryIndexPage.objects.get(locale__language_code="fr")
    page = OrganisationPage(
        title="Atelier des Voisins",
        slug="atelier-des-voisins",
        summary="Un atelier partagé de quartier.",
        description="<p>Des outils et des voisins.</p>",
        organisation_type="association",
        relation="member",
        city="Roubaix",
        website="https://atelier-des-voisins.example.org/",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _translate_segment(tab, source_text, translation):
    segment = tab.locator("li.incomplete").filter(has_text=source_text).first
    segment.get_by_role("button", name=TRANSLATE).click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name=SAVE).click()
    # Saved: the segment is no longer waiting for a translation and shows the new text.
    tab.locator("li:not(.incomplete)").filter(has_text=source_text).filter(
        has_text=translation
    ).first.wait_for()


def test_editor_translates_an_organisation_in_the_admin_and_visitors_read_it(
    page, live_server, french_organisation, django_user_model
):
    from directory.models import OrganisationPage

    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-for-tests-1")

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-for-tests-1")
    page.locator("button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/")

    # The editor opens the French page and chooses "Translate this page" in its actions menu.
    page.goto(f"{live_server.url}/admin/pages/{french_organisation.pk}/edit/")
    page.locator("header [data-w-dropdown-target='toggle']").first.click()
    translate_link = page.locator(f"a[href$='/localize/submit/page/{french_organisation.pk}/']")
    assert re.search(r"Tradui|Translate", translate_link.inner_text())
    translate_link.click()

    # wagtail-localize asks which languages; English is the only other one.
    page.get_by_label("English").check()
    page.locator("main form [type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    english = OrganisationPage.objects.get(
        translation_key=french_organisation.translation_key, locale__language_code="en"
    )
    assert page.url.endswith(f"/admin/pages/{english.pk}/edit/")

    # The translation editor lists the words to translate; synchronised facts such as the
    # website are shown as "use the French version", not as something to translate.
    editor = page.locator("main")
    assert editor.get_by_text("https://atelier-des-voisins.example.org/").count() == 1
    for source_text, translation in SEGMENTS.items():
        _translate_segment(editor, source_text, translation)
    # The slug is a segment too, under the "Promotion" tab.
    page.get_by_role("tab", name="Promotion").click()
    _translate_segment(editor, "atelier-des-voisins", "neighbours-workshop")

    page.get_by_role("button", name=PUBLISH_IN).click()
    page.wait_for_load_state("networkidle")
    english.refresh_from_db()
    assert english.live
    assert english.title == "Neighbours' Workshop"
    assert english.website == french_organisation.website

    # A visitor reads the English page, and the switcher leads back to the French one.
    visitor = page.context.browser.new_context(locale="en-GB")
    tab = visitor.new_page()
    response = tab.goto(f"{live_server.url}/en/directory/neighbours-workshop/")
    assert response.status == 200
    assert tab.locator("html").get_attribute("lang") == "en"
    assert tab.locator("h1").inner_text().strip() == "Neighbours' Workshop"
    assert tab.get_by_text("A shared neighbourhood workshop.").count() >= 1
    assert tab.get_by_text("Un atelier partagé de quartier.").count() == 0
    french_link = tab.locator("nav.lang-switcher a[hreflang='fr']")
    assert french_link.get_attribute("href") == "/fr/annuaire/atelier-des-voisins/"
    visitor.close()
    assert page.console_errors == []  # the admin and the translation editor ran cleanly
