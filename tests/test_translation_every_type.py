"""Every page type and every translatable snippet, translated the way editors translate.

Each case builds French content with words to translate and facts that must stay the same
(dates, coordinates, addresses, prices, capacities, images), then goes through
wagtail-localize's own models (TranslationSource, Translation, StringTranslation,
save_target) via `languages.translation.translate`. The tests prove, per type:

- translators are given exactly the words (no URL, date, number or image among the segments);
- the English version is published with the translated words and the French facts;
- readers get it at its English address, in English, with the switcher, hreflang and sitemap
  pointing at both versions;
- when the French version changes, the report says the English one needs updating, and
  syncing copies the new facts while keeping the translations.

A new page type or snippet is one more entry in CASES (and its builder).
"""

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail_localize.fields import get_translatable_fields

from .translation_support import World, segment_strings

PARIS = ZoneInfo("Europe/Paris")
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


@dataclass
class Case:
    """French content, what translators must be asked, and where readers see the result."""

    source: object
    glossary: dict  # every segment wagtail-localize extracts -> its English translation
    synced: list  # field names whose value the English version shares with the French one
    english_url: str  # where the English reader sees it (the page itself, or a page using it)
    english_texts: list  # words the English reader sees there
    french_texts: list = field(default_factory=list)  # words that must not leak into English
    french_page_texts: list = field(default_factory=list)  # what the French page says instead
    change: dict = field(default_factory=dict)  # synced field -> new French value, for the sync
    # (field, new French value, its English) for a translatable field changed in French; the
    # English may be a {segment: translation} dict when the field is rich text.
    retranslate: tuple = ()
    then: object = None  # what to translate once the source is (pages that use a snippet)


def soon(days=10, hour=18):
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), PARIS)


# --- One builder per page type -----------------------------------------------------------------


def home_case(world):
    home = world.tree["fr"]
    image = world.image()
    home.body = [
        {
            "type": "hero",
            "value": {
                "heading": "Bienvenue aux Halles",
                "text": "Un lieu pour agir ensemble.",
                "image": image.pk,
                # List items as the admin stores them (wagtail-localize skips the legacy
                # format of bare values, which the admin never saves).
                "links": [
                    {
                        "type": "item",
                        "id": "3f0c1f5e-5b1e-4a47-9d9f-1c2b3a4d5e6f",
                        "value": {
                            "label": "Nous rendre visite",
                            "page": None,
                            "url": "https://osm.org",
                        },
                    }
                ],
            },
        },
        {"type": "rich_text", "value": "<p>Ouvert à toutes et à tous.</p>"},
    ]
    home.save_revision().publish()
    home.refresh_from_db()  # the body as stored, list items with their ids, as editors save it
    return Case(
        source=home,
        glossary={
            "Accueil": "Home",
            "accueil": "home",
            "Bienvenue aux Halles": "Welcome to the Halls",
            "Un lieu pour agir ensemble.": "A place to act together.",
            "Nous rendre visite": "Visit us",
            "Ouvert à toutes et à tous.": "Open to everyone.",
        },
        synced=[],
        english_url="/en/",
        english_texts=["Welcome to the Halls", "A place to act together.", "Open to everyone."],
        french_texts=["Bienvenue aux Halles", "Ouvert à toutes et à tous."],
        retranslate=("title", "Accueil des Halles", "Home of the Halls"),
    )


def content_case(world):
    from home.models import ContentPage

    image = world.image("Pavillon")
    page = world.add_page(
        world.tree["fr"],
        ContentPage(
            title="Louer une salle",
            slug="louer-une-salle",
            introduction="Nos salles accueillent vos projets.",
            body=[
                {"type": "rich_text", "value": "<p>Écrivez-nous pour réserver.</p>"},
                {
                    "type": "image",
                    "value": {"image": image.pk, "alt_text": "La halle vide", "caption": "Hiver"},
                },
            ],
        ),
    )
    return Case(
        source=page,
        glossary={
            "Louer une salle": "Hire a room",
            "louer-une-salle": "hire-a-room",
            "Nos salles accueillent vos projets.": "Our rooms welcome your projects.",
            "Écrivez-nous pour réserver.": "Write to us to book.",
            "La halle vide": "The empty hall",
            "Hiver": "Winter",
        },
        synced=[],
        english_url="/en/hire-a-room/",
        english_texts=["Hire a room", "Our rooms welcome your projects.", "Write to us to book."],
        french_texts=["Nos salles accueillent vos projets."],
        retranslate=("introduction", "Nos salles vous attendent.", "Our rooms await you."),
    )


