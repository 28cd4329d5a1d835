"""Print, as JSON, what every live page of the site shows (its status, title and text) and
what editors wrote in it (the values of its own fields).

Run from a checkout's root (`python scripts/render_pages.py > pages.json`): it uses only
Django's and Wagtail's own APIs, so it reads a site built by an older version of the code as
well as the current one (scripts/migration_check.sh compares the two).
"""

import json
import os
import re
import sys
from html import unescape

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402

MAIN = re.compile(r"<main\b.*?</main>", re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
NOISE = re.compile(r"<(script|style)\b.*?</\1>", re.S)
TAG = re.compile(r"<[^>]+>")


def text(html):
    return " ".join(unescape(TAG.sub(" ", NOISE.sub(" ", html))).split())


# Kept by Wagtail or the code, not written by editors.
NOT_CONTENT = {
    "id",
    "path",
    "depth",
    "numchild",
    "url_path",
    "content_type",
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "first_published_at",
    "last_published_at",
    "locked_at",
    "locked_by",
    "owner",
    "draft_title",
    "translation_key",
    "has_unpublished_changes",
    "page_ptr",
    "last_confirmed",
}


def fields(page):
    """The page's own field values, as text: what editors wrote in it."""
    values = {}
    for field in page.specific._meta.concrete_fields:
        if field.name in NOT_CONTENT or field.name.endswith("_ptr"):
            continue
        value = field.value_from_object(page.specific)
        values[field.name] = text(str(value)) if value is not None else None
    return values


def render(client, url):
    response = client.get(url, HTTP_HOST="localhost")
    html = response.content.decode(errors="replace")
    main = MAIN.search(html)
    title = TITLE.search(html)
    return {
        "status": response.status_code,
        "title": text(title.group(1)) if title else "",
        "text": text(main.group(0)) if main else "",
    }


def main():
    client = Client(raise_request_exception=False)
    pages = {}
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
        url = page.get_url()
        if url:
            pages[url] = {**render(client, url), "fields": fields(page)}
    json.dump(pages, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
