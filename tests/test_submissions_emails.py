"""A failing mail server loses nothing: the proposal is stored, the e-mails wait and retry."""

import pytest
from django.core import mail
from django.core.management import call_command

from outbox.models import OutgoingEmail
from outbox.tasks import MAX_ATTEMPTS
from submissions.models import Submission

from .submissions_support import form_url, organisation_data, portal_fixture, submit  # noqa: F401

pytestmark = pytest.mark.django_db


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")

    def open(self):
        raise ConnectionRefusedError("mail server down")

    def close(self):
        pass


def test_mail_failure_keeps_the_submission_and_retries(
    client,
    portal,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.PORTAL_STAFF_EMAILS = ["staff@example.org"]
    settings.EMAIL_BACKEND = "tests.test_submissions_emails.BrokenBackend"
    response = submit(
        client,
        form_url(portal, "organisation"),
        organisation_data(),
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302  # the partner sees the confirmation
    submission = Submission.objects.get()
    assert submission.page is not None
    waiting = OutgoingEmail.objects.filter(sent_at__isnull=True)
    assert waiting.count() == 2
    assert all(e.attempts == 1 and "mail server down" in e.last_error for e in waiting)

    # Still down: the command records another attempt and keeps them.
    call_command("send_submission_emails", verbosity=0)
    assert OutgoingEmail.objects.filter(sent_at__isnull=True, attempts=2).count() == 2

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_submission_emails", verbosity=0)
    assert OutgoingEmail.objects.filter(sent_at__isnull=True).count() == 0
    assert {m.to[0] for m in mail.outbox} == {"partner@example.org", "staff@example.org"}
    # Sent e-mails are never sent twice.
    call_command("send_submission_emails", verbosity=0)
    assert len(mail.outbox) == 2


def test_the_task_re_enqueues_itself_on_a_backend_that_can_defer(db, settings, monkeypatch):
    settings.EMAIL_BACKEND = "tests.test_submissions_emails.BrokenBackend"
    email = OutgoingEmail.objects.create(recipients=["a@example.org"], subject="s", body="b")
    enqueued = []

    class FakeTask:
        def using(self, **kwargs):
            assert kwargs["run_after"]
            return self

        def enqueue(self, *args):
            enqueued.append(args)

    from outbox import tasks

    original = tasks.deliver_email
    monkeypatch.setattr(tasks.default_task_backend, "supports_defer", True, raising=False)
    monkeypatch.setattr(tasks, "deliver_email", FakeTask())
    original.call(email.pk)
    email.refresh_from_db()
    assert email.attempts == 1 and enqueued == [(email.pk,)]
    email.attempts = MAX_ATTEMPTS
    email.save()
    original.call(email.pk)
    assert len(enqueued) == 1  # gave up re-enqueueing; the command will retry
