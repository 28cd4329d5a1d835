"""Classic hostile input on every public form and query parameter: never a 500, never markup.

Each query-string test sends every hostile value to every parameter of one address and
collects the failures, so a single run lists everything that broke. Expected answers: a page
(the bad value ignored or reported), a 400 or a 404; nothing stored unless valid; whatever
was stored comes back escaped in the page, the feeds, the exports, the admin and the e-mails.
"""

import csv
import io
import json
import uuid
import xml.etree.ElementTree as ET  # noqa: S405 - parses our own feeds

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from directory.models import DirectoryIndexPage, OrganisationPage
from news.models import ArticlePage
from programme.models import EventPage, FestivalPage, ProgrammePage
from search.query import MAX_QUERY_WORDS
from submissions.models import Submission

from .hardening_support import (  # noqa: F401 - fixtures
    DIRECTORY_PARAMS,
    PROGRAMME_PARAMS,
    body,
    demo,
    demo_db,
)
from .submissions_support import event_data, organisation_data, place_data

SCRIPT = '<script>alert("xss")</script>'
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
MARKERS = ("<script>alert", "<img src=x onerror", "onerror=alert(1)>")

HOSTILE = [
    "",
    "   ",
    "\t\r\n",
    "a" * 50_000,
    "mot " * 5_000,
    "\x00",
    "abc\x00def",
    "\u202egnp.exe\u202c",
    "\u2066isolate\u2069\u200b\ufeff",
    "e\u0301" * 500,
    "😀" * 100,
    SCRIPT,
    ATTRIBUTE,
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "' OR '1'='1' --",
    "1; DROP TABLE wagtailcore_page; --",
    'foo AND bar OR NOT baz NEAR(x) "unbalanced',
    "title:x^3 a* b~2 {}[]()\\/:?%_",
    '=HYPERLINK("http://evil.example")',
    "+1",
    "-1",
    "@SUM(1)",
    "0",
    "99999999999999999999999999",
    "1e309",
    "nan",
    "-inf",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "\r\nSet-Cookie: hacked=1",
    "../../../../etc/passwd",
    "%00%ff",
]

OK = {200, 400, 404}

pytestmark = pytest.mark.usefixtures("demo")


def _page(model, language="fr"):
    return model.objects.live().filter(locale__language_code=language).order_by("path").first()


def _url(model, route="", language="fr"):
    page = _page(model, language)
    return page.url + (page.reverse_subpage(route) if route else "")


def _check(client, url, params, failures, allowed=OK):
    response = client.get(url, params)
    label = f"{url} {str(params)[:80]}"
    if response.status_code not in allowed:
        failures.append(f"{label}: {response.status_code}")
        return response
    markup = response.get("Content-Type", "").split(";")[0] in (
        "text/html",
        "application/atom+xml",
        "application/xml",
        "text/xml",
    )
    if response.status_code == 200 and markup:
        text = body(response).decode("utf-8", "replace")
        for marker in MARKERS:
            if marker in text:
                failures.append(f"{label}: unescaped {marker!r}")
    return response


# The values most likely to break one parameter on its own (the others stay empty).
SHARP = [
    "a" * 50_000,
    "abc\x00def",
    ATTRIBUTE,
    "99999999999999999999999999",
    "9999-12-31",
    "\r\nSet-Cookie: hacked=1",
]


def _throw(client, url, params, failures, allowed=OK, each=True):
    """Every hostile value in every parameter at once; with `each`, the sharpest values in
    each parameter alone too (a bad value elsewhere could hide a failure)."""
    for value in HOSTILE:
        _check(client, url, dict.fromkeys(params, value), failures, allowed)
    if each:
        for name in params:
            for value in SHARP:
                _check(client, url, {name: value}, failures, allowed)


# --- Query strings ---------------------------------------------------------------------------


@pytest.mark.parametrize("route", ["", "embed", "export_csv", "export_json", "export_geojson"])
def test_directory_and_its_exports_survive_hostile_parameters(client, route):
    failures = []
    _throw(client, _url(DirectoryIndexPage, route), DIRECTORY_PARAMS, failures, each=not route)
    assert not failures, "\n".join(failures)


