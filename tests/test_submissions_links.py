"""The partner's private link: only that partner's listing; tampered, expired and revoked
links give a clear message and no access."""

import re

import pytest
from django.core import mail

from submissions.links import make_token
from submissions.models import Submission

from .submissions_support import (  # noqa: F401
    form_url,
    organisation_data,
    place_data,
    portal_fixture,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_partners(client, portal, django_capture_on_commit_callbacks):
    submit(
        client,
        form_url(portal, "organisation"),
        organisation_data(),
        django_capture_on_commit_callbacks,
    )
    submit(
        client,
        form_url(portal, "place"),
        place_data(email="other@example.org"),
        django_capture_on_commit_callbacks,
    )
    first = Submission.objects.get(email="partner@example.org")
    second = Submission.objects.get(email="other@example.org")
    return first, second


def _path(submission):
    return f"/fr/submission/{make_token(submission)}/"


def test_link_opens_only_its_own_listing(client, two_partners):
    first, second = two_partners
    page = client.get(_path(first))
    assert page.status_code == 200
    assert "Atelier Citoyen" in page.text and "La Maison Commune" not in page.text
    assert page.headers.get("X-Robots-Tag") or 'name="robots" content="noindex"' in page.text


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # signature changed
        lambda t: t.replace(t.split(".", 1)[0], str(int(t.split(".", 1)[0]) + 1), 1),  # other id
        lambda t: t.split(":", 1)[0],  # signature removed
        lambda t: "garbage",
    ],
)
def test_tampered_links_are_refused_clearly(client, two_partners, mangle):
    first, _second = two_partners
    token = mangle(make_token(first))
    for suffix in ("", "edit/"):
        response = client.get(f"/fr/submission/{token}/{suffix}")
        assert response.status_code == 403
        assert "incomplet ou a été modifié" in response.text  # the page speaks French
        assert "Atelier Citoyen" not in response.text
    response = client.post(f"/fr/submission/{token}/edit/", organisation_data(title="Pirate"))
    assert response.status_code == 403
    assert not Submission.objects.filter(title="Pirate").exists()


def test_expired_link(client, two_partners, settings):
    first, _second = two_partners
    path = _path(first)
    settings.PORTAL_SUBMISSION_LINK_DAYS = -1
    response = client.get(path)
    assert response.status_code == 403 and "a expiré" in response.text


def test_revoked_link(client, two_partners):
    first, _second = two_partners
    old_path = _path(first)
    first.revoke_link()
    response = client.get(old_path)
    assert response.status_code == 403 and "remplacé par un lien plus récent" in response.text
    assert client.get(_path(first)).status_code == 200


def test_link_in_the_email_is_the_one_that_works(client, two_partners):
    body = next(m.body for m in mail.outbox if m.to == ["other@example.org"])
    path = re.search(r"http://testserver(/fr/submission/[^/\s]+/)", body).group(1)
    assert "La Maison Commune" in client.get(path).text