def directory_index_case(world):
    from directory.models import DirectoryIndexPage

    page = world.add_page(
        world.tree["fr"],
        DirectoryIndexPage(
            title="Annuaire", slug="annuaire", introduction="Les membres du réseau."
        ),
    )
    world.remember(DirectoryIndexPage, page)
    return Case(
        source=page,
        glossary={
            "Annuaire": "Directory",
            "annuaire": "directory",
            "Les membres du réseau.": "The network's members.",
        },
        synced=[],
        english_url="/en/directory/",
        english_texts=["Directory", "The network&#x27;s members."],
        french_texts=["Les membres du réseau."],
        retranslate=("introduction", "Tous les membres.", "All the members."),
    )


def organisation_case(world):
    from directory.models import OrganisationPage

    theme = world.theme()
    page = OrganisationPage(
        title="Fabrique des communs",
        slug="fabrique-des-communs",
        summary="Un collectif qui outille les communs.",
        description="<p>Des ateliers chaque semaine.</p>",
        organisation_type="collective",
        relation="partner",
        city="Marseille",
        country="FR",
        website="https://fabrique.example.org/",
        latitude=Decimal("43.296482"),
        longitude=Decimal("5.369780"),
        street_address="12 rue des Halles",
        postcode="13001",
        year_founded=2015,
        languages="fr, en",
        mastodon_url="https://mastodon.example/@fabrique",
        contact_email="bonjour@fabrique.example.org",
        contact_phone="+33 4 00 00 00 00",
        show_contact=True,
        logo=world.image("Logo"),
    )
    world.add_page(world.directory(), page)
    page.themes.set([theme])
    page.keywords.add("réemploi")
    page.save_revision().publish()
    return Case(
        source=page,
        glossary={
            "Fabrique des communs": "Commons Factory",
            "fabrique-des-communs": "commons-factory",
            "Un collectif qui outille les communs.": "A collective equipping the commons.",
            "Des ateliers chaque semaine.": "Workshops every week.",
            "Marseille": "Marseilles",
        },
        synced=[
            "website",
            "country",
            "latitude",
            "longitude",
            "logo_id",
            "organisation_type",
            "relation",
            "street_address",
            "postcode",
            "year_founded",
            "languages",
            "mastodon_url",
            "contact_email",
            "contact_phone",
            "show_contact",
        ],
        english_url="/en/directory/commons-factory/",
        english_texts=[
            "Commons Factory",
            "A collective equipping the commons.",
            "Workshops every week.",
            "Urban commons",  # the theme, in English
            "https://fabrique.example.org/",
            "bonjour@fabrique.example.org",
        ],
        french_texts=["Un collectif qui outille les communs.", "Communs urbains"],
        change={"latitude": Decimal("43.300000"), "website": "https://communs.example.org/"},
        retranslate=("summary", "Un collectif des communs.", "A commons collective."),
    )


def place_case(world):
    from directory.models import PlacePage

    page = PlacePage(
        title="La Maison du Peuple",
        slug="maison-du-peuple",
        summary="Une maison commune rénovée.",
        description="<p>Un bâtiment historique.</p>",
        lessons="<p>Ouvrir tôt le matin.</p>",
        gallery=[
            {"type": "image", "value": {"image": world.image("Salle").pk, "caption": "La salle"}}
        ],
        kind="civic-hall",
        city="Bruxelles",
        country="BE",
        latitude=Decimal("50.846557"),
        longitude=Decimal("4.351697"),
        year_opened=1899,
        website="https://maison.example.be/",
        step_free_access=True,
        image=world.image("Maison"),
    )
    world.add_page(world.directory(), page)
    return Case(
        source=page,
        glossary={
            "La Maison du Peuple": "The People's House",
            "maison-du-peuple": "peoples-house",
            "Une maison commune rénovée.": "A renovated common house.",
            "Un bâtiment historique.": "A historic building.",
            "Ouvrir tôt le matin.": "Open early in the morning.",
            "La salle": "The hall",
            "Bruxelles": "Brussels",
        },
        synced=[
            "kind",
            "country",
            "latitude",
            "longitude",
            "year_opened",
            "website",
            "step_free_access",
            "image_id",
        ],
        english_url="/en/directory/peoples-house/",
        english_texts=["A renovated common house.", "Open early in the morning.", "Brussels"],
        french_texts=["Une maison commune rénovée.", "Ouvrir tôt le matin."],
        change={"year_opened": 1900, "step_free_access": False},
        retranslate=("summary", "Une maison commune.", "A common house."),
    )


