"""A database outage is a 503 with Retry-After and the "back in a moment" page; other server
errors stay the usual 500 page."""

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import path


def _database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def _bug(request):
    raise ValueError("a bug")


urlpatterns = [path("outage/", _database_gone), path("bug/", _bug)]
handler500 = "portal.errors.server_error"


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


@pytest.mark.urls("tests.test_error_outage")
def test_database_outage_is_a_503_with_retry_after(anonymous):
    response = anonymous.get("/outage/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Le portail revient dans un instant" in html
    assert '<div lang="en">' in html and "back in a moment" in html
    assert "Connection refused" not in html  # nothing of the error leaks


@pytest.mark.urls("tests.test_error_outage")
def test_other_server_errors_stay_a_500(anonymous):
    response = anonymous.get("/bug/")

    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Une erreur est survenue" in response.content.decode()


def test_the_portal_uses_the_outage_aware_handler():
    import portal.urls

    assert portal.urls.handler500 == "portal.errors.server_error"