def test_directory_api_survives_hostile_parameters(client, settings):
    settings.PORTAL_API_RATE_LIMIT = 0
    failures = []
    for endpoint in ("organisations", "places"):
        _throw(
            client,
            f"/api/v1/directory/{endpoint}/",
            [*DIRECTORY_PARAMS, "lang", "page_size"],
            failures,
            each=endpoint == "organisations",
        )
    for pk in ("0", "-1", "99999999999999999999", "abc", "%00"):
        response = client.get(f"/api/v1/directory/{pk}/")
        # Not a number: no API route, so the language redirect then the site's 404.
        if response.status_code not in {*OK, 302}:
            failures.append(f"entry {pk}: {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("route", ["", "calendar", "atom", "embed", "export_csv", "export_json"])
def test_programme_survives_hostile_parameters(client, route):
    failures = []
    _throw(client, _url(ProgrammePage, route), PROGRAMME_PARAMS, failures, each=not route)
    assert not failures, "\n".join(failures)


def test_events_api_survives_hostile_parameters(client, settings):
    settings.PORTAL_API_RATE_LIMIT = 0
    failures = []
    _throw(client, "/api/v1/events/", [*PROGRAMME_PARAMS, "lang", "page_size"], failures)
    assert not failures, "\n".join(failures)


def test_festival_survives_hostile_parameters(client):
    failures = []
    for route in ("", "calendar"):
        _throw(client, _url(FestivalPage, route), PROGRAMME_PARAMS, failures, each=not route)
    assert not failures, "\n".join(failures)


def test_programme_date_edges(client):
    """Dates at the ends of the calendar, reversed or over a year, archive or not."""
    url = _url(ProgrammePage)
    failures = []
    for start, end in [
        ("0001-01-01", "0001-01-02"),
        ("9999-12-30", "9999-12-31"),
        ("0001-01-01", "9999-12-31"),
        ("2026-12-31", "2026-01-01"),
        ("2026-01-01", ""),
        ("", "0001-01-01"),
        ("", "9999-12-31"),
    ]:
        for archive in ("", "1"):
            for route in ("", "calendar"):
                url = _url(ProgrammePage, route)
                _check(client, url, {"from": start, "to": end, "archive": archive}, failures)
    assert not failures, "\n".join(failures)


def test_event_pages_and_feeds_survive_hostile_parameters(client):
    event = _page(EventPage)
    failures = []
    for url in (event.url, event.url + "calendar/", _url(ArticlePage)):
        _throw(client, url, ["occurrence", "page", "q"], failures, each=False)
    for token in ("x", "a" * 5000, "..%2F..%2F", SCRIPT):
        _check(client, event.url + "registration/" + token + "/", {}, failures)
    assert not failures, "\n".join(failures)


def test_site_search_and_suggestions_survive_hostile_parameters(client):
    from search.models import SearchPage

    failures = []
    for route in ("", "suggest", "opensearch"):
        _throw(client, _url(SearchPage, route), ["q", "type", "page"], failures, each=not route)
    _throw(client, _url(DirectoryIndexPage, "autocomplete"), ["q"], failures, each=False)
    assert not failures, "\n".join(failures)


def test_news_index_survives_hostile_parameters(client):
    from news.models import NewsIndexPage

    failures = []
    for route in ("", "atom"):
        _throw(client, _url(NewsIndexPage, route), ["theme", "page"], failures, each=not route)
    assert not failures, "\n".join(failures)


def test_submission_pages_survive_hostile_parameters(client):
    from submissions.models import SubmissionIndexPage

    failures = []
    for route in ("", "organisation", "place", "event", "thanks"):
        _throw(
            client, _url(SubmissionIndexPage, route), ["organisation", "kind"], failures, each=False
        )
    for token in ("x", "a" * 5000, SCRIPT, "eyJ9.e30.%00"):
        for suffix in ("", "edit/"):
            # A bad private link answers 403 with an explanation.
            _check(client, f"/fr/submission/{token}/{suffix}", {}, failures, {*OK, 403})
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "query",
    [
        "q=%ff%fe",
        "q=%c3%28&theme=%e2%82",
        "q=%ed%a0%80",  # an encoded UTF-16 surrogate: invalid UTF-8
        "q=a&q=b&q=%3Cscript%3E&page=1&page=2&theme=x&theme=y&sort=name&sort=zzz",
        "page=0",
        "page=-1",
        "page=99999999999999999999",
        "page=1e10",
        "page=last",
        "near=91,181&radius=5",
        "near=-90,-180&radius=1000",
        "near=90,0&radius=1",
        "near=999,999",
        "near=48.85,2.35&radius=-5",
        "near=48.85,2.35&radius=1e309",
        "near=48.85,2.35&radius=nan",
        "near=48.85,2.35&radius=inf",
        "near=nan,nan",
        "near=" + "9" * 400,
        "lat=1e309&lon=-1e309&radius=0",
        "view=map&near=48.85,2.35&sort=distance",
        "view=" + "x" * 1000,
        "%00=%00",
        "q",
        "&&&==&",
    ],
)
def test_raw_query_strings(client, query):
    failures = []
    for route in ("", "export_csv", "export_geojson", "autocomplete"):
        _check(client, _url(DirectoryIndexPage, route) + "?" + query, {}, failures)
    _check(client, "/api/v1/directory/organisations/?" + query, {}, failures)
    _check(client, _url(ProgrammePage) + "?" + query, {}, failures)
    _check(client, "/fr/recherche/?" + query, {}, failures)
    _check(client, "/fr/actualites/?" + query, {}, failures)
    assert not failures, "\n".join(failures)