def programme_case(world):
    from programme.models import ProgrammePage

    page = world.add_page(
        world.tree["fr"],
        ProgrammePage(title="Programme", slug="programme", introduction="Tout ce qui arrive."),
    )
    world.remember(ProgrammePage, page)
    return Case(
        source=page,
        glossary={
            "Programme": "What's on",
            "programme": "whats-on",
            "Tout ce qui arrive.": "Everything coming up.",
        },
        synced=[],
        english_url="/en/whats-on/",
        english_texts=["Everything coming up."],
        french_texts=["Tout ce qui arrive."],
        retranslate=("introduction", "Tout ce qui vient.", "All that is coming."),
    )


def festival_case(world):
    from programme.models import FestivalPage

    start = dt.date(timezone.localdate().year + 1, 6, 12)
    page = world.add_page(
        world.programme(),
        FestivalPage(
            title="Festives Halles",
            slug="festives-halles",
            summary="Trois jours de fête civique.",
            description="<p>Concerts et débats.</p>",
            venues="Toute la halle",
            start_date=start,
            end_date=start + dt.timedelta(days=2),
            image=world.image("Affiche"),
        ),
    )
    return Case(
        source=page,
        glossary={
            "Festives Halles": "Festive Halls",
            "festives-halles": "festive-halls",
            "Trois jours de fête civique.": "Three days of civic celebration.",
            "Concerts et débats.": "Concerts and debates.",
            "Toute la halle": "The whole hall",
        },
        synced=["start_date", "end_date", "image_id"],
        english_url="/en/programme/festive-halls/",
        # Dates are written the English way on the English page.
        english_texts=["Three days of civic celebration.", f"12 June {start.year}"],
        french_texts=["Trois jours de fête civique.", "juin"],
        french_page_texts=[f"12 juin {start.year}"],
        change={"end_date": start + dt.timedelta(days=3)},
        retranslate=("summary", "Quatre jours de fête.", "Four days of celebration."),
    )


def event_case(world):
    from programme.models import EventPage

    room = world.room()
    theme = world.theme()
    start = soon()
    page = EventPage(
        title="Atelier réparation",
        slug="atelier-reparation",
        summary="On répare ensemble vos objets.",
        description="<p>Apportez vos appareils.</p>",
        accessibility_info="Rampe à l'entrée",
        start=start,
        end=start + dt.timedelta(hours=2),
        room=room,
        is_free=False,
        price=Decimal("5.00"),
        capacity=25,
        registration_mode="external",
        registration_url="https://billets.example.org/atelier",
        step_free_access=True,
        image=world.image("Atelier"),
    )
    world.add_page(world.programme(), page)
    page.themes.set([theme])
    page.save_revision().publish()
    return Case(
        source=page,
        glossary={
            "Atelier réparation": "Repair workshop",
            "atelier-reparation": "repair-workshop",
            "On répare ensemble vos objets.": "We mend your things together.",
            "Apportez vos appareils.": "Bring your appliances.",
            "Rampe à l'entrée": "Ramp at the entrance",
        },
        synced=[
            "start",
            "end",
            "room_id",
            "is_free",
            "price",
            "capacity",
            "registration_mode",
            "registration_url",
            "step_free_access",
            "image_id",
        ],
        english_url="/en/programme/repair-workshop/",
        english_texts=["We mend your things together.", "Great hall", "Urban commons"],
        french_texts=["On répare ensemble vos objets.", "Grande halle"],
        change={"price": Decimal("7.50"), "capacity": 30},
        retranslate=("summary", "On répare tout.", "We mend everything."),
    )


def news_index_case(world):
    from news.models import NewsIndexPage

    page = world.add_page(
        world.tree["fr"],
        NewsIndexPage(title="Actualités", slug="actualites", introduction="Des nouvelles."),
    )
    return Case(
        source=page,
        glossary={"Actualités": "News", "actualites": "news", "Des nouvelles.": "Some news."},
        synced=[],
        english_url="/en/news/",
        english_texts=["Some news."],
        french_texts=["Des nouvelles."],
        retranslate=("introduction", "Les nouvelles.", "The news."),
    )


