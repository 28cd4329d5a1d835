"""Legal notice, privacy policy and accessibility statement: editable pages in both languages,
linked from every page's footer through the site settings, the RGAA statement's sections."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from wagtail.models import Locale, Page

from legal.choices import Compliance
from legal.models import AccessibilityStatementPage, LegalPage, LegalPagesSettings

from .hardening_support import demo, demo_db  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("demo")


def footer_links(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    nav = soup.select_one("footer nav.site-footer__legal")
    return [(a.get_text(strip=True), a["href"]) for a in nav.select("a")] if nav else []


def test_the_demo_creates_the_three_pages_in_both_languages_marked_as_placeholders(client):
    expected = {
        "/fr/mentions-legales/": ("Mentions légales", "[À COMPLÉTER"),
        "/en/legal-notice/": ("Legal notice", "[TO COMPLETE"),
        "/fr/donnees-personnelles/": ("Données personnelles", "[À COMPLÉTER"),
        "/en/privacy/": ("Privacy policy", "[TO COMPLETE"),
        "/fr/accessibilite/": ("Déclaration d’accessibilité", "[À COMPLÉTER"),
        "/en/accessibility/": ("Accessibility statement", "[TO COMPLETE"),
    }
    for url, (title, marker) in expected.items():
        response = client.get(url)
        assert response.status_code == 200, url
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.h1.get_text(strip=True) == title
        assert marker in soup.main.get_text(), url
    assert LegalPage.objects.filter(locale__language_code="en").count() == 2
    assert "Sample text to adapt" in client.get("/en/legal-notice/").content.decode()


def test_every_page_links_to_the_legal_pages_in_its_language(client):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    checked = 0
    for page in pages:
        language = page.locale.language_code
        links = footer_links(client, page.url)
        if language == "fr":
            assert links == [
                ("Mentions légales", "/fr/mentions-legales/"),
                ("Données personnelles", "/fr/donnees-personnelles/"),
                ("Accessibilité : partiellement conforme", "/fr/accessibilite/"),
                ("Contact", "/fr/contact/"),
            ], page.url
        else:
            assert links == [
                ("Legal notice", "/en/legal-notice/"),
                ("Privacy policy", "/en/privacy/"),
                ("Accessibility: partially compliant", "/en/accessibility/"),
                ("Contact", "/en/contact/"),
            ], page.url
        checked += 1
    assert checked > 30
    # Pages that are not Wagtail pages have the same footer.
    assert ("Legal notice", "/en/legal-notice/") in footer_links(client, "/en/newsletter/")
    assert ("Mentions légales", "/fr/mentions-legales/") in footer_links(client, "/fr/nowhere/")


def test_the_footer_follows_the_editors_changes_at_once(
    client, settings, django_capture_on_commit_callbacks
):
    # The page cache is dropped when the editor's change commits (pagecache/version.py).
    def commit():
        return django_capture_on_commit_callbacks(execute=True)

    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    cache.clear()
    client.get("/en/")  # the first rendering makes the image renditions (a content change)
    client.get("/en/")
    assert client.get("/en/")["X-Cache"] == "hit"

    statement = AccessibilityStatementPage.objects.get(locale__language_code="en")
    statement.compliance = Compliance.FULL
    with commit():
        statement.save_revision().publish()
    assert ("Accessibility: fully compliant", "/en/accessibility/") in footer_links(client, "/en/")

    legal = LegalPagesSettings.objects.get()
    legal.contact_page = None
    with commit():
        legal.save()
    links = footer_links(client, "/en/")
    assert ("Contact", "/en/contact/") not in links
    assert len(links) == 3

    # Without its English version, the policy is still linked: in French, marked as such.
    with commit():
        LegalPage.objects.get(slug="privacy").unpublish()
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    french = soup.select_one("footer nav.site-footer__legal a[lang=fr]")
    assert french.get_text() == "Données personnelles"
    assert french["href"] == "/fr/donnees-personnelles/"
    # Unpublished in every language: no link to a page that is not there.
    with commit():
        LegalPage.objects.get(slug="donnees-personnelles").unpublish()
    assert [label for label, _url in footer_links(client, "/en/")] == [
        "Legal notice",
        "Accessibility: fully compliant",
    ]


def test_the_accessibility_statement_follows_the_rgaa_model(client):
    statement = AccessibilityStatementPage.objects.get(locale__language_code="en")
    statement.compliance_rate = 72
    statement.auditor = "Access42"
    statement.save_revision().publish()
    soup = BeautifulSoup(client.get("/en/accessibility/").content, "html.parser")
    headings = [h2.get_text(strip=True) for h2 in soup.main.select("h2")]
    assert headings == [
        "Compliance state",
        "Content that is not accessible",
        "How this statement was established",
        "Feedback and contact",
        "Recourse",
    ]
    text = soup.main.get_text(" ", strip=True)
    assert "partially compliant with the French accessibility framework (RGAA), version 4.1.2" in (
        text
    )
    assert "carried out by Access42 shows that 72% of the RGAA criteria are met" in text
    assert "article 47 of French law no. 2005-102" in text
    assert "Défenseur des droits" in text and "Libre réponse 71120" in text
    contact = soup.main.select_one("#a11y-contact").parent
    assert contact.select_one("a[href='/en/contact/']") is not None
    assert contact.select_one("a[href^='mailto:']") is not None


def test_editors_manage_the_pages_and_the_footer_settings(admin_client):
    statement = AccessibilityStatementPage.objects.get(locale__language_code="fr")
    assert admin_client.get(f"/admin/pages/{statement.pk}/edit/").status_code == 200
    legal = LegalPage.objects.get(slug="mentions-legales")
    assert admin_client.get(f"/admin/pages/{legal.pk}/edit/").status_code == 200
    site = LegalPagesSettings.objects.get().site
    response = admin_client.get(f"/admin/settings/legal/legalpagessettings/{site.pk}/")
    assert response.status_code == 200
    english = Locale.objects.get(language_code="en")
    assert legal.get_translation_or_none(english) is not None
