"""Shared set-up for the partner-submission tests: the indexes, the forms' data, users."""

import io
import time
import uuid

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse
from PIL import Image

from publicforms.defences import issue_started_token
from tests import factories

PASSWORD = "correct-horse-battery"


@pytest.fixture(name="portal")
def portal_fixture(site_tree):
    """Directory, programme and proposal pages in both languages, a theme, a clean cache."""
    from programme.models import ProgrammePage
    from submissions.models import SubmissionIndexPage

    cache.clear()  # the rate limiter counts in the cache
    pages = {"site": site_tree}
    for code, submit_slug in (("fr", "proposer"), ("en", "submit")):
        home = site_tree[code]
        pages[f"directory_{code}"] = factories.directory_index(home)
        programme = ProgrammePage(title="Programme", slug="programme", locale=home.locale)
        home.add_child(instance=programme)
        programme.save_revision().publish()
        pages[f"programme_{code}"] = programme
        index = SubmissionIndexPage(
            title="Proposer" if code == "fr" else "Submit", slug=submit_slug, locale=home.locale
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        pages[f"submit_{code}"] = index
    pages["theme"] = factories.theme("Tiers-lieux", "tiers-lieux")
    pages["theme_en"] = factories.theme("Third places", "third-places", locale="en")
    yield pages
    cache.clear()


def form_url(portal, kind, language="fr"):
    index = portal[f"submit_{language}"]
    return index.url + index.reverse_subpage(kind)


def png_bytes(size=(64, 48), colour=(200, 60, 30), fmt="PNG", **save):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=fmt, **save)
    return buffer.getvalue()


def upload(name, data, content_type="image/png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type=content_type)


def base_data(**overrides):
    data = {
        "email": "partner@example.org",
        "idempotency_token": str(uuid.uuid4()),
        "started": issue_started_token(time.time() - 60),
        "homepage": "",
    }
    data.update(overrides)
    return data


def organisation_data(**overrides):
    data = base_data(
        title="Atelier Citoyen",
        summary="Un atelier de démocratie locale.",
        description="Nous animons des ateliers.\n\nDeuxième paragraphe.",
        organisation_type="association",
        relation="partner",
        website="https://atelier-citoyen.example.org",
        city="Lyon",
        country="FR",
    )
    data.update(overrides)
    return data


def place_data(**overrides):
    data = base_data(
        title="La Maison Commune",
        summary="Un lieu partagé.",
        kind="civic-hall",
        city="Nantes",
        country="FR",
        description="Un lieu.",
        lessons="La gouvernance partagée.",
    )
    data.update(overrides)
    return data


def event_data(**overrides):
    import datetime as dt

    from django.utils import timezone

    start = timezone.localtime() + dt.timedelta(days=20)
    data = base_data(
        title="Atelier budget participatif",
        summary="Comprendre le budget participatif.",
        description="Un atelier ouvert.",
        start=start.strftime("%Y-%m-%dT18:00"),
        end=start.strftime("%Y-%m-%dT20:00"),
        venue_name="Salle des fêtes",
        venue_city="Lyon",
        format="workshop",
        audience="everyone",
        is_free="on",
        registration_mode="none",
    )
    data.update(overrides)
    return data


def submit(client, url, data, capture):
    """Post a proposal and run what waits for the commit (the e-mail tasks)."""
    with capture(execute=True):
        return client.post(url, data)


def make_user(username, group_name, superuser=False):
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    if superuser:
        return user_model.objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    user = user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def workflow_action(client, page, action, comment="", capture=None):
    state = page.current_workflow_state
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    if capture is None:
        return client.post(url, {"comment": comment})
    with capture(execute=True):
        return client.post(url, {"comment": comment})