def article_case(world):
    from news.models import ArticlePage

    author = world.author()
    theme = world.theme()
    page = ArticlePage(
        title="La halle rouvre",
        slug="la-halle-rouvre",
        introduction="Après travaux, la halle rouvre ses portes.",
        body=[{"type": "rich_text", "value": "<p>Venez nombreux samedi.</p>"}],
        date=dt.date(2026, 3, 14),
        kind="press-release",
        author=author,
        lead_image=world.image("Une"),
        lead_image_alt="La halle illuminée",
    )
    world.add_page(world.news(), page)
    page.themes.set([theme])
    page.save_revision().publish()
    return Case(
        source=page,
        glossary={
            "La halle rouvre": "The hall reopens",
            "la-halle-rouvre": "the-hall-reopens",
            "Après travaux, la halle rouvre ses portes.": "After works, the hall reopens.",
            "Venez nombreux samedi.": "Come along on Saturday.",
            "La halle illuminée": "The hall lit up",
        },
        synced=["date", "kind", "lead_image_id"],
        english_url="/en/news/the-hall-reopens/",
        english_texts=["Come along on Saturday.", "Editor", "March 14, 2026"],
        french_texts=["Venez nombreux samedi.", "Rédactrice", "14 mars"],
        french_page_texts=["14 mars 2026", "Rédactrice"],
        change={"date": dt.date(2026, 3, 15)},
        retranslate=("introduction", "La halle rouvre enfin.", "The hall reopens at last."),
    )


def search_case(world):
    from search.models import SearchPage

    page = world.add_page(
        world.tree["fr"],
        SearchPage(title="Recherche", slug="recherche", introduction="Cherchez dans le site."),
    )
    return Case(
        source=page,
        glossary={
            "Recherche": "Search",
            "recherche": "search",
            "Cherchez dans le site.": "Search the site.",
        },
        synced=[],
        english_url="/en/search/",
        english_texts=["Search the site."],
        french_texts=["Cherchez dans le site."],
        retranslate=("introduction", "Cherchez partout.", "Search everywhere."),
    )


def submissions_case(world):
    from submissions.models import SubmissionIndexPage

    page = world.add_page(
        world.tree["fr"],
        SubmissionIndexPage(
            title="Proposer", slug="proposer", introduction="Proposez une organisation."
        ),
    )
    return Case(
        source=page,
        glossary={
            "Proposer": "Submit",
            "proposer": "submit",
            "Proposez une organisation.": "Propose an organisation.",
        },
        synced=[],
        english_url="/en/submit/",
        english_texts=["Propose an organisation."],
        french_texts=["Proposez une organisation."],
        retranslate=("introduction", "Proposez un lieu.", "Propose a place."),
    )


def legal_case(world):
    from legal.models import LegalPage

    page = world.add_page(
        world.tree["fr"],
        LegalPage(title="Mentions légales", slug="mentions-legales", introduction="Qui publie."),
    )
    return Case(
        source=page,
        glossary={
            "Mentions légales": "Legal notice",
            "mentions-legales": "legal-notice",
            "Qui publie.": "Who publishes.",
        },
        synced=[],
        english_url="/en/legal-notice/",
        english_texts=["Who publishes."],
        french_texts=["Qui publie."],
        retranslate=("introduction", "Qui édite.", "Who edits."),
    )


def accessibility_statement_case(world):
    from legal.models import AccessibilityStatementPage

    page = world.add_page(
        world.tree["fr"],
        AccessibilityStatementPage(
            title="Accessibilité",
            slug="accessibilite",
            auditor="Atelier du lien",
            technologies="HTML5, CSS",
            compliance_rate=76,
        ),
    )
    return Case(
        source=page,
        glossary={"Accessibilité": "Accessibility", "accessibilite": "accessibility"},
        # The audit's facts are the same in every language.
        synced=["rgaa_version", "auditor", "technologies", "compliance_rate"],
        english_url="/en/accessibility/",
        english_texts=["Accessibility", "Atelier du lien"],
        retranslate=("title", "Déclaration d’accessibilité", "Accessibility statement"),
    )


def contact_case(world):
    from contact.models import ContactPage

    page = world.add_page(
        world.tree["fr"],
        ContactPage(
            title="Contact",
            slug="contact",
            introduction="<p>Écrivez-nous.</p>",
            to_address="equipe@example.org",
            subject="Message du site",
        ),
    )
    return Case(
        source=page,
        glossary={
            "Contact": "Contact",
            "contact": "contact",
            "Écrivez-nous.": "Write to us.",
            "Message du site": "Message from the site",
        },
        synced=["to_address"],
        english_url="/en/contact/",
        english_texts=["Write to us."],
        french_texts=["Écrivez-nous."],
        retranslate=("subject", "Message venu du site", "Message sent from the site"),
    )


