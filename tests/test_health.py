import pytest
from django.db import OperationalError


def test_healthz_reports_database_and_search(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "search": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_is_unreachable(client, db, monkeypatch):
    from portal import health

    class BrokenConnection:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(health, "connection", BrokenConnection())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.parametrize("path", ["/healthz", "/robots.txt", "/sitemap.xml"])
def test_machine_endpoints_have_no_language_prefix(client, db, path):
    assert client.get(path).status_code == 200


def test_media_outside_the_media_root_is_not_served(client, db):
    assert client.get("/media/../portal/settings/base.py").status_code == 404
    assert client.get("/media/%2e%2e/%2e%2e/etc/passwd").status_code == 404
