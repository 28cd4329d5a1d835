"""Every response carries the security headers; the admin's policy is the only relaxed one."""

import pytest
from django.test import override_settings

from tests.csp_support import csp_directives as _directives


@pytest.mark.parametrize("path", ["/fr/", "/en/", "/fr/introuvable/", "/sitemap.xml", "/healthz"])
def test_public_responses_have_strict_headers(client, site_tree, path):
    response = client.get(path)

    csp = _directives(response)
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=(self)" in response["Permissions-Policy"]


def test_map_tiles_are_the_only_remote_images(client, site_tree):
    csp = _directives(client.get("/fr/"))

    assert csp["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert csp["default-src"] == ["'self'"]


def test_admin_gets_its_own_policy(admin_client, site_tree):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    csp = _directives(response)
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"]


@override_settings(SECURE_SSL_REDIRECT=False, SECURE_HSTS_SECONDS=31536000)
def test_hsts_is_sent_over_https(client, site_tree):
    response = client.get("/fr/", secure=True)

    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