def embed_builder_case(world):
    from embed_builder.models import EmbedBuilderPage

    page = world.add_page(
        world.tree["fr"],
        EmbedBuilderPage(title="Intégrer", slug="integrer", introduction="Copiez le code."),
    )
    return Case(
        source=page,
        glossary={
            "Intégrer": "Embed",
            "integrer": "embed",
            "Copiez le code.": "Copy the code.",
        },
        synced=[],
        english_url="/en/embed/",
        english_texts=["Copy the code."],
        french_texts=["Copiez le code."],
        retranslate=("introduction", "Copiez ce code.", "Copy this code."),
    )


# --- One builder per translatable snippet --------------------------------------------------


def theme_snippet_case(world):
    from directory.models import PlacePage, Theme

    theme = Theme.objects.create(
        name="Tiers-lieux",
        slug="tiers-lieux",
        description="Des lieux ouverts à tous.",
        locale=world.fr_locale,
    )
    place = PlacePage(title="Le Phare", slug="le-phare", summary="Un phare.", kind="civic-hall")
    world.add_page(world.directory(), place)
    place.themes.set([theme])
    place.save_revision().publish()
    world.en_of(
        place,
        {"Le Phare": "The Lighthouse", "le-phare": "lighthouse", "Un phare.": "A lighthouse."},
    )
    return Case(
        source=theme,
        glossary={
            "Tiers-lieux": "Third places",
            "tiers-lieux": "third-places",
            "Des lieux ouverts à tous.": "Places open to all.",
        },
        synced=[],
        english_url="/en/directory/lighthouse/",
        english_texts=["Third places", "?theme=third-places"],
        french_texts=["Tiers-lieux"],
        retranslate=("name", "Tiers lieux", "Third spaces"),
    )


def room_snippet_case(world):
    from programme.models import EventPage, Room

    room = Room.objects.create(
        name="Petite salle",
        slug="petite-salle",
        capacity=30,
        access_information="Au premier étage, avec ascenseur.",
        step_free_access=True,
        induction_loop=True,
        locale=world.fr_locale,
    )
    start = soon(days=12)
    event = world.add_page(
        world.programme(),
        EventPage(
            title="Lecture",
            slug="lecture",
            start=start,
            end=start + dt.timedelta(hours=1),
            room=room,
        ),
    )
    world.en_of(event, {"Lecture": "Reading", "lecture": "reading"})
    return Case(
        source=room,
        glossary={
            "Petite salle": "Small room",
            "Au premier étage, avec ascenseur.": "First floor, with a lift.",
        },
        synced=["slug", "capacity", "step_free_access", "induction_loop"],
        english_url="/en/programme/reading/",
        english_texts=["Small room", "First floor, with a lift."],
        french_texts=["Petite salle", "Au premier étage"],
        change={"capacity": 35},
        retranslate=("name", "Salle du haut", "Upstairs room"),
    )


def main_menu_case(world):
    from home.models import ContentPage
    from navigation.models import MainMenu, MenuItem

    about = world.add_page(world.tree["fr"], ContentPage(title="Qui sommes-nous", slug="qui"))
    world.en_of(about, {"Qui sommes-nous": "Who we are", "qui": "who"})
    menu = MainMenu(locale=world.fr_locale)
    menu.items = [
        MenuItem(label="Le réseau", link_page=about, locale=world.fr_locale),
        MenuItem(label="Carte", link_url="https://carte.example.org/", locale=world.fr_locale),
    ]
    menu.save()
    return Case(
        source=menu,
        glossary={"Le réseau": "The network", "Carte": "Map"},
        synced=[],
        english_url="/en/",
        english_texts=["The network", 'href="/en/who/"', 'href="https://carte.example.org/"'],
        french_texts=["Le réseau", 'href="/fr/qui/"'],
    )


