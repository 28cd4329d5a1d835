"""Control characters (issue 18): refused with a message in every public form and every text
field an editor fills; feeds and calendars stay valid whatever is stored."""

import datetime as dt
from zoneinfo import ZoneInfo

import feedparser
import pytest
from django.urls import reverse
from icalendar import Calendar

from news.models import Author
from submissions.models import Submission
from tests import factories as f
from tests.test_programme_pages import add_event, programme  # noqa: F401 - fixture

from .submissions_support import (
    event_data,
    form_url,
    portal_fixture,  # noqa: F401 - the "portal" fixture
    submit,
)

PARIS = ZoneInfo("Europe/Paris")
MESSAGE = "caractère de contrôle invisible"  # the forms answer in French
BAD = ["Atelier\x0bbudget", "Atelier\x1b[31m", "Nul\x00", "C1\x85milieu"]


@pytest.mark.parametrize("title", BAD)
def test_partner_form_refuses_control_characters_and_stores_nothing(
    client, portal, django_capture_on_commit_callbacks, title
):
    response = submit(
        client,
        form_url(portal, "event"),
        event_data(title=title),
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 200
    assert MESSAGE in response.text or "Le caractère nul n’est pas autorisé" in response.text
    assert not Submission.objects.exists()


def test_tab_and_line_breaks_are_kept(client, portal, django_capture_on_commit_callbacks):
    data = event_data(description="Ligne une\r\n\tLigne deux")
    response = submit(client, form_url(portal, "event"), data, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert Submission.objects.count() == 1


def test_editor_forms_refuse_control_characters(admin_client, site_tree):
    url = reverse("wagtailsnippets_news_author:add")
    data = {"name": "Jeanne\x0bMartin", "role": "Rédactrice", "bio": "Bio\x1b"}
    response = admin_client.post(f"{url}?locale=fr", data)
    assert response.status_code == 200
    assert response.text.count(MESSAGE) == 2  # the name and the biography
    assert not Author.objects.exists()
    data.update(name="Jeanne Martin", bio="Bio")
    assert admin_client.post(f"{url}?locale=fr", data).status_code == 302


def test_every_text_field_of_every_editing_form_refuses_them():
    """The forms Wagtail builds for each page, snippet and setting of the portal."""
    from django import forms
    from django.apps import apps
    from django.core.exceptions import ValidationError
    from wagtail.admin.panels import get_edit_handler

    ours = {"home", "news", "rooms", "submissions", "programme", "directory", "navigation"}
    checked = 0
    for model in apps.get_models():
        if (
            model._meta.app_label not in ours
            or not hasattr(model, "panels")
            and not hasattr(model, "content_panels")
        ):
            continue
        form_class = get_edit_handler(model).get_form_class()
        for name, field in form_class.base_fields.items():
            if not isinstance(field, forms.CharField) or field.disabled:
                continue
            with pytest.raises(ValidationError) as refused:
                field.run_validators("Texte\x0bcaché")
            assert MESSAGE in str(refused.value), (model, name)
            checked += 1
    assert checked > 30


def test_feeds_and_calendars_stay_valid_with_bad_stored_text(client, programme, news):  # noqa: F811
    event = add_event(
        programme,
        "stocke",
        dt.datetime(2026, 10, 25, 18, tzinfo=PARIS),
        en=False,
        title="Stocké\x0b avant\x1b la règle",
        summary="Résumé\x07 ancien",
    )
    f.article(news["fr"], "Vieille\x0b nouvelle", slug="vieille", introduction="Intro\x1b")

    for url in (f"{programme.url}feed/", news["fr"].url + "feed/"):
        response = client.get(url)
        assert response.status_code == 200, url
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        assert parsed.entries

    feed = feedparser.parse(client.get(f"{programme.url}feed/").content)
    assert feed.entries[0].title == "Stocké avant la règle"

    for url in (f"{event.url}calendar/", "/fr/programme/calendar/?from=2026-10-01"):
        calendar = Calendar.from_ical(client.get(url).content)
        (vevent,) = calendar.walk("VEVENT")
        assert str(vevent["SUMMARY"]) == "Stocké avant la règle"
        assert str(vevent["DESCRIPTION"]) == "Résumé ancien"
