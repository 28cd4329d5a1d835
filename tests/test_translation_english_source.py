"""A partner who writes in English creates English content; editors translate it into French
the same way they translate French pages (wagtail-localize's source is the language it was
written in)."""

from bs4 import BeautifulSoup
from django.core.cache import cache
from wagtail_localize.models import TranslationSource

from directory.models import OrganisationPage
from submissions.models import SubmissionIndexPage

from .submissions_support import organisation_data, submit
from .translation_support import World, segment_strings


def _alternates(html):
    soup = BeautifulSoup(html, "html.parser")
    return {
        link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')
    }


def _report_state(admin_client, title):
    soup = BeautifulSoup(
        admin_client.get("/admin/reports/translation-status/").content, "html.parser"
    )
    rows = {
        row.select_one("td.title a").get_text(strip=True): {
            item["data-locale"]: item["data-state"] for item in row.select("li[data-state]")
        }
        for row in soup.select("table.listing tbody tr")
    }
    return rows.get(title)


def test_english_proposal_is_the_source_of_its_french_translation(
    client, admin_client, site_tree, translate, django_capture_on_commit_callbacks
):
    cache.clear()  # the forms' rate limiter counts in the cache
    world = World(site_tree, translate)
    world.directory()
    proposals = world.add_page(
        site_tree["fr"], SubmissionIndexPage(title="Proposer", slug="proposer")
    )
    world.en_of(proposals, {"Proposer": "Submit", "proposer": "submit"})

    response = submit(
        client,
        "/en/submit/organisation/",
        organisation_data(
            title="Repair Cafe",
            summary="Neighbours mend things together.",
            description="Every Saturday morning.",
            city="Lille",
            website="https://repair.example.org/",
        ),
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    english = OrganisationPage.objects.get(title="Repair Cafe")
    assert english.locale.language_code == "en"
    english.get_latest_revision().publish()  # the moderator approves it
    english = OrganisationPage.objects.get(pk=english.pk)
    assert english.url == "/en/directory/repair-cafe/"

    # Only in English so far: x-default is the English page, and editors see it is missing
    # in French.
    assert _alternates(client.get(english.url).content.decode()) == {
        "en": "http://testserver/en/directory/repair-cafe/",
        "x-default": "http://testserver/en/directory/repair-cafe/",
    }
    assert _report_state(admin_client, "Repair Cafe") == {"fr": "missing"}

    # Translators are given the English words.
    assert segment_strings(english) == {
        "Repair Cafe",
        "repair-cafe",
        "Neighbours mend things together.",
        "Every Saturday morning.",
        "Lille",
    }
    french = translate(
        english,
        site_tree["locales"]["fr"],
        {
            "Repair Cafe": "Café réparation",
            "repair-cafe": "cafe-reparation",
            "Neighbours mend things together.": "Des voisins réparent ensemble.",
            "Every Saturday morning.": "Chaque samedi matin.",
            "Lille": "Lille",
        },
    )

    source = TranslationSource.objects.get(object_id=english.translation_key)
    assert source.locale.language_code == "en"
    assert french.live
    assert french.url == "/fr/annuaire/cafe-reparation/"
    assert french.website == "https://repair.example.org/"
    response = client.get(french.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Des voisins réparent ensemble." in html
    assert "Neighbours mend things together." not in html
    switcher = {
        a["hreflang"]: a["href"]
        for a in BeautifulSoup(html, "html.parser").select("nav.lang-switcher a")
    }
    assert switcher == {"en": "/en/directory/repair-cafe/"}
    # Both versions now exist: x-default goes to the default language's.
    assert _alternates(html)["x-default"] == "http://testserver/fr/annuaire/cafe-reparation/"
    # The report lists the page once, under its English source, translated into French.
    assert _report_state(admin_client, "Repair Cafe") == {"fr": "translated"}
    assert _report_state(admin_client, "Café réparation") is None
