"""A submission's status follows its page (issue 18): "published" only while the page is live,
whether a moderator tries to set it by hand, unpublishes the page, or the data predates the rule."""

from importlib import import_module

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse

from submissions.choices import Status
from submissions.models import Submission

from .submissions_support import (
    PASSWORD,
    form_url,
    make_user,
    organisation_data,
    portal_fixture,  # noqa: F401 - the "portal" fixture
    submit,
    workflow_action,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(client, portal, django_capture_on_commit_callbacks):
    submit(
        client,
        form_url(portal, "organisation"),
        organisation_data(),
        django_capture_on_commit_callbacks,
    )
    make_user("mod", "Moderators")
    client.login(username="mod", password=PASSWORD)
    return Submission.objects.get()


def edit(client, submission, status, capture):
    url = reverse("wagtailsnippets_submissions_submission:edit", args=[submission.pk])
    with capture(execute=True):
        return client.post(url, {"status": status, "moderator_comment": ""})


def test_published_cannot_be_set_by_hand_while_the_page_is_a_draft(
    client, proposal, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    response = edit(client, proposal, Status.PUBLISHED, django_capture_on_commit_callbacks)
    assert response.status_code == 200  # the form again, with the error
    assert "La page n’est pas publiée" in response.text  # the admin speaks French
    proposal.refresh_from_db()
    assert proposal.status == Status.PENDING and not proposal.page.live
    assert mail.outbox == []


def test_status_follows_publishing_and_unpublishing(
    client, proposal, django_capture_on_commit_callbacks
):
    page = proposal.page.specific
    workflow_action(client, page, "approve", capture=django_capture_on_commit_callbacks)
    proposal.refresh_from_db()
    assert proposal.status == Status.PUBLISHED and proposal.page.live

    # Declining a live listing would leave it public under a "declined" status.
    response = edit(client, proposal, Status.DECLINED, django_capture_on_commit_callbacks)
    assert response.status_code == 200 and "dépubliez-la avant de refuser" in response.text

    page.refresh_from_db()
    page.unpublish()
    proposal.refresh_from_db()
    assert proposal.status == Status.PENDING
    response = edit(client, proposal, Status.PUBLISHED, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == Status.PENDING


def test_migration_takes_back_published_statuses_of_draft_pages(proposal):
    Submission.objects.filter(pk=proposal.pk).update(status=Status.PUBLISHED)
    migration = import_module("submissions.migrations.0005_status_follows_page")
    migration.align_statuses(apps, None)
    proposal.refresh_from_db()
    assert proposal.status == Status.PENDING
