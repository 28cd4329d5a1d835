"""The Atom feed of the news: valid XML, only live articles of the feed's language."""

import datetime as dt
import xml.etree.ElementTree as ET  # noqa: S405 - parses our own feed in tests

from django.utils import timezone

from tests import factories as f

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == f"{ATOM}feed"
    return root


def entries(root):
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "id": entry.findtext(f"{ATOM}id"),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")],
            "published": entry.findtext(f"{ATOM}published"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_feed_lists_only_live_articles_of_its_language(client, news, translate):
    today = timezone.localdate()
    opening = f.article(
        news["fr"],
        "La Halle ouvre",
        slug="la-halle-ouvre",
        date=today - dt.timedelta(days=4),
        introduction="Le pavillon & le parc.",
        author=news["author"],
        themes=[news["themes"]["places"]],
    )
    f.article(news["fr"], "Les Festives", slug="les-festives", date=today - dt.timedelta(days=1))
    f.article(news["fr"], "Brouillon", slug="brouillon", publish=False)
    f.article(
        news["fr"],
        "Plus tard",
        slug="plus-tard",
        go_live_at=timezone.now() + dt.timedelta(days=1),
    )
    retired = f.article(news["fr"], "Retiré", slug="retire")
    retired.unpublish()
    translate(
        opening,
        news["en_locale"],
        {
            "La Halle ouvre": "The hall opens",
            "la-halle-ouvre": "the-hall-opens",
            # wagtail-localize segments text as HTML: & is &amp; on both sides.
            "Le pavillon &amp; le parc.": "The pavilion &amp; the park.",
        },
    )

    fr = parse(client.get("/fr/actualites/feed/"))
    assert fr.get(XML_LANG) == "fr"
    assert fr.findtext(f"{ATOM}title") == "Actualités"
    self_link = [link for link in fr.findall(f"{ATOM}link") if link.get("rel") == "self"][0]
    assert self_link.get("href") == "http://testserver/fr/actualites/feed/"
    fr_entries = entries(fr)
    assert [e["title"] for e in fr_entries] == ["Les Festives", "La Halle ouvre"]

    en = parse(client.get("/en/news/feed/"))
    assert en.get(XML_LANG) == "en"
    (entry,) = entries(en)
    assert entry["title"] == "The hall opens"
    assert entry["link"] == "http://testserver/en/news/the-hall-opens/"
    assert entry["summary"] == "The pavilion & the park."
    assert entry["author"] == "Camille Martin"
    assert entry["categories"] == ["Third places"]  # the English theme, not the French row
    assert entry["published"].startswith((today - dt.timedelta(days=4)).isoformat())
    # Each language version is its own entry, with an id that survives a change of slug.
    assert entry["id"].startswith("urn:uuid:")
    assert entry["id"] not in {e["id"] for e in fr_entries}
    opening.slug = "nouvelle-adresse"
    opening.save_revision().publish()
    renamed = entries(parse(client.get("/fr/actualites/feed/")))
    assert renamed[1]["link"].endswith("/fr/actualites/nouvelle-adresse/")
    assert renamed[1]["id"] == fr_entries[1]["id"]


def test_feed_of_an_empty_index_is_valid(client, news):
    root = parse(client.get("/en/news/feed/"))
    assert entries(root) == []
