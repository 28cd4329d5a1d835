"""The embed builder: the partner's choices become the widget's address, the code to copy and
the preview; the language-neutral address gives each reader the widget in their language."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from directory.models import Theme
from programme.models import FestivalPage
from tests.csp_support import csp_directives

from .hardening_support import PROGRAMME_PARAMS, demo, demo_db  # noqa: F401 - fixtures
from .test_hostile_input import HOSTILE, MARKERS

pytestmark = pytest.mark.usefixtures("demo")

BUILDER = {"fr": "/fr/integrer/", "en": "/en/embed/"}


def built(client, page_language="fr", **params):
    response = client.get(BUILDER[page_language], params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    code = soup.select_one("#embed-code").get_text()
    frame = BeautifulSoup(code, "html.parser").iframe
    preview = soup.select_one("iframe.embed-builder__preview")
    return soup, frame, preview


def test_by_default_the_directory_follows_the_readers_language(client):
    soup, frame, preview = built(client)
    assert frame["src"] == "http://testserver/embed/directory/"
    assert frame["title"] == "Annuaire des Halles Civiques"  # the page's language
    assert (frame["style"], frame["height"], frame["loading"]) == ("width: 100%", "900", "lazy")
    assert preview["src"] == frame["src"]
    assert soup.select_one("input[name=widget][value=directory]").has_attr("checked")
    # The widget's own filters, not a copy of them.
    names = {field["name"] for field in soup.select("#embed-filters [name]")}
    assert {"q", "type", "relation", "theme", "near", "radius", "view"} <= names


def test_the_partners_choices_make_the_address_and_the_code(client):
    french = Theme.objects.get(slug="democratie-participative")
    english = french.get_translation(Locale.objects.get(language_code="en"))
    _soup, frame, preview = built(
        client,
        widget="directory",
        type="association",
        theme=french.slug,
        view="map",
        language="en",
        height="600",
        title="Notre réseau",
    )
    address = urlsplit(frame["src"])
    assert address.path == "/en/directory/embed/"
    assert parse_qs(address.query) == {
        "type": ["association"],
        "theme": [english.slug],
        "view": ["map"],
    }
    assert frame["height"] == "600" and frame["title"] == "Notre réseau"
    assert preview["src"] == frame["src"]
    assert client.get(frame["src"]).status_code == 200


def test_programme_filters_carry_the_festival_into_the_chosen_language(client):
    festival = FestivalPage.objects.live().filter(locale__language_code="fr").first()
    english = festival.get_translation(Locale.objects.get(language_code="en"))
    _soup, frame, _preview = built(
        client, widget="programme", festival=str(festival.pk), free="on", language="en"
    )
    address = urlsplit(frame["src"])
    assert address.path == "/en/programme/embed/"
    assert parse_qs(address.query) == {"festival": [str(english.pk)], "free": ["1"]}
    _soup, frame, _preview = built(client, widget="programme", audience="families")
    assert frame["src"] == "http://testserver/embed/programme/?audience=families"


def test_without_a_live_programme_page_the_programme_filters_still_build():
    from django.http import QueryDict

    from embed_builder.builder import _filter_form
    from programme.models import ProgrammePage

    ProgrammePage.objects.update(live=False)  # no live programme page in any language
    form, values = _filter_form(
        "programme",
        QueryDict("audience=families", mutable=True),
        Locale.objects.get(language_code="fr"),
    )
    assert values == {"audience": ["families"]}
    assert [value for value, _label in form.fields["room"].choices][0] == ""  # rooms, no venue


def test_bad_choices_are_reported_and_left_out_never_fatal(client):
    soup, frame, _preview = built(
        client,
        type="bogus",
        height="99999",
        title='"><script>alert(1)</script>',
        widget="nothing",
    )
    assert frame["src"] == "http://testserver/embed/directory/"
    assert frame["height"] == "900"
    assert "<script>" not in frame["title"]
    errors = soup.select(".errorlist")
    assert len(errors) >= 2  # the height and the title say what is wrong
    text = str(soup.select_one("#embed-code"))
    assert "<script>" not in text and "&lt;iframe" in text  # the code is text, escaped


def test_the_code_is_escaped_whatever_the_title(client):
    _soup, frame, _preview = built(client, title="Annuaire « Halles » & co")
    assert frame["title"] == "Annuaire « Halles » & co"


def test_hostile_parameters_never_give_a_server_error(client):
    failures = []
    names = ["widget", "language", "height", "title", "q", "theme", "near", *PROGRAMME_PARAMS]
    for value in HOSTILE:
        for widget in ("directory", "programme"):
            params = {**dict.fromkeys(names, value), "widget": widget}
            response = client.get(BUILDER["en"], params)
            if response.status_code != 200:
                failures.append(f"{widget} {value[:20]!r}: {response.status_code}")
            elif any(marker in response.content.decode() for marker in MARKERS):
                failures.append(f"{widget} {value[:20]!r}: markup in the page")
            response = client.get(f"/embed/{widget}/", dict.fromkeys(names, value))
            # Too long for a redirect (2,048 characters) is a 400, like any bad request.
            if response.status_code not in (302, 400, 404):
                failures.append(f"/embed/{widget}/ {value[:20]!r}: {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "accept, expected",
    [
        ("en-GB,en;q=0.9", "/en/directory/embed/"),
        ("fr-FR,fr;q=0.9,en;q=0.5", "/fr/annuaire/embed/"),
        ("de-DE", "/fr/annuaire/embed/"),  # the site's default language
    ],
)
def test_the_neutral_address_follows_the_readers_language(client, accept, expected):
    french = Theme.objects.get(slug="democratie-participative")
    response = client.get(
        "/embed/directory/",
        {"theme": french.slug, "type": "association"},
        HTTP_ACCEPT_LANGUAGE=accept,
    )
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == expected
    language = expected[1:3]
    theme = french.get_translation(Locale.objects.get(language_code=language))
    assert parse_qs(target.query) == {"theme": [theme.slug], "type": ["association"]}
    assert "Accept-Language" in response["Vary"]
    assert "X-Frame-Options" not in response  # partners frame this address
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert f'<html lang="{language}">' in page.content.decode()


def test_unknown_widgets_are_not_found(client):
    assert client.get("/embed/agenda/").status_code == 404


def test_the_preview_may_frame_the_widget_when_partners_are_listed(client, settings):
    settings.PORTAL_EMBED_FRAME_ANCESTORS = ["https://partner.example.org"]
    policy = csp_directives(client.get("/fr/annuaire/embed/"))
    assert policy["frame-ancestors"] == ["https://partner.example.org", "'self'"]
    settings.PORTAL_EMBED_FRAME_ANCESTORS = ["*"]
    assert csp_directives(client.get("/fr/annuaire/embed/"))["frame-ancestors"] == ["*"]


def test_switching_widgets_keeps_no_error_from_the_other_widgets_empty_fields(client):
    # The page's script sends the whole form: the directory's empty fields come along.
    soup, frame, _preview = built(
        client, widget="programme", access="", sort="", type="", q="", view="list"
    )
    assert soup.select("#embed-filters .errorlist") == []
    assert frame["src"] == "http://testserver/embed/programme/"
