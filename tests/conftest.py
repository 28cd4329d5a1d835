"""The page tree, locales and site every test starts from.

`site_tree` gives a French home page at the root of the default site and its English
translation (made with wagtail-localize, as editors make it), so tests render real pages
through the real URL configuration.
"""

import pytest
from django.test import TestCase
from wagtail.models import Locale, Page, Site

from home.translation import translate as translate_with_glossary


def translate_now(instance, locale, glossary, **kwargs):
    """wagtail-localize publishes translations on commit; tests run inside a transaction
    that never commits, so run those callbacks straight away."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_with_glossary(instance, locale, glossary, **kwargs)
    return instance.get_translation(locale).specific


@pytest.fixture
def translate():
    return translate_now


@pytest.fixture
def locales(db):
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"fr": fr, "en": en}


@pytest.fixture
def site_tree(locales):
    from home.models import HomePage

    root = Page.get_first_root_node()
    Site.objects.all().delete()
    root.get_children().delete()  # Wagtail's "Welcome" placeholder page
    home_fr = HomePage(title="Accueil", slug="accueil", locale=locales["fr"])
    root.add_child(instance=home_fr)
    home_fr.save_revision().publish()
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=home_fr, is_default_site=True,
        site_name="Les Halles Civiques",
    )
    home_en = translate_now(home_fr, locales["en"], {"Accueil": "Home", "accueil": "home"})
    return {"site": site, "root": root, "fr": home_fr, "en": home_en, "locales": locales}
