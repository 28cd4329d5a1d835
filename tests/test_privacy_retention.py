"""Retention periods: each kind of personal data is erased or anonymised once past its period
(settings with documented defaults), by a command and a task, and nothing younger is touched."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from contact.models import ContactMessage
from newsletter.subscribers import Subscriber, SubscriberStatus
from outbox.models import OutgoingEmail
from privacy import registry
from privacy.models import DataRequest
from programme.models import Registration
from rooms.models import RoomRequest
from submissions.models import Submission

from .association_support import contact_page_fixture  # noqa: F401
from .test_programme_pages import add_event, programme  # noqa: F401 - fixture
from .worker_support import production_env, run_worker_batch

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


@pytest.fixture
def records(programme, contact_page):  # noqa: F811 - fixtures
    """One record of each kind just past its default period ("old") and one just inside it
    ("young"), for the addresses old@... and young@..."""
    now = timezone.now()
    event = add_event(programme, "atelier", now + 7 * DAY, en=False)
    made = {}
    for age, margin in (("old", DAY), ("young", -DAY)):
        email = f"{age}@example.org"

        def ago(days, margin=margin):
            return now - dt.timedelta(days=days) - margin

        registration = Registration.objects.create(
            event=event,
            occurrence_start=ago(365),
            name=f"Name {age}",
            email=email,
            status="confirmed",
        )
        hires = [
            RoomRequest.objects.create(
                organisation_name=f"Org {age} {status}",
                contact_name=f"Contact {age}",
                email=email,
                purpose="Réunion",
                start=ago(730) - dt.timedelta(hours=3),
                end=ago(730),
                attendance=10,
                status=status,
            )
            for status in ("confirmed", "declined")
        ]
        submission = Submission.objects.create(
            kind="organisation", title=f"Proposal {age}", email=email, language="fr"
        )
        Submission.objects.filter(pk=submission.pk).update(updated=ago(365))
        outgoing = OutgoingEmail.objects.create(recipients=[email], subject="Hello", body="Hi")
        OutgoingEmail.objects.filter(pk=outgoing.pk).update(created=ago(90))
        message = ContactMessage.objects.create(
            page=contact_page["fr"], form_data={"votre_adresse_e_mail": email}, email=email
        )
        ContactMessage.objects.filter(pk=message.pk).update(submit_time=ago(365))
        pending = Subscriber.objects.create(
            email=f"pending-{email}", language="fr", confirmation_sent_at=ago(30)
        )
        left = Subscriber.objects.create(
            email=f"left-{email}",
            language="fr",
            status=SubscriberStatus.UNSUBSCRIBED,
            unsubscribed_at=ago(30),
        )
        subscribed = Subscriber.objects.create(
            email=f"subscribed-{email}",
            language="fr",
            status=SubscriberStatus.CONFIRMED,
            confirmed_at=ago(3000),
        )
        made[age] = {
            "registration": registration,
            "hires": hires,
            "submission": submission,
            "outgoing": outgoing,
            "message": message,
            "subscribers": [pending, left, subscribed],
        }
    return made


def _exists(obj):
    return type(obj).objects.filter(pk=obj.pk).exists()


def test_each_kind_is_erased_or_anonymised_past_its_period_and_not_before(records):
    call_command("enforce_retention", verbosity=0)

    old, young = records["old"], records["young"]
    # Past registrations keep the attendance figures, not who came.
    registration = Registration.objects.get(pk=old["registration"].pk)
    assert registration.name == "" and "old@" not in registration.email
    assert registration.status == "confirmed"
    # A confirmed hire stays in the calendar without its contact; a declined one goes.
    confirmed, declined = old["hires"]
    confirmed.refresh_from_db()
    assert (confirmed.contact_name, confirmed.email, confirmed.purpose) == ("", "", "")
    assert confirmed.organisation_name == "Org old confirmed"
    assert not _exists(declined)
    assert not _exists(old["submission"])
    assert not _exists(old["outgoing"])
    assert not _exists(old["message"])
    pending, left, subscribed = old["subscribers"]
    assert not _exists(pending) and not _exists(left)
    assert _exists(subscribed)  # kept while subscribed, however long

    Registration.objects.get(pk=young["registration"].pk, email="young@example.org")
    assert RoomRequest.objects.filter(email="young@example.org").count() == 2
    for name in ("submission", "outgoing", "message"):
        assert _exists(young[name]), name
    assert all(_exists(subscriber) for subscriber in young["subscribers"])


def test_a_second_run_changes_nothing_and_the_run_is_logged(records):
    call_command("enforce_retention", verbosity=0)
    first = DataRequest.objects.get(action="retention")
    assert first.counts == {
        "registrations": 1,
        "submissions": 1,
        "partner_accounts": 0,  # nobody signed in to the partner space
        "room_requests": 2,
        "contact_messages": 1,
        "newsletter": 2,
        "emails": 1,
        "audit_log": 0,
        "task_results": 0,
    }
    entry = ModelLogEntry.objects.get(action="privacy.retention")
    assert entry.object_id == str(first.pk)
    assert entry.data["counts"] == first.counts

    call_command("enforce_retention", verbosity=0)
    second = DataRequest.objects.filter(action="retention").order_by("-pk").first()
    assert second.total == 0


def test_periods_come_from_the_settings(records, settings):
    settings.PORTAL_RETENTION_DAYS = {**settings.PORTAL_RETENTION_DAYS, "contact_messages": 30}
    call_command("enforce_retention", verbosity=0)
    assert not _exists(records["young"]["message"])  # 364 days old: past 30 days
    assert _exists(records["young"]["submission"])


def test_the_task_runs_the_same_retention(records):
    from privacy.tasks import enforce_retention

    result = enforce_retention.enqueue()
    assert result.return_value["contact_messages"] == 1
    assert not _exists(records["old"]["message"])


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_queued_task(records, settings, tmp_path):
    """Production configuration: the scheduler's `enforce_retention --queue` enqueues the
    task in the database; a `run_worker` process with the production settings runs it."""
    from django_tasks_db.models import DBTaskResult

    assert ("enforce_retention --queue", 86400) in settings.PORTAL_SCHEDULE
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("enforce_retention", "--queue", verbosity=0)
    assert _exists(records["old"]["message"])
    assert DBTaskResult.objects.filter(task_path="privacy.tasks.enforce_retention").count() == 1

    env = production_env(tmp_path, f"filecache://{tmp_path / 'cache'}")
    run_worker_batch(env, tmp_path / "worker.log")
    assert not _exists(records["old"]["message"])
    assert _exists(records["young"]["message"])
    assert DBTaskResult.objects.get(task_path="privacy.tasks.enforce_retention").status == (
        "SUCCESSFUL"
    )


def test_every_kind_has_a_purpose_and_a_period_in_words(settings):
    keys = {source.key for source in registry.sources()}
    assert {"registrations", "room_requests", "submissions", "contact_messages"} <= keys
    assert {"newsletter", "emails"} <= keys
    assert set(settings.PORTAL_RETENTION_DAYS) <= keys
    for key, days in settings.PORTAL_RETENTION_DAYS.items():
        source = registry.get(key)
        assert source.retention_days() == days
        assert str(source.purpose) and str(source.retention_text())
    with translation.override("en"):
        assert registry.period_text(365) == "1 year"
        assert registry.period_text(730) == "2 years"
        assert registry.period_text(90) == "3 months"
        assert registry.period_text(30) == "30 days"
        assert registry.period_text(45) == "45 days"
    with translation.override("fr"):
        assert registry.period_text(730) == "2 ans"
        assert registry.period_text(1) == "1 jour"
