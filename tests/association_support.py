"""Shared set-up for the tests of issue 21: contact page, legal pages, newsletter data."""

import time

import pytest
from django.core.cache import cache

from publicforms.defences import issue_started_token

CONTACT_GLOSSARY = {
    "Contact": "Contact",
    "contact": "contact",
    "Votre nom": "Your name",
    "Votre adresse e-mail": "Your e-mail address",
    "Votre message": "Your message",
}


@pytest.fixture(name="contact_page")
def contact_page_fixture(site_tree, translate):
    """A contact page in French (name, e-mail, message) and its English translation."""
    from contact.models import ContactFormField, ContactPage

    cache.clear()  # the rate limiter counts in the cache
    page = ContactPage(
        title="Contact",
        slug="contact",
        to_address="team@example.org, second@example.org",
        form_fields=[
            ContactFormField(label="Votre nom", field_type="singleline", sort_order=0),
            ContactFormField(label="Votre adresse e-mail", field_type="email", sort_order=1),
            ContactFormField(label="Votre message", field_type="multiline", sort_order=2),
        ],
    )
    site_tree["fr"].add_child(instance=page)
    page.save_revision().publish()
    english = translate(page, site_tree["locales"]["en"], CONTACT_GLOSSARY)
    yield {"fr": page, "en": english}
    cache.clear()


def contact_data(**overrides):
    data = {
        "votre_nom": "Camille Martin",
        "votre_adresse_e_mail": "Camille@Example.org",
        "votre_message": "Bonjour,\nPeut-on visiter le lieu samedi ?",
        "homepage": "",
        "started": issue_started_token(time.time() - 60),
    }
    data.update(overrides)
    return data


def newsletter_data(**overrides):
    data = {
        "email": "reader@example.org",
        "source": "/fr/",
        "homepage": "",
        "started": issue_started_token(time.time() - 60),
    }
    data.update(overrides)
    return data