def footer_snippet_case(world):
    from navigation.models import SiteFooter

    footer = SiteFooter.objects.create(
        locale=world.fr_locale,
        opening_hours="<p>Du mardi au samedi</p>",
        footer_text="<p>Un réseau de tiers-lieux civiques.</p>",
    )
    return Case(
        source=footer,
        glossary={
            "Du mardi au samedi": "Tuesday to Saturday",
            "Un réseau de tiers-lieux civiques.": "A network of civic third places.",
        },
        synced=[],
        english_url="/en/",
        english_texts=["Tuesday to Saturday", "A network of civic third places."],
        french_texts=["Du mardi au samedi", "Un réseau de tiers-lieux civiques."],
        retranslate=(
            "opening_hours",
            "<p>Du mercredi au samedi</p>",
            {"Du mercredi au samedi": "Wednesday to Saturday"},
        ),
    )


def author_snippet_case(world):
    from news.models import ArticlePage, Author

    author = Author.objects.create(
        name="Nour Haddad",
        role="Coordinatrice",
        bio="Elle anime le réseau.",
        photo=world.image("Portrait"),
        locale=world.fr_locale,
    )
    article = ArticlePage(
        title="Portrait", slug="portrait", introduction="Une rencontre.", author=author
    )
    world.add_page(world.news(), article)
    return Case(
        source=author,
        glossary={"Coordinatrice": "Coordinator", "Elle anime le réseau.": "She runs the network."},
        synced=["name", "photo_id"],
        english_url="/en/news/portrait-en/",
        english_texts=["Nour Haddad", "Coordinator", "She runs the network."],
        french_texts=["Coordinatrice", "Elle anime le réseau."],
        retranslate=("role", "Coordinatrice du réseau", "Network coordinator"),
        # An article can be translated once its author is (wagtail-localize translates the
        # author link, so it needs the English author first).
        then=lambda: world.en_of(
            article,
            {"Portrait": "Portrait", "portrait": "portrait-en", "Une rencontre.": "A meeting."},
        ),
    )


def rooms_index_case(world):
    from rooms.models import RoomsIndexPage

    page = world.add_page(
        world.tree["fr"],
        RoomsIndexPage(
            title="Salles",
            slug="salles",
            introduction="Nos salles pour vos projets.",
            conditions="<p>Réservé aux projets d'intérêt général.</p>",
        ),
    )
    world.remember(RoomsIndexPage, page)
    return Case(
        source=page,
        glossary={
            "Salles": "Rooms",
            "salles": "rooms",
            "Nos salles pour vos projets.": "Our rooms for your projects.",
            "Réservé aux projets d'intérêt général.": "For public-interest projects only.",
        },
        synced=[],
        english_url="/en/rooms/",
        english_texts=["Our rooms for your projects.", "For public-interest projects only."],
        french_texts=["Nos salles pour vos projets.", "intérêt général"],
        retranslate=("introduction", "Nos salles à louer.", "Our rooms for hire."),
    )


def room_page_case(world):
    from rooms.models import RoomPage, RoomsIndexPage

    index = world.index(RoomsIndexPage, "Salles", "salles", "Rooms", "rooms")
    page = RoomPage(
        title="Salle du belvédère",
        slug="salle-du-belvedere",
        room=world.room(),
        introduction="Une salle lumineuse sous le toit.",
        equipment="Vidéoprojecteur",
        available_for_hire=True,
        price_half_day=Decimal("40.00"),
        price_day=Decimal("70.00"),
    )
    world.add_page(index, page)
    return Case(
        source=page,
        glossary={
            "Salle du belvédère": "Belvedere room",
            "salle-du-belvedere": "belvedere-room",
            "Une salle lumineuse sous le toit.": "A bright room under the roof.",
            "Vidéoprojecteur": "Video projector",
        },
        synced=["room_id", "available_for_hire", "price_half_day", "price_day"],
        english_url="/en/rooms/belvedere-room/",
        english_texts=["A bright room under the roof.", "Video projector", "120"],
        french_texts=["Une salle lumineuse", "Vidéoprojecteur"],
        change={"price_day": Decimal("75.00")},
        retranslate=("introduction", "Une salle claire.", "A light room."),
    )


PAGE_CASES = {
    "home": home_case,
    "content": content_case,
    "directory_index": directory_index_case,
    "organisation": organisation_case,
    "place": place_case,
    "programme": programme_case,
    "festival": festival_case,
    "event": event_case,
    "news_index": news_index_case,
    "article": article_case,
    "search": search_case,
    "submissions": submissions_case,
    "rooms_index": rooms_index_case,
    "room_page": room_page_case,
    "legal": legal_case,
    "accessibility_statement": accessibility_statement_case,
    "contact": contact_case,
    "embed_builder": embed_builder_case,
}
SNIPPET_CASES = {
    "theme": theme_snippet_case,
    "room": room_snippet_case,
    "main_menu": main_menu_case,
    "footer": footer_snippet_case,
    "author": author_snippet_case,
}
CASES = {**PAGE_CASES, **SNIPPET_CASES}