def test_a_huge_query_is_cut_before_it_reaches_the_database(client):
    """50,000 characters without a space, or thousands of words: the words are cut to
    MAX_QUERY_WORDS and the query runs once, so the answer stays as cheap as a short query."""
    from directory.filters import DirectoryFilterForm
    from search.vocabulary import plan

    assert len(plan("mot " * 10_000, "fr").words) <= MAX_QUERY_WORDS
    for value in ("a" * 50_000, "mot " * 10_000):
        form = DirectoryFilterForm({"q": value})
        assert form.is_valid()
        assert len(form.cleaned_data["q"]) <= 200

    url = _url(DirectoryIndexPage)
    with CaptureQueriesContext(connection) as short:
        assert client.get(url, {"q": "halle"}).status_code == 200
    for value in ("a" * 50_000, "halle " * 10_000):
        with CaptureQueriesContext(connection) as long:
            response = client.get(url, {"q": value})
        assert response.status_code == 200
        assert len(long) <= len(short) + 2
        assert max(len(q["sql"]) for q in long) < 20_000
    for value in ("a" * 50_000, "halle " * 10_000):
        with CaptureQueriesContext(connection) as long:
            assert client.get("/fr/recherche/", {"q": value}).status_code == 200
        assert max(len(q["sql"]) for q in long) < 20_000


# --- Forms -----------------------------------------------------------------------------------


FORM_DATA = {"organisation": organisation_data, "place": place_data, "event": event_data}


def _post(client, url, data, capture):
    with capture(execute=True):
        return client.post(url, data)


