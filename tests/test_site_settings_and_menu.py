"""What editors change in settings, the menu and the footer shows on every page."""

from bs4 import BeautifulSoup

from home.models import ContentPage
from navigation.models import MainMenu, MenuItem, SiteFooter, SiteSettings


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_site_settings_show_in_footer(client, site_tree):
    settings = SiteSettings.for_site(site_tree["site"])
    settings.street_address = "Pavillon du Parc de Belleville"
    settings.postcode = "75020"
    settings.city = "Paris"
    settings.contact_email = "bonjour@example.org"
    settings.mastodon_url = "https://mastodon.example/@halles"
    settings.save()

    footer = _soup(client.get("/fr/")).find("footer")

    assert "Pavillon du Parc de Belleville" in footer.address.get_text()
    assert footer.find("a", href="mailto:bonjour@example.org") is not None
    assert footer.find("a", href="https://mastodon.example/@halles").get_text() == "Mastodon"


def test_footer_text_follows_the_language(client, site_tree, translate):
    footer = SiteFooter.objects.create(
        locale=site_tree["locales"]["fr"],
        opening_hours="<p>Du mardi au samedi</p>",
        footer_text="<p>Un réseau de tiers-lieux</p>",
    )
    translate(
        footer,
        site_tree["locales"]["en"],
        {"Du mardi au samedi": "Tuesday to Saturday", "Un réseau de tiers-lieux": "A network"},
    )

    fr = _soup(client.get("/fr/")).find("footer").get_text()
    en = _soup(client.get("/en/")).find("footer").get_text()

    assert "Du mardi au samedi" in fr and "Tuesday to Saturday" not in fr
    assert "Tuesday to Saturday" in en and "A network" in en


def test_menu_edits_show_in_header_and_translated_links_follow_language(
    client, site_tree, translate
):
    about = ContentPage(title="À propos", slug="a-propos")
    site_tree["fr"].add_child(instance=about)
    about.save_revision().publish()
    translate(about, site_tree["locales"]["en"], {"À propos": "About", "a-propos": "about"})
    menu = MainMenu(locale=site_tree["locales"]["fr"])
    menu.items = [
        MenuItem(link_page=about, label=""),
        MenuItem(link_url="https://example.org/lettre", label="Lettre d’information"),
    ]
    menu.save()

    fr_nav = _soup(client.get("/fr/a-propos/")).select("nav.main-nav a")
    en_nav = _soup(client.get("/en/about/")).select("nav.main-nav a")

    assert [(a.get_text(), a["href"]) for a in fr_nav] == [
        ("À propos", "/fr/a-propos/"),
        ("Lettre d’information", "https://example.org/lettre"),
    ]
    assert fr_nav[0]["aria-current"] == "page"
    # No English menu yet: the French one is shown, its page links lead to English pages.
    assert en_nav[0]["href"] == "/en/about/" and en_nav[0].get_text() == "About"

    menu.items.get(link_url__startswith="https").delete()
    assert len(_soup(client.get("/fr/")).select("nav.main-nav a")) == 1


def test_menu_hides_unpublished_pages(client, site_tree):
    draft = ContentPage(title="Brouillon", slug="brouillon")
    site_tree["fr"].add_child(instance=draft)
    draft.save_revision().publish()
    menu = MainMenu(locale=site_tree["locales"]["fr"])
    menu.items = [MenuItem(link_page=draft)]
    menu.save()
    draft.unpublish()

    assert _soup(client.get("/fr/")).select("nav.main-nav a") == []