@pytest.fixture
def world(site_tree, translate):
    return World(site_tree, translate)


def publish_source(instance):
    if isinstance(instance, DraftStateMixin):
        instance.save_revision().publish()
    else:
        instance.save()


def page_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# --- Every type: the words go to translators, the facts are shared, readers see English ----


def test_every_page_type_and_translatable_snippet_has_a_case():
    """A new page type or translatable snippet of the portal's own apps must get a case here
    (and in COVERED_*): this fails until it does."""
    from django.apps import apps
    from django.conf import settings

    own_apps = {
        config.label
        for config in apps.get_app_configs()
        if config.path.startswith(str(settings.BASE_DIR)) and ".venv" not in config.path
    }
    own_models = [model for model in apps.get_models() if model._meta.app_label in own_apps]
    page_models = {model._meta.label for model in own_models if issubclass(model, Page)}
    snippet_models = {
        model._meta.label
        for model in own_models
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
    }
    assert page_models == set(COVERED_PAGE_MODELS)
    assert set(COVERED_PAGE_MODELS.values()) == set(PAGE_CASES)
    assert set(COVERED_SNIPPET_MODELS.values()) == set(SNIPPET_CASES)
    # Menu items, single-date changes, room photos and contact form fields are translated with
    # their menu, event or page.
    assert snippet_models == set(COVERED_SNIPPET_MODELS) | {
        "navigation.MenuItem",
        "programme.OccurrenceOverride",
        "rooms.RoomPhoto",
        "contact.ContactFormField",  # translated with its contact page
    }


# The case (in CASES) that translates each of the portal's page types and snippets.
COVERED_PAGE_MODELS = {
    "home.HomePage": "home",
    "home.ContentPage": "content",
    "directory.DirectoryIndexPage": "directory_index",
    "directory.OrganisationPage": "organisation",
    "directory.PlacePage": "place",
    "programme.ProgrammePage": "programme",
    "programme.FestivalPage": "festival",
    "programme.EventPage": "event",
    "news.NewsIndexPage": "news_index",
    "news.ArticlePage": "article",
    "search.SearchPage": "search",
    "submissions.SubmissionIndexPage": "submissions",
    "rooms.RoomsIndexPage": "rooms_index",
    "rooms.RoomPage": "room_page",
    "legal.LegalPage": "legal",
    "legal.AccessibilityStatementPage": "accessibility_statement",
    "contact.ContactPage": "contact",
    "embed_builder.EmbedBuilderPage": "embed_builder",
}
COVERED_SNIPPET_MODELS = {
    "directory.Theme": "theme",
    "programme.Room": "room",
    "navigation.MainMenu": "main_menu",
    "navigation.SiteFooter": "footer",
    "news.Author": "author",
}


@pytest.mark.parametrize("name", CASES)
def test_translation_gives_translators_the_words_and_keeps_the_facts(client, world, name):
    case = CASES[name](world)
    labels = {**COVERED_PAGE_MODELS, **COVERED_SNIPPET_MODELS}
    assert labels[type(case.source)._meta.label] == name

    # Translators are asked for exactly these words: no address, date, number or image.
    assert segment_strings(case.source) == set(case.glossary)

    english = world.en_of(case.source, case.glossary)
    if case.then:
        case.then()

    assert english.locale.language_code == "en"
    assert english.translation_key == case.source.translation_key
    for name_ in case.synced:
        assert getattr(english, name_) == getattr(case.source, name_), name_
    for translatable in get_translatable_fields(type(case.source)):
        value = getattr(case.source, translatable.field_name, None)
        if (
            translatable.is_translated(case.source)
            and isinstance(value, str)
            and value in case.glossary
        ):
            assert getattr(english, translatable.field_name) == case.glossary[value]

    html = page_html(client, case.english_url)
    assert '<html lang="en">' in html
    for text in case.english_texts:
        assert text in html, text
    for text in case.french_texts:
        assert text not in html, text


