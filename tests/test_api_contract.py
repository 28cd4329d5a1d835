"""The directory API keeps its published contract (issue 18): schemathesis reads the live
OpenAPI document and tries every operation with valid and invalid input (positive and negative
modes, all its checks); the precise answers to the failures it used to find are pinned below."""

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode

from directory.choices import Country
from tests.test_directory_api import API, index  # noqa: F401 - fixture
from tests.test_programme_api import events, programme, soon  # noqa: F401 - fixtures

MAX_EXAMPLES = 40
CONFIG = SchemathesisConfig.from_dict({"generation": {"max-examples": MAX_EXAMPLES}})


@pytest.fixture
def api_schema(index, events, settings):  # noqa: F811
    settings.PORTAL_API_RATE_LIMIT = 0  # hundreds of requests from one client on purpose
    # As Django's test client does: the test database must outlive each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(
            "/api/v1/openapi.json", get_wsgi_application(), config=CONFIG
        )
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_every_operation_keeps_the_contract(api_schema):
    """All operations, positive and negative cases; every failure is reported, not the first."""
    failures, tried = [], 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        for mode in GenerationMode:

            @hypothesis.settings(
                max_examples=MAX_EXAMPLES,
                deadline=None,
                database=None,
                suppress_health_check=list(hypothesis.HealthCheck),
            )
            @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
            def keeps_the_contract(case):
                case.call_and_validate()

            try:
                keeps_the_contract()
            except Exception as failure:  # noqa: BLE001 - collected and reported below
                failures.append(f"{operation.label} ({mode.value}): {failure}")
            tried += 1
    assert tried == 4 * 2  # four operations (three of the directory, events), both modes
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize(
    ("name", "value"),
    [("country", "XX"), ("sort", "price"), ("type", "club"), ("lang", "de")],
)
def test_unknown_enumerated_values_are_refused_by_name(client, index, name, value):  # noqa: F811
    response = client.get(f"{API}/organisations/", {name: value})
    assert response.status_code == 400
    data = response.json()
    assert data["parameter"] == name and value not in data["allowed"] and data["allowed"]


@pytest.mark.parametrize("path", ["/nothing/", "/12abc/", "/1", "/organisations", "/-3/"])
def test_unknown_addresses_answer_json_404(client, index, path):  # noqa: F811
    response = client.get(API + path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json" and "error" in response.json()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_other_methods_answer_json_405_with_allow(method, index):  # noqa: F811
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(f"{API}/{index['halles'].pk}/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD" and "error" in response.json()


def test_openapi_enumerations_do_not_follow_the_data(client, index):  # noqa: F811
    before = client.get("/api/v1/openapi.json").json()
    index["halles"].country = "SN"
    index["halles"].save_revision().publish()
    assert client.get("/api/v1/openapi.json").json() == before
    parameters = before["paths"]["/directory/organisations/"]["get"]["parameters"]
    (country,) = (p for p in parameters if p["name"] == "country")
    assert country["schema"]["enum"] == list(Country.values)
