"""The yearly reminder (issue 20): a partner whose listings nobody confirmed for
PORTAL_FRESHNESS_REMINDER_DAYS is e-mailed once in that period, with a one-click "still
right" link and a link to the partner space; the scheduler's task runs it in the worker."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from directory.models import OrganisationPage
from outbox.models import OutgoingEmail
from submissions.models import Partner
from submissions.reminders import send_reminders

from .partner_space_support import ALICE, BOB, partners_fixture  # noqa: F401 - "partners"
from .submissions_support import portal_fixture  # noqa: F401
from .worker_support import production_env, run_worker_batch

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - dt.timedelta(days=800)
STILL_RIGHT = re.compile(r"https?://\S+/toujours-juste/\S+/")


@pytest.fixture
def old_listing(partners):
    page = partners["organisation"].page
    OrganisationPage.objects.filter(pk=page.pk).update(
        first_published_at=LONG_AGO, last_published_at=LONG_AGO, last_confirmed=None
    )
    return OrganisationPage.objects.get(pk=page.pk)


def run(capture, now=None):
    with capture(execute=True):
        return send_reminders(now)


def test_a_partner_is_reminded_once_in_the_period(
    old_listing, settings, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    settings.PORTAL_FRESHNESS_REMINDER_DAYS = 365
    assert run(capture) == 1
    assert [m.to for m in mail.outbox] == [[ALICE]]  # Bob's place is not published
    body = mail.outbox[0].body
    assert "Atelier Citoyen" in body and "/fr/espace-partenaire/connexion/" in body
    assert STILL_RIGHT.search(body)
    assert Partner.objects.get(email=ALICE).last_reminded is not None
    assert not Partner.objects.filter(email=BOB).exists()

    assert run(capture) == 0  # the same day
    assert run(capture, timezone.now() + dt.timedelta(days=300)) == 0  # within the period
    assert len(mail.outbox) == 1
    assert run(capture, timezone.now() + dt.timedelta(days=366)) == 1  # a year on, unconfirmed


def test_a_recently_confirmed_listing_needs_no_reminder(
    old_listing, django_capture_on_commit_callbacks
):
    OrganisationPage.objects.filter(pk=old_listing.pk).update(last_confirmed=timezone.localdate())
    assert run(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_the_still_right_link_confirms_after_one_click(
    client, old_listing, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    run(capture)
    link = STILL_RIGHT.search(mail.outbox[-1].body).group(0)
    shown = client.get(link)
    assert shown.status_code == 200 and "Atelier Citoyen" in shown.text
    assert shown["Cache-Control"] == "private, no-store"
    old_listing.refresh_from_db()
    assert old_listing.last_confirmed is None  # opening the link (a mail filter) changes nothing
    done = client.post(link)
    assert done.status_code == 200 and "confirmées pour une année de plus" in done.text
    old_listing.refresh_from_db()
    assert old_listing.last_confirmed == timezone.localdate()

    # A second click the same day changes nothing, so every cached page stays valid.
    from pagecache.version import content_version

    version = content_version()
    with capture(execute=True):
        assert client.post(link).status_code == 200
    assert content_version() == version

    # The next reminder's link replaces this one.
    run(capture, timezone.now() + dt.timedelta(days=800))
    assert Client().post(link).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_the_scheduled_task_reminds_through_the_worker(old_listing, settings, tmp_path):
    """Production path: the scheduler's `remind_partners --queue` stores the task; a
    `run_worker` process with the production settings runs it."""
    from django_tasks_db.models import DBTaskResult

    assert ("remind_partners --queue", 86400) in settings.PORTAL_SCHEDULE
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("remind_partners", "--queue", verbosity=0)
    assert Partner.objects.filter(last_reminded__isnull=False).count() == 0

    env = production_env(tmp_path, f"filecache://{tmp_path / 'cache'}")
    run_worker_batch(env, tmp_path / "worker.log")
    task = DBTaskResult.objects.get(task_path="submissions.tasks.send_partner_reminders")
    assert task.status == "SUCCESSFUL"
    assert Partner.objects.get(email=ALICE).last_reminded is not None
    reminder = OutgoingEmail.objects.filter(recipients=[ALICE], subject__contains="toujours")
    assert reminder.count() == 1


def test_still_right_brings_back_a_listing_hidden_as_out_of_date(
    client, old_listing, django_capture_on_commit_callbacks
):
    from directory.freshness import hide

    run(django_capture_on_commit_callbacks)
    link = STILL_RIGHT.search(mail.outbox[-1].body).group(0)
    hide(old_listing)
    old_listing.refresh_from_db()
    assert not old_listing.live
    assert "Atelier Citoyen" in client.get(link).text  # hidden, but still theirs to confirm
    client.post(link)
    old_listing.refresh_from_db()
    assert old_listing.live and old_listing.last_confirmed == timezone.localdate()


def test_a_withdrawn_listing_stays_withdrawn_whatever_the_still_right_link(
    client, partners, old_listing, django_capture_on_commit_callbacks
):
    from directory.freshness import hide
    from submissions.partner_services import withdraw_submission

    capture = django_capture_on_commit_callbacks
    run(capture)
    link = STILL_RIGHT.search(mail.outbox[-1].body).group(0)
    hide(old_listing)  # hidden as out of date, then withdrawn by its partner
    with capture(execute=True):
        withdraw_submission(partners["organisation"])
    assert "Atelier Citoyen" not in client.get(link).text
    client.post(link)
    old_listing.refresh_from_db()
    assert not old_listing.live