@pytest.mark.parametrize("kind", ["organisation", "place", "event"])
def test_submission_forms_refuse_or_store_hostile_fields(
    client, kind, django_capture_on_commit_callbacks, settings
):
    """Each field in turn gets each hostile value: the form again (200) or a stored proposal
    (302); nothing stored from an invalid form; never a 500."""
    from submissions.models import SubmissionIndexPage

    settings.PORTAL_FORM_RATE = "100000/h"
    url = _url(SubmissionIndexPage, kind)
    fields = [name for name in FORM_DATA[kind]() if name not in ("idempotency_token", "started")]
    fields.remove("homepage")  # the honeypot: any value refuses the form, tested elsewhere
    cases = [{name: value for name in fields} for value in HOSTILE if len(value) < 20_000]
    cases += [{name: value} for name in fields for value in [*SHARP, "", SCRIPT, "x" * 20_000]]
    failures = []
    for case in cases:
        before = Submission.objects.count()
        data = FORM_DATA[kind](**case, idempotency_token=str(uuid.uuid4()))
        response = _post(client, url, data, django_capture_on_commit_callbacks)
        stored = Submission.objects.count() - before
        label = f"{kind} {str(case)[:60]}"
        if response.status_code == 302:
            if stored != 1:
                failures.append(f"{label}: redirected but stored {stored}")
        elif response.status_code in (200, 400, 429):
            if stored:
                failures.append(f"{label}: form refused but stored {stored}")
            text = body(response).decode()
            if any(marker in text for marker in MARKERS):
                failures.append(f"{label}: unescaped markup in the form again")
        else:
            failures.append(f"{label}: {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
    ],
)
def test_dangerous_website_addresses_are_refused(
    client, url, django_capture_on_commit_callbacks, settings
):
    from submissions.models import SubmissionIndexPage

    settings.PORTAL_FORM_RATE = "100000/h"
    index = _page(SubmissionIndexPage)
    for kind, field in (("organisation", "website"), ("event", "registration_url")):
        extra = {"registration_mode": "external"} if kind == "event" else {}
        data = FORM_DATA[kind](**{field: url, **extra})
        response = _post(
            client,
            index.url + index.reverse_subpage(kind),
            data,
            django_capture_on_commit_callbacks,
        )
        assert response.status_code == 200, (kind, url)
        assert Submission.objects.count() == 0
        assert field in response.context["form"].errors


