"""A third language is a settings change plus translations: no code change."""

from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.models import Locale

from home.models import ContentPage

THREE_LANGUAGES = [("fr", "Français"), ("en", "English"), ("es", "Español")]


@override_settings(LANGUAGES=THREE_LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=THREE_LANGUAGES)
def test_spanish_pages_render_with_switcher_and_hreflang(client, site_tree, translate):
    spanish = Locale.objects.create(language_code="es")
    about = ContentPage(title="À propos", slug="a-propos", introduction="Un réseau.")
    site_tree["fr"].add_child(instance=about)
    about.save_revision().publish()
    translate(site_tree["fr"], spanish, {"Accueil": "Inicio", "accueil": "inicio"})
    translate(
        about,
        spanish,
        {"À propos": "Quiénes somos", "a-propos": "quienes-somos", "Un réseau.": "Una red."},
    )

    response = client.get("/es/quienes-somos/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "es"
    assert soup.h1.get_text() == "Quiénes somos"
    switcher = {a["hreflang"]: a["href"] for a in soup.select("nav.lang-switcher a")}
    assert switcher == {"fr": "/fr/a-propos/", "en": "/en/"}  # no English version: its home
    hreflangs = {link["hreflang"] for link in soup.select('link[rel="alternate"][hreflang]')}
    assert hreflangs == {"fr", "es", "x-default"}
    assert client.get("/", headers={"accept-language": "es-ES,es"})["Location"] == "/es/"
