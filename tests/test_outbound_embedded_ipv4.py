"""IPv6 addresses that carry an IPv4 address (IPv4-mapped, 6to4, NAT64, Teredo) are checked
by the address they lead to: a 6to4 or NAT64 form of 127.0.0.1 or of the LAN is refused
(Python counts 2002::/16 and 64:ff9b::/96 as global), a public one is not."""

import ipaddress
import socket

import pytest

from security import outbound
from security.outbound import FetchRefused, checked_address

REFUSED = [
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:a00:1::",  # 6to4 of 10.0.0.1
    "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254 (cloud metadata)
    "2002:c0a8:101::",  # 6to4 of 192.168.1.1
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "64:ff9b::c0a8:101",  # NAT64 of 192.168.1.1
    "64:ff9b:1::808:808",  # local-use NAT64: the operator's own network
    "::ffff:127.0.0.1",  # IPv4-mapped loopback
    "::ffff:169.254.169.254",  # IPv4-mapped link-local
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo (client 192.0.2.45, documentation)
    "2001:0:7f00:1:8000:63bf:3fff:fdd2",  # Teredo with a loopback server
]
ALLOWED = [
    "2002:808:808::1",  # 6to4 of 8.8.8.8
    "64:ff9b::808:808",  # NAT64 of 8.8.8.8
    "::ffff:8.8.8.8",  # IPv4-mapped public
    "2001:4860:4860::8888",  # plain public IPv6
]


def _resolving_to(monkeypatch, address):
    def getaddrinfo(host, port, *args, **kwargs):
        return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))]

    monkeypatch.setattr(outbound.socket, "getaddrinfo", getaddrinfo)


@pytest.mark.parametrize("address", REFUSED)
def test_embedded_internal_ipv4_is_refused(monkeypatch, settings, address):
    settings.PORTAL_OUTBOUND_ALLOW_LOOPBACK = False
    _resolving_to(monkeypatch, address)
    with pytest.raises(FetchRefused) as caught:
        checked_address("calendar.example", 443)
    assert caught.value.code == "private_address"


@pytest.mark.parametrize("address", ALLOWED)
def test_embedded_public_ipv4_is_allowed(monkeypatch, settings, address):
    settings.PORTAL_OUTBOUND_ALLOW_LOOPBACK = False
    _resolving_to(monkeypatch, address)
    assert ipaddress.ip_address(checked_address("calendar.example", 443)) == (
        ipaddress.ip_address(address)
    )


def test_a_6to4_loopback_is_refused_even_where_python_calls_it_global(settings):
    settings.PORTAL_OUTBOUND_ALLOW_LOOPBACK = False
    address = ipaddress.ip_address("2002:7f00:1::1")
    assert address.is_global  # why the embedded address must be looked at
    assert not outbound._is_allowed(address)
