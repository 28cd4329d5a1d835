"""Fetching an address someone typed: public addresses only, every hop checked, capped in
time and size, with a message for people when refused (security/outbound.py)."""

import time

import pytest
from django.utils import translation

from security.outbound import FetchRefused, check_url, fetch

from .feed_server import feed_server, no_outside_connections  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def in_english():
    """The messages are checked in English; their French is in the catalogue."""
    with translation.override("en"):
        yield


BODY = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


def _refused(url, **kwargs):
    kwargs.setdefault("max_bytes", 1024 * 1024)
    kwargs.setdefault("timeout", 2)
    with pytest.raises(FetchRefused) as caught:
        fetch(url, **kwargs)
    return caught.value


def test_a_public_answer_is_returned_with_its_final_address(feed_server):  # noqa: F811
    url = feed_server.route("/cal.ics", body=BODY)
    moved = feed_server.route("/old.ics", status=301, location="/cal.ics")
    fetched = fetch(moved, max_bytes=1024, timeout=2)
    assert fetched.content == BODY
    assert fetched.url == url
    assert fetched.content_type.startswith("text/calendar")


def test_loopback_is_refused_unless_the_test_setting_allows_it(
    settings,
    no_outside_connections,  # noqa: F811
):
    settings.PORTAL_OUTBOUND_ALLOW_LOOPBACK = False
    for url in ("http://127.0.0.1:8411/cal.ics", "http://localhost:8411/", "http://[::1]:8411/"):
        assert _refused(url).code == "private_address"


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",  # link-local: cloud metadata
        "http://10.0.0.1/cal.ics",  # private
        "http://192.168.1.1/",  # private
        "http://100.64.0.1/",  # shared address space
        "http://0.0.0.0/",  # "this host"
        "http://[fe80::1]/",  # IPv6 link-local
        "http://[::ffff:10.0.0.1]/",  # IPv4-mapped private
    ],
)
def test_a_redirect_to_an_internal_address_is_refused_before_any_connection(
    feed_server,  # noqa: F811
    target,
):
    url = feed_server.route("/hop.ics", status=302, location=target)
    error = _refused(url)
    assert error.code == "private_address"
    assert "private or local network" in str(error.message)
    assert feed_server.hits == ["/hop.ics"]


def test_other_schemes_and_malformed_addresses_are_refused():
    for url in ("file:///etc/passwd", "ftp://example.org/x.ics", "javascript:alert(1)", "http://"):
        assert _refused(url).code == "bad_url"
        with pytest.raises(FetchRefused):
            check_url(url)


def test_a_slow_server_is_cut_off_at_the_timeout(feed_server):  # noqa: F811
    url = feed_server.route("/slow.ics", body=BODY, delay=3)
    began = time.monotonic()
    error = _refused(url, timeout=1)
    assert error.code == "timeout"
    assert "1 seconds" in str(error.message)
    assert time.monotonic() - began < 2.5


def test_a_server_that_drips_bytes_is_cut_off_at_the_total_deadline(feed_server):  # noqa: F811
    url = feed_server.route("/drip.ics", body=b"x" * 200, drip_seconds=6)
    began = time.monotonic()
    assert _refused(url, timeout=1).code == "timeout"
    assert time.monotonic() - began < 3


@pytest.mark.parametrize("options", [{}, {"chunked": True}])
def test_a_huge_answer_is_refused_without_reading_it_all(feed_server, options):  # noqa: F811
    url = feed_server.route("/huge.ics", body=b"0" * (3 * 1024 * 1024), **options)
    error = _refused(url, max_bytes=1024 * 1024)
    assert error.code == "too_large"
    assert "1 MB" in str(error.message)


def test_a_compressed_answer_is_refused_without_inflating_it(feed_server):  # noqa: F811
    # 3 MB of zeros sent as 3 KB of gzip: inflated, it would pass the size cap only after
    # being held whole in memory; the portal asks for no compression and refuses it.
    url = feed_server.route("/bomb.ics", body=b"0" * (3 * 1024 * 1024), gzip=True)
    error = _refused(url, max_bytes=1024 * 1024)
    assert error.code == "encoded"
    assert feed_server.request_headers[-1]["Accept-Encoding"] == "identity"


def test_errors_and_redirect_loops_are_refused(feed_server):  # noqa: F811
    assert _refused(feed_server.url("/missing.ics")).code == "http_error"
    loop = feed_server.route("/loop.ics", status=302, location="/loop.ics")
    assert _refused(loop).code == "redirects"
