"""Every kind of public page, in French and in English, for the tests that visit them all
(query counts, canonical and alternate links).

`PortalSite(tree)` builds one page of each kind in both languages (the English ones are
translations of the French, sharing their translation keys) and 10 entries, events and
articles in each; `grow(n)` adds n more of each, in both languages.
"""

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from demo.bulk import bulk_children
from directory.models import OrganisationPage, PlacePage
from home.models import ContentPage
from navigation.models import MainMenu, MenuItem, SiteFooter, SiteSettings
from news.models import ArticlePage
from programme.models import EventPage, FestivalPage, ProgrammePage, Room
from rooms.models import RoomPage, RoomsIndexPage
from search.models import SearchPage
from submissions.models import SubmissionIndexPage
from tests import factories

LANGUAGES = ("fr", "en")

KINDS = [
    "home",
    "content page",
    "directory",
    "organisation",
    "place",
    "programme",
    "festival",
    "event",
    "news index",
    "article",
    "rooms index",
    "room",
    "search",
    "submission form",
    "room request form",
]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(page, locale, title, slug):
    """The English version of `page`, as a translator would publish it (under the English
    version of its parent)."""
    copy = page.copy_for_translation(locale)
    copy.title, copy.slug = title, slug
    copy.save()  # the new slug in the page's url_path, which routing reads
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy.specific