def test_stored_markup_is_escaped_in_emails_admin_and_status_page(
    client, admin_client, django_capture_on_commit_callbacks, settings
):
    from submissions.models import SubmissionIndexPage

    settings.PORTAL_STAFF_EMAILS = ["staff@example.org"]
    index = _page(SubmissionIndexPage)
    title = f"Atelier {SCRIPT}{ATTRIBUTE}"[:150]
    data = organisation_data(
        title=title,
        summary=ATTRIBUTE,
        description=f"{SCRIPT}<a href='javascript:alert(1)'>lien</a><b onclick='x()'>gras</b>",
    )
    response = _post(
        client,
        index.url + index.reverse_subpage("organisation"),
        data,
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    submission = Submission.objects.get()
    page = submission.page.specific
    assert "<script" not in page.description
    assert "javascript:" not in page.description
    assert "onclick" not in page.description

    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject
        for alternative, mime in getattr(message, "alternatives", []):
            if mime == "text/html":
                assert not any(marker in alternative for marker in MARKERS), message.subject

    for url in (
        "/admin/snippets/submissions/submission/",
        f"/admin/snippets/submissions/submission/edit/{submission.pk}/",
        "/admin/pages/search/?q=Atelier",
        f"/admin/pages/{page.get_parent().pk}/",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert not any(marker in body(response).decode() for marker in MARKERS), url

    # The page itself, once an editor publishes it, and everything built from it.
    page.save_revision().publish()
    directory = page.get_parent().specific
    for url in (page.url, directory.url, directory.url + "?q=Atelier"):
        text = body(client.get(url)).decode()
        assert not any(marker in text for marker in MARKERS), url


def test_exports_neutralise_formulas_and_keep_markup_inert(client, settings):
    settings.PORTAL_API_RATE_LIMIT = 0
    directory = _page(DirectoryIndexPage)
    page = OrganisationPage.objects.child_of(directory).live().first().specific
    page.title = '=HYPERLINK("http://evil.example","clic")'
    page.summary = f"+{SCRIPT}"
    page.city = "@SUM(A1)"
    page.save_revision().publish()

    response = client.get(directory.url + "export/csv/")
    rows = list(csv.DictReader(io.StringIO(body(response).decode())))
    row = next(r for r in rows if r["id"] == str(page.pk))
    assert row["name"].startswith("'=")
    assert row["summary"].startswith("'+")
    assert row["city"].startswith("'@")
    for cells in rows:
        for value in cells.values():
            try:
                float(value)  # a negative longitude is a number, not a formula
            except ValueError:
                assert not value.startswith(("=", "+", "-", "@")), value
    assert response["Content-Disposition"].startswith("attachment")

    for url in (directory.url + "export/json/", directory.url + "export/geojson/"):
        response = client.get(url)
        # Data, not a page: a JSON type browsers never sniff into HTML, one valid document.
        assert response["Content-Type"].startswith(("application/json", "application/geo+json"))
        assert response["X-Content-Type-Options"] == "nosniff"
        data = json.loads(body(response))
        records = data.get("entries") or [f["properties"] for f in data["features"]]
        assert f"+{SCRIPT}" in [record["summary"] for record in records]
    text = body(client.get(directory.url)).decode()
    assert not any(marker in text for marker in MARKERS)
    assert "=HYPERLINK(&quot;http://evil.example&quot;,&quot;clic&quot;)" in text


def test_feeds_escape_stored_markup(client):
    event = _page(EventPage)
    event.title = f"Débat {SCRIPT}\r\nX-Injected: 1"
    event.save_revision().publish()
    article = _page(ArticlePage)
    article.title = f"Article {ATTRIBUTE}"
    article.save_revision().publish()
    programme = _page(ProgrammePage)

    for url in (programme.url + "feed/", article.get_parent().url + "feed/"):
        response = client.get(url)
        assert response.status_code == 200, url
        root = ET.fromstring(body(response))  # noqa: S314 - our own feed
        titles = [el.text or "" for el in root.iter() if el.tag.endswith("title")]
        assert any("<script>" in t or "<img" in t for t in titles), url  # text, not markup
        assert b"<script>" not in body(response) and b"<img src" not in body(response)
    calendar = body(client.get(event.url + "calendar/")).decode()
    assert "\r\nX-Injected: 1" not in calendar  # the line break is escaped, not a new property


# --- Registration on an event -----------------------------------------------------------------


def _open_event():
    from programme.choices import RegistrationMode

    for event in EventPage.objects.live().filter(locale__language_code="fr"):
        if event.registration_mode == RegistrationMode.PORTAL:
            return event
    return None


def test_registration_refuses_header_injection_and_escapes_names(
    client, django_capture_on_commit_callbacks
):
    from programme.models import Registration

    event = _open_event()
    assert event is not None, "the demo has an event with registration on the portal"
    response = client.get(event.url)
    occurrence = response.context["registration_form"].fields["occurrence"].choices[0][0]
    hostile_names = [
        "Eve\r\nBcc: victim@example.org",
        "Eve\nSubject: spam",
        SCRIPT,
        ATTRIBUTE,
        "\x00",
        "x" * 5000,
        "",
    ]
    failures = []
    for name in hostile_names:
        for email in ("eve@example.org", "eve@example.org\r\nBcc: victim@example.org", "<>"):
            before = Registration.objects.count()
            mail.outbox.clear()
            with django_capture_on_commit_callbacks(execute=True):
                response = client.post(
                    event.url,
                    {"occurrence": occurrence, "name": name, "email": email, "website": ""},
                )
            label = f"{name[:20]!r} {email[:20]!r}"
            if response.status_code not in (200, 302):
                failures.append(f"{label}: {response.status_code}")
                continue
            stored = Registration.objects.count() - before
            if response.status_code == 200 and stored:
                failures.append(f"{label}: form again but stored")
            for message in mail.outbox:
                headers = message.message().as_string().split("\n\n", 1)[0]
                if "victim@example.org" in headers or "Subject: spam" in headers:
                    failures.append(f"{label}: header injected")
            text = body(response).decode() if response.status_code == 200 else ""
            if any(marker in text for marker in MARKERS):
                failures.append(f"{label}: unescaped")
            Registration.objects.filter(email="eve@example.org").delete()
    assert not failures, "\n".join(failures)

    # A name with markup that was accepted appears escaped to staff in the admin.
    assert Page.objects.filter(pk=event.pk).exists()
