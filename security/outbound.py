"""Requests the server makes to addresses someone typed (a partner's calendar feed), safely.

A server that fetches any address it is given can be made to reach what only it can reach:
its own admin on 127.0.0.1, a database on the private network, a cloud's metadata service
on 169.254.169.254. So every hop (the first request and each redirect) is resolved here, each
of the name's addresses must be a public one, and the connection goes to the address that
was checked (the name is kept for TLS and the Host header), so a name that resolves
differently a moment later cannot slip through. Loopback is allowed only when the setting
PORTAL_OUTBOUND_ALLOW_LOOPBACK is on, which only tests do (they run a fake server locally).

Answers are capped in time (the whole transfer, not only each read) and in size (counted
after decompression), and every refusal is a `FetchRefused` whose message can be shown to
the person who gave the address.
"""

import ipaddress
import socket
import time
from dataclasses import dataclass

import httpx
from django.conf import settings
from django.utils.translation import gettext_lazy as _

USER_AGENT = "LesHallesCiviques-Portal/1.0 (+calendar subscription)"
MAX_REDIRECTS = 5


class FetchRefused(Exception):
    """The address cannot be fetched, or its answer is refused; `message` says why."""

    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Fetched:
    content: bytes
    url: str
    content_type: str


# NAT64's well-known prefix carries an IPv4 address in its last 32 bits (RFC 6052); the
# local-use prefix (RFC 8215) is the operator's own network, never a public destination.
NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")
LOCAL_NAT64_PREFIX = ipaddress.ip_network("64:ff9b:1::/48")


def _embedded_ipv4(address):
    """The IPv4 addresses an IPv6 address leads to: IPv4-mapped, 6to4, Teredo (its server
    and client) and NAT64. Python counts 2002:7f00:1:: (6to4 of 127.0.0.1) as global: the
    address inside must be checked too, or it is a way into the loopback or the LAN."""
    if address.version != 6:
        return []
    if address.ipv4_mapped is not None:
        return [address.ipv4_mapped]
    if address.sixtofour is not None:
        return [address.sixtofour]
    if address.teredo is not None:
        return list(address.teredo)
    if address in NAT64_PREFIX:
        return [ipaddress.IPv4Address(address.packed[-4:])]
    return []


def _is_allowed(address):
    if address.version == 6 and address in LOCAL_NAT64_PREFIX:
        return False
    embedded = _embedded_ipv4(address)
    if embedded and not all(_is_allowed(inner) for inner in embedded):
        return False
    if address.version == 6 and address.ipv4_mapped is not None:
        return True  # only the IPv4 address it names counts
    if address.is_loopback:
        return bool(getattr(settings, "PORTAL_OUTBOUND_ALLOW_LOOPBACK", False))
    return address.is_global and not address.is_multicast


def checked_address(host, port):
    """A public address of `host` to connect to; FetchRefused if any of them is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchRefused(
            _("The server name of this address cannot be found."), "unresolvable"
        ) from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    # All of them, not only the first: the connection may be retried on any.
    if not addresses or not all(_is_allowed(address) for address in addresses):
        raise FetchRefused(
            _(
                "This address leads to a private or local network, which the portal does not "
                "reach. Give a public address (https://...)."
            ),
            "private_address",
        )
    return str(addresses[0])


class GuardedTransport(httpx.HTTPTransport):
    """Connects only to checked public addresses, whatever the URL names."""

    def handle_request(self, request):
        host = request.url.host
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        # A copy: the client reads the original's URL to resolve a relative redirect.
        pinned = httpx.Request(
            request.method,
            request.url.copy_with(host=checked_address(host, port)),
            headers=request.headers,  # the Host header keeps the name
            stream=request.stream,
            extensions={**request.extensions, "sni_hostname": host},
        )
        return super().handle_request(pinned)


def _check_scheme(url):
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        raise FetchRefused(
            _("The address must be a web address starting with https:// or http://."),
            "bad_url",
        )
    return parsed


def check_url(url):
    """Refuse at once what can never be fetched (another scheme, a private address)."""
    parsed = _check_scheme(url)
    checked_address(parsed.host, parsed.port or (443 if parsed.scheme == "https" else 80))


def _read_capped(response, max_bytes, deadline):
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(max_bytes)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(max_bytes)
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("deadline")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(max_bytes):
    megabytes = max(1, max_bytes // (1024 * 1024))
    return FetchRefused(
        _("The answer is larger than %(size)s MB: the portal does not read it.")
        % {"size": megabytes},
        "too_large",
    )


def fetch(url, *, max_bytes, timeout, accept="*/*", guarded=True):
    """GET `url` and return its body, or raise FetchRefused with a message for people.

    `timeout` bounds the whole transfer in seconds; `guarded=False` is for addresses the
    operators configured themselves (a geocoder on their own network).
    """
    _check_scheme(url)
    deadline = time.monotonic() + timeout
    transport = GuardedTransport() if guarded else httpx.HTTPTransport()
    limits = httpx.Timeout(timeout, connect=min(timeout, 5))
    # No compression: httpx would inflate each chunk whole before the size cap sees it, so a
    # few kilobytes of brotli or gzip could become gigabytes in the worker's memory.
    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "identity"}
    try:
        with httpx.Client(
            transport=transport,
            timeout=limits,
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers=headers,
        ) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchRefused(
                        _("The server answered with an error (HTTP %(status)s).")
                        % {"status": response.status_code},
                        "http_error",
                    )
                if response.headers.get("content-encoding", "identity").lower() != "identity":
                    raise FetchRefused(
                        _("The server sent a compressed answer the portal did not ask for."),
                        "encoded",
                    )
                content = _read_capped(response, max_bytes, deadline)
                return Fetched(content, str(response.url), response.headers.get("content-type", ""))
    except httpx.TooManyRedirects:
        raise FetchRefused(_("The address redirects too many times."), "redirects") from None
    except httpx.TimeoutException:
        raise FetchRefused(
            _("The server took too long to answer (more than %(seconds)s seconds).")
            % {"seconds": timeout},
            "timeout",
        ) from None
    except (httpx.HTTPError, httpx.InvalidURL, OSError) as error:
        raise FetchRefused(
            _("The server could not be reached (%(error)s).") % {"error": type(error).__name__},
            "unreachable",
        ) from None
