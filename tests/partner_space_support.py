"""Shared steps of the partner-space tests: proposals from two partners, asking for a
sign-in link and following it."""

import re
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from publicforms.defences import issue_started_token
from submissions.models import Submission

from .submissions_support import (
    event_data,
    form_url,
    organisation_data,
    place_data,
    submit,
)

ALICE = "alice@example.org"
BOB = "bob@example.org"
LINK = re.compile(r"https?://\S+/(?:connexion|sign-in)/\S+/")


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(f"submissions:{name}", kwargs=kwargs)


@pytest.fixture(name="partners")
def partners_fixture(client, portal, django_capture_on_commit_callbacks):
    """Alice proposed an organisation (published) and an event; Bob a place. Alice typed her
    address with capitals once: it is still hers."""
    capture = django_capture_on_commit_callbacks
    submit(client, form_url(portal, "organisation"), organisation_data(email=ALICE), capture)
    submit(client, form_url(portal, "event"), event_data(email="Alice@Example.org"), capture)
    submit(client, form_url(portal, "place"), place_data(email=BOB), capture)
    organisation = Submission.objects.get(kind="organisation")
    with capture(execute=True):
        organisation.page.specific.get_latest_revision().publish()
    mail.outbox.clear()
    return {
        "organisation": Submission.objects.get(kind="organisation"),
        "event": Submission.objects.get(kind="event"),
        "place": Submission.objects.get(kind="place"),
    }


def ask_for_link(client, email, capture, language="fr"):
    data = {"email": email, "started": issue_started_token(time.time() - 60), "homepage": ""}
    with capture(execute=True):
        return client.post(url("partner_request", language), data)


def link_in_last_mail():
    return LINK.search(mail.outbox[-1].body).group(0)


def sign_in(client, email, capture):
    mail.outbox.clear()
    ask_for_link(client, email, capture)
    link = link_in_last_mail()
    response = client.post(link)
    assert response.status_code == 302, response.content
    return link
