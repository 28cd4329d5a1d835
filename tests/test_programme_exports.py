"""The programme's dates as CSV and JSON downloads: the page's filters, both languages, the
licence, cells a spreadsheet would run as formulas, and the links from the programme page."""

import csv
import io
import json

from bs4 import BeautifulSoup

from programme.exports import CSV_COLUMNS
from tests.test_programme_api import events, programme, soon  # noqa: F401 - fixtures
from tests.test_programme_pages import add_event


def _body(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def _csv(response):
    return list(csv.DictReader(io.StringIO(_body(response))))


def test_csv_lists_each_date_with_the_licence(client, events):  # noqa: F811
    response = client.get("/fr/programme/export/csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="programme-fr.csv"' in response["Content-Disposition"]
    assert response["Link"] == '<https://opendatacommons.org/licenses/odbl/1-0/>; rel="license"'
    rows = _csv(response)
    assert list(rows[0]) == CSV_COLUMNS
    assert [row["title"] for row in rows].count("Atelier") == 3
    debate = next(row for row in rows if row["event_id"] == str(events["debate"].pk))
    # Quotes, guillemets and commas survive the round trip; lists are joined with "|".
    assert debate["title"] == "Débat « budget », 2027" and debate["themes"] == "democratie"
    assert debate["is_free"] == "true" and debate["price"] == ""


def test_csv_filters_and_language_follow_the_page(client, events):  # noqa: F811
    assert [
        row["title"] for row in _csv(client.get("/fr/programme/export/csv/?format=concert"))
    ] == ["Concert"]
    english = _csv(client.get("/en/programme/export/csv/"))
    assert [row["title"] for row in english] == ["Débat « budget », 2027 (en)"]
    assert english[0]["themes"] == "democracy"


def test_csv_cells_are_not_formulas(client, programme, soon):  # noqa: F811
    add_event(programme, "formule", soon(), title='=HYPERLINK("http://evil")', en=False)
    add_event(programme, "moins", soon(12), title="-2+3", summary="@SUM(A1)", en=False)
    rows = {row["title"]: row for row in _csv(client.get("/fr/programme/export/csv/"))}
    assert set(rows) == {'\'=HYPERLINK("http://evil")', "'-2+3"}
    assert rows["'-2+3"]["summary"] == "'@SUM(A1)"


def test_json_has_its_metadata_and_licence(client, events):  # noqa: F811
    response = client.get("/fr/programme/export/json/?free=1")
    data = json.loads(_body(response))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    meta = data["metadata"]
    assert meta["licence"]["url"] == "https://opendatacommons.org/licenses/odbl/1-0/"
    assert meta["language"] == "fr" and meta["count"] == len(data["occurrences"]) == 2
    assert meta["rows"] == "occurrences"
    assert {row["title"] for row in data["occurrences"]} == {"Débat « budget », 2027", "Concert"}


def test_json_keeps_markup_as_text(client, programme, soon):  # noqa: F811
    add_event(programme, "balise", soon(), title="<script>alert(1)</script>", en=False)
    body = _body(client.get("/fr/programme/export/json/"))
    assert json.loads(body)["occurrences"][0]["title"] == "<script>alert(1)</script>"


def test_festival_has_its_own_downloads(client, events):  # noqa: F811
    rows = _csv(client.get("/fr/programme/festives/export/csv/"))
    assert [row["title"] for row in rows] == ["Concert"]


def test_programme_page_links_to_the_downloads_with_its_filters(client, events):  # noqa: F811
    page = BeautifulSoup(client.get("/fr/programme/?format=debate&q=<b>").text, "html.parser")
    links = {a["type"]: a["href"] for a in page.select(".programme__exports a[download]")}
    assert links["text/csv"] == "/fr/programme/export/csv/?q=%3Cb%3E&format=debate"
    assert links["application/json"] == "/fr/programme/export/json/?q=%3Cb%3E&format=debate"
    assert page.select_one(".programme__exports a[rel=license]")["href"].startswith("https://")
    english = BeautifulSoup(client.get("/en/programme/").text, "html.parser")
    text = english.select_one(".programme__exports").get_text(" ", strip=True)
    assert "Download these dates" in text
    assert english.select_one(".programme__exports a[type='text/csv']")["href"] == (
        "/en/programme/export/csv/"
    )
