"""One canonical origin (issue 18): JSON-LD, feeds and sitemaps name PORTAL_BASE_URL's origin,
whatever host the request came by; the Site record is set from it, and a check says when not."""

import datetime as dt
import json
import xml.etree.ElementTree as ET  # noqa: S405 - parses our own sitemap in tests
from zoneinfo import ZoneInfo

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core import checks
from wagtail.models import Site

from languages.origin import absolute_url, check_default_site, site_address
from tests import factories as f
from tests.test_programme_pages import add_event, programme  # noqa: F401 - fixture

ORIGIN = "https://halles.example"
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def canonical(settings, site_tree):
    settings.PORTAL_BASE_URL = ORIGIN + "/"
    settings.ALLOWED_HOSTS = ["testserver", "halles.example"]
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = site_address()
    site.save()
    return site


def urls_in(value):
    if isinstance(value, dict):
        return [url for item in value.values() for url in urls_in(item)]
    if isinstance(value, list):
        return [url for item in value for url in urls_in(item)]
    return [value] if isinstance(value, str) and value.startswith("http") else []


def test_site_address_and_absolute_urls(canonical):
    assert canonical.root_url == ORIGIN
    assert absolute_url("/media/a.png") == ORIGIN + "/media/a.png"
    assert absolute_url("https://cdn.example/a.png") == "https://cdn.example/a.png"


def test_json_ld_feeds_and_sitemap_name_one_origin(client, canonical, programme, news):  # noqa: F811
    day = dt.date.today() + dt.timedelta(days=4)
    event = add_event(programme, "debat", dt.datetime.combine(day, dt.time(19), PARIS), en=False)
    f.article(news["fr"], "La Halle ouvre", slug="la-halle-ouvre")
    page = BeautifulSoup(client.get(event.url).content, "html.parser")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    own = [url for url in urls_in(data) if "schema.org" not in url]
    assert own and all(url.startswith(ORIGIN + "/") for url in own), own

    for url in (f"{programme.url}feed/", news["fr"].url + "feed/"):
        feed = feedparser.parse(client.get(url).content)
        links = [feed.feed.link, *(link.href for link in feed.feed.links)]
        links += [entry.link for entry in feed.entries]
        assert feed.entries and all(link.startswith(ORIGIN + "/") for link in links), links

    calendar = client.get(f"{event.url}calendar/").content.decode()
    assert f"URL:{ORIGIN}/" in calendar and "testserver" not in calendar

    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    locations = [element.text for element in root.iter() if element.tag.endswith("}loc")]
    assert locations and all(loc.startswith(ORIGIN + "/") for loc in locations), locations


def test_a_site_record_on_another_origin_is_reported(settings, canonical):
    assert check_default_site() == []
    canonical.hostname, canonical.port = "localhost", 80
    canonical.save()
    (warning,) = check_default_site()
    assert warning.level == checks.WARNING and "http://localhost" in warning.msg