class PortalSite:
    """The page kinds of the portal in both languages; `grow(n)` adds entries and events."""

    def __init__(self, tree):
        fr, en = tree["locales"]["fr"], tree["locales"]["en"]
        self.locales = {"fr": fr, "en": en}
        self.home = {"fr": tree["fr"], "en": tree["en"]}
        home = self.home["fr"]
        self.room = Room.objects.create(name="Salle du belvédère", slug="belvedere", locale=fr)
        self.pages = {"fr": {}, "en": {}}
        french = self.pages["fr"]
        french["content page"] = publish(home, ContentPage(title="À propos", slug="a-propos"))
        french["directory"] = factories.directory_index(home)
        french["organisation"] = factories.organisation(french["directory"], "Les Halles")
        french["programme"] = publish(home, ProgrammePage(title="Programme", slug="programme"))
        french["festival"] = publish(
            french["programme"],
            FestivalPage(
                title="Festival",
                slug="festival",
                start_date=timezone.localdate(),
                end_date=timezone.localdate() + dt.timedelta(days=400),
            ),
        )
        french["news index"] = factories.news_index(home)
        french["rooms index"] = publish(home, RoomsIndexPage(title="Salles", slug="salles"))
        french["room"] = publish(
            french["rooms index"],
            RoomPage(title="Belvédère", slug="belvedere", room=self.room, price_day=Decimal(90)),
        )
        french["search"] = publish(home, SearchPage(title="Recherche", slug="recherche"))
        french["submit"] = publish(home, SubmissionIndexPage(title="Proposer", slug="proposer"))
        self._translate(en)
        self.count = 0
        for language in LANGUAGES:
            self._furniture(language)
        self.grow(10)
        for language in LANGUAGES:
            self._home_body(language)

    def _translate(self, en):
        english_names = {
            "content page": ("About us", "about"),
            "directory": ("Directory", "directory"),
            "organisation": ("Les Halles", "les-halles"),
            "programme": ("Programme", "whats-on"),
            "festival": ("Festival", "festival"),
            "news index": ("News", "news"),
            "rooms index": ("Rooms", "rooms"),
            "room": ("Belvedere", "belvedere"),
            "search": ("Search", "search"),
            "submit": ("Propose", "propose"),
        }
        for kind, (title, slug) in english_names.items():  # parents before their children
            self.pages["en"][kind] = translate(self.pages["fr"][kind], en, title, slug)

    def _furniture(self, language):
        locale, pages = self.locales[language], self.pages[language]
        menu = MainMenu.objects.create(locale=locale)
        for kind in ("directory", "programme", "news index", "rooms index", "content page"):
            MenuItem.objects.create(menu=menu, link_page=pages[kind], locale=locale)
        MenuItem.objects.create(
            menu=menu, label="Blog", link_url="https://example.org/", locale=locale
        )
        SiteFooter.objects.create(locale=locale, opening_hours="<p>Du mardi au samedi</p>")
        if language == "fr":
            site_settings = SiteSettings.for_site(self.home["fr"].get_site())
            site_settings.street_address = "1 rue du Parc"
            site_settings.save()

    def _home_body(self, language):
        home = self.home[language]
        home.refresh_from_db()  # publishing saves numchild: translations added children since
        places = PlacePage.objects.filter(locale=self.locales[language]).order_by("pk")
        home.body = [
            {"type": "upcoming_events", "value": {"heading": "Agenda", "count": 3}},
            {"type": "latest_news", "value": {"heading": "Actualités", "count": 3}},
            {
                "type": "featured_entries",
                "value": {
                    "heading": "À la une",
                    "entries": list(places.values_list("pk", flat=True)[:3]),
                },
            },
        ]
        home.save_revision().publish()

    def _twins(self, kind, page_class, rows):
        """`rows` as French pages under `kind`, and their English versions."""
        for language in LANGUAGES:  # a translation added a child the instance has not counted
            self.pages[language][kind].refresh_from_db()
        french_ids = bulk_children(self.pages["fr"][kind], page_class, rows)
        keys = dict(
            page_class.objects.filter(pk__in=french_ids).values_list("pk", "translation_key")
        )
        english = [
            {**row, "translation_key": keys[pk]} for pk, row in zip(french_ids, rows, strict=True)
        ]
        english_ids = bulk_children(self.pages["en"][kind], page_class, english)
        return {"fr": french_ids, "en": english_ids}

    def grow(self, n):
        """n more places (related to the organisation), organisations, events (some in the
        festival and the room, some repeating) and articles, in both languages."""
        first, self.count = self.count, self.count + n
        numbers = range(first, self.count)
        places = self._twins(
            "directory",
            PlacePage,
            [{"title": f"Lieu {i}", "slug": f"lieu-{i}", "kind": "civic-hall"} for i in numbers],
        )
        for language in LANGUAGES:
            organisation = self.pages[language]["organisation"]
            through = OrganisationPage.related_places.through
            through.objects.bulk_create(
                through(organisationpage_id=organisation.pk, placepage_id=pk)
                for pk in places[language]
            )
        self._twins(
            "directory",
            OrganisationPage,
            [
                {"title": f"Asso {i}", "slug": f"asso-{i}", "organisation_type": "association"}
                for i in numbers
            ],
        )
        for kind in ("programme", "festival"):
            self._twins(kind, EventPage, [self._event(i) for i in numbers])
        today = timezone.localdate()
        self._twins(
            "news index",
            ArticlePage,
            [
                {"title": f"Article {i}", "slug": f"article-{i}", "date": today - dt.timedelta(i)}
                for i in numbers
            ],
        )
        # The tables grew within the test's transaction, where PostgreSQL's autovacuum cannot
        # see them: tell the planner their size, as autovacuum (and the warm-up, on SQLite)
        # does in production. Statistics of emptier tables made some plans quadratic, and
        # the test took minutes.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def _event(self, i):
        start = timezone.now().replace(microsecond=0) + dt.timedelta(days=1 + i % 300, hours=i)
        event = {"title": f"Événement {i}", "slug": f"evenement-{i}", "start": start}
        event["end"] = start + dt.timedelta(hours=2)
        if i % 3 == 0:
            event["room"] = self.room
        if i % 10 == 0:
            event.update(recurrence_frequency="WEEKLY", recurrence_count=6)
        return event

    def url(self, kind, language="fr"):
        locale, pages = self.locales[language], self.pages[language]
        if kind == "home":
            return self.home[language].url
        if kind == "event":
            return EventPage.objects.child_of(pages["festival"]).first().url
        if kind == "place":
            return PlacePage.objects.filter(locale=locale).order_by("pk").first().url
        if kind == "article":
            return ArticlePage.objects.filter(locale=locale).order_by("pk").first().url
        if kind == "submission form":
            return pages["submit"].url + pages["submit"].reverse_subpage("event")
        if kind == "room request form":
            return pages["rooms index"].url + pages["rooms index"].reverse_subpage("request")
        return pages[kind].url