@pytest.mark.parametrize("name", PAGE_CASES)
def test_english_page_is_linked_both_ways_and_listed_in_the_sitemap(client, world, name):
    case = CASES[name](world)
    english = world.en_of(case.source, case.glossary)
    assert english.live
    assert english.url == case.english_url
    french_url = case.source.url

    french_html = page_html(client, french_url)
    for text in case.french_page_texts:
        assert text in french_html, text
    french_soup = BeautifulSoup(french_html, "html.parser")
    switcher = {a["hreflang"]: a for a in french_soup.select("nav.lang-switcher a")}
    assert switcher["en"]["href"] == case.english_url
    assert "lang-switcher__note" not in str(switcher["en"])  # the exact page, no caveat

    english_soup = BeautifulSoup(page_html(client, case.english_url), "html.parser")
    assert english_soup.h1 is not None
    alternates = {
        link["hreflang"]: link["href"]
        for link in english_soup.select('link[rel="alternate"][hreflang]')
    }
    assert alternates == {
        "fr": f"http://testserver{french_url}",
        "en": f"http://testserver{case.english_url}",
        "x-default": f"http://testserver{french_url}",
    }

    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {
        url.find("s:loc", SITEMAP_NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in sitemap.findall("s:url", SITEMAP_NS)
    }
    assert entries[f"http://testserver{case.english_url}"] == {
        "fr": f"http://testserver{french_url}",
        "en": f"http://testserver{case.english_url}",
        "x-default": f"http://testserver{french_url}",
    }


@pytest.mark.parametrize("name", CASES)
def test_french_change_is_flagged_and_sync_updates_the_english_version(
    client, world, admin_client, name
):
    case = CASES[name](world)
    english = world.en_of(case.source, case.glossary)
    source = type(case.source).objects.get(pk=case.source.pk)
    for field_name, value in case.change.items():
        setattr(source, field_name, value)
    glossary = dict(case.glossary)
    if case.retranslate:
        field_name, french, english_words = case.retranslate
        setattr(source, field_name, french)
        glossary.update(
            english_words if isinstance(english_words, dict) else {french: english_words}
        )
    publish_source(source)

    if isinstance(source, Page):
        report = BeautifulSoup(
            admin_client.get("/admin/reports/translation-status/").content, "html.parser"
        )
        row = next(
            row
            for row in report.select("table.listing tbody tr")
            if row.select_one("td.title a").get_text(strip=True) == source.title
        )
        assert row.select_one("li[data-locale='en']")["data-state"] == "outdated"

    # The editor syncs the translation and translates the new words; the rest is kept.
    english = world.en_of(source, glossary)
    english = type(english).objects.get(pk=english.pk)
    for field_name, value in case.change.items():
        assert getattr(english, field_name) == value, field_name
    for field_name in case.synced:
        assert getattr(english, field_name) == getattr(source, field_name), field_name
    if case.retranslate:
        field_name, french, english_words = case.retranslate
        words = english_words.values() if isinstance(english_words, dict) else [english_words]
        for word in words:
            assert word in str(getattr(english, field_name))
    if isinstance(source, Page):
        assert english.live
        assert english.title == glossary[source.title]


@pytest.mark.parametrize(
    ("name", "relation"),
    [("organisation", "themes"), ("event", "themes"), ("article", "themes")],
)
def test_many_to_many_emptied_in_french_is_emptied_in_english(client, world, name, relation):
    """wagtail-localize alone keeps the old values when the French list becomes empty."""
    case = CASES[name](world)
    english = world.en_of(case.source, case.glossary)
    assert getattr(english, relation).exists()
    source = type(case.source).objects.get(pk=case.source.pk)
    getattr(source, relation).set([])
    source.save_revision().publish()

    english = world.en_of(source, case.glossary)

    english = type(english).objects.get(pk=english.pk)
    assert not getattr(english, relation).exists()
    assert "Urban commons" not in page_html(client, case.english_url)


def test_site_settings_are_facts_shared_by_every_language(client, site_tree):
    """The hall's address and contacts are one set of settings, not a translatable snippet:
    both languages show the same values without any translation step."""
    from navigation.models import SiteSettings

    assert not issubclass(SiteSettings, TranslatableMixin)
    settings = SiteSettings.for_site(site_tree["site"])
    settings.contact_email = "bonjour@halles.example.org"
    settings.street_address = "27 rue Piat"
    settings.mastodon_url = "https://mastodon.example/@halles"
    settings.save()

    for url in ("/fr/", "/en/"):
        html = page_html(client, url)
        assert "bonjour@halles.example.org" in html
        assert "27 rue Piat" in html
        assert "https://mastodon.example/@halles" in html
