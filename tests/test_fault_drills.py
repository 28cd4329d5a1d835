"""Fault drills that run in the test suite: the task worker stopped, then back.

With the production task backend (django-tasks-db) and no worker running, a partner's
proposal and a reader's registration are stored and their e-mails wait in the database
queue; `manage.py db_worker` sends them when it comes back, once. (The mail server being down
is drilled in test_submissions_emails.py; the database restarting, by scripts/drills.sh.)
"""

import pytest
from django.core import mail
from django.core.management import call_command

from outbox.models import OutgoingEmail
from submissions.models import Submission

from .submissions_support import form_url, organisation_data, portal_fixture, submit  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings):
    # django-tasks reloads its backends when the setting changes.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_tasks_wait_for_the_worker_and_run_when_it_returns(
    client, portal, database_queue, settings
):
    from django_tasks_db.models import DBTaskResult

    settings.PORTAL_STAFF_EMAILS = ["staff@example.org"]
    response = client.post(form_url(portal, "organisation"), organisation_data())
    assert response.status_code == 302  # the partner is told it worked

    assert Submission.objects.count() == 1
    assert OutgoingEmail.objects.filter(sent_at__isnull=True).count() == 2
    e_mails = DBTaskResult.objects.filter(task_path="outbox.tasks.deliver_email")
    assert e_mails.filter(status="READY").count() == 2  # queued, not lost, while no worker runs
    assert mail.outbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert OutgoingEmail.objects.filter(sent_at__isnull=True).count() == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["partner@example.org", "staff@example.org"]
    assert e_mails.filter(status="SUCCESSFUL").count() == 2
    assert not DBTaskResult.objects.filter(status="READY").exists()  # Wagtail's tasks ran too

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert len(mail.outbox) == 2  # nothing sent twice
