"""Property-based fuzzing of the query parameters readers control: never a server error.

Hypothesis builds query strings from the real parameter names with arbitrary text, numbers,
dates and coordinates (and sometimes junk names or repeated names); the directory, its API,
the programme and the site search must answer 200, 400 or 404 to every one. The number of
examples is bounded so the file stays quick; a failure prints the shrunk query to replay.
"""

import datetime as dt
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .hardening_support import DIRECTORY_PARAMS, PROGRAMME_PARAMS, demo, demo_db  # noqa: F401

pytestmark = pytest.mark.usefixtures("demo")

FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same examples on every run: a CI failure replays locally
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ALLOWED = {200, 400, 404}

text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
    max_size=300,
)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
dates = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(str),
    st.from_regex(r"\A\d{1,5}-\d{1,2}-\d{1,2}\Z"),
)
coordinates = st.tuples(
    st.floats(min_value=-1000, max_value=1000), st.floats(min_value=-1000, max_value=1000)
).map(lambda c: f"{c[0]},{c[1]}")
value = st.one_of(text, numbers, dates, coordinates, st.sampled_from(["", " ", "1", "map"]))


def _query(names):
    """A list of (name, value) pairs: real names, sometimes repeated, sometimes junk."""
    name = st.one_of(st.sampled_from(names), st.text(max_size=10))
    return st.lists(st.tuples(name, value), max_size=8)


def _encode(pairs):
    return "&".join(f"{quote(n, safe='')}={quote(v, safe='')}" for n, v in pairs)


def _assert_answers(client, path, pairs):
    response = client.get(f"{path}?{_encode(pairs)}")
    assert response.status_code in ALLOWED, (path, pairs, response.status_code)


@FUZZ
@given(pairs=_query(DIRECTORY_PARAMS))
def test_directory_never_fails(client, pairs):
    _assert_answers(client, "/fr/annuaire/", pairs)


@FUZZ
@given(pairs=_query([*DIRECTORY_PARAMS, "lang", "page_size"]))
def test_directory_api_never_fails(client, settings, pairs):
    settings.PORTAL_API_RATE_LIMIT = 0
    _assert_answers(client, "/api/v1/directory/organisations/", pairs)


@FUZZ
@given(pairs=_query([*PROGRAMME_PARAMS, "lang", "page_size"]))
def test_events_api_never_fails(client, settings, pairs):
    settings.PORTAL_API_RATE_LIMIT = 0
    _assert_answers(client, "/api/v1/events/", pairs)


@FUZZ
@given(pairs=_query(PROGRAMME_PARAMS), calendar=st.booleans())
def test_programme_never_fails(client, pairs, calendar):
    _assert_answers(client, "/fr/programme/calendar/" if calendar else "/fr/programme/", pairs)


@FUZZ
@given(pairs=_query(["q", "type", "page"]), suggest=st.booleans())
def test_site_search_never_fails(client, pairs, suggest):
    _assert_answers(client, "/fr/recherche/suggest/" if suggest else "/fr/recherche/", pairs)
