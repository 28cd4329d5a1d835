"""Everything held about one address: found, exported (JSON) and erased from the admin and a
command, each action in Wagtail's audit log, and after erasure no trace in any table."""

import datetime as dt
import json
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone, translation
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from newsletter.models import Subscriber
from outbox.models import OutgoingEmail
from privacy.models import DataRequest, address_digest
from programme.models import Registration
from rooms.models import RoomRequest
from submissions.models import Submission

from .association_support import contact_data, newsletter_data
from .hardening_support import demo, demo_db  # noqa: F401 - fixtures
from .rooms_support import request_data
from .submissions_support import organisation_data
from .test_hostile_input import _open_event

pytestmark = pytest.mark.usefixtures("demo")

TARGET = "Erase.Me@Example.org"
OTHER = "keep.me@example.org"
PASSWORD = "correct-horse-battery"


def tables_mentioning(text):
    """Every table and column whose text holds `text` (any case): the whole database, not
    only the models the portal knows of (search indexes, task queue, audit log...)."""
    needle = f"%{text.lower()}%"
    quote = connection.ops.quote_name
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                sql = (
                    f"SELECT COUNT(*) FROM {quote(table)} "  # noqa: S608 - names from the schema
                    f"WHERE LOWER(CAST({quote(column.name)} AS TEXT)) LIKE %s"
                )
                try:
                    with transaction.atomic():
                        cursor.execute(sql, [needle])
                        count = cursor.fetchone()[0]
                except DatabaseError:  # a column that has no text form
                    continue
                if count:
                    hits.append(f"{table}.{column.name}")
    return hits


def _post(client, url, data, capture):
    with capture(execute=True):
        return client.post(url, data)


def hold_data_about(client, email, capture):
    """Give `email` to every public form of the portal, as a person would."""
    from rooms.models import RoomsIndexPage
    from submissions.models import SubmissionIndexPage

    proposals = SubmissionIndexPage.objects.live().get(locale__language_code="fr")
    response = _post(
        client,
        proposals.url + proposals.reverse_subpage("organisation"),
        organisation_data(email=email, title=f"Atelier {uuid.uuid4().hex[:6]}"),
        capture,
    )
    assert response.status_code == 302

    rooms = RoomsIndexPage.objects.live().get(locale__language_code="fr")
    request_url = rooms.url + rooms.reverse_subpage("request")
    room = client.get(request_url).context["form"].fields["room"].queryset.first()
    start = timezone.localtime() + dt.timedelta(days=20)
    response = _post(
        client,
        request_url,
        request_data(
            email=email,
            room=room.slug,
            contact_name=f"Contact {email}",
            start=start.strftime("%Y-%m-%dT%H:%M"),
            end=(start + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        ),
        capture,
    )
    assert response.status_code == 302

    event = _open_event()
    occurrence = client.get(event.url).context["registration_form"].fields["occurrence"]
    data = {"occurrence": occurrence.choices[0][0], "name": "Ada", "email": email, "website": ""}
    assert _post(client, event.url, data, capture).status_code == 302

    contact = contact_data(votre_adresse_e_mail=email, objet="Une question")
    assert _post(client, "/fr/contact/", contact, capture).status_code == 302

    assert (
        _post(client, "/fr/newsletter/", newsletter_data(email=email), capture).status_code == 302
    )
    subscriber = Subscriber.objects.get(email=email.lower())
    from newsletter.tokens import confirm_token

    _post(client, f"/fr/newsletter/confirm/{confirm_token(subscriber)}/", {}, capture)
    return subscriber


@pytest.fixture
def people(client, settings, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    settings.PORTAL_FORM_RATE = "100000/h"
    settings.PORTAL_STAFF_EMAILS = ["staff@example.org"]
    target = hold_data_about(client, TARGET, django_capture_on_commit_callbacks)
    hold_data_about(client, OTHER, django_capture_on_commit_callbacks)
    # Mentions outside the records themselves: an editor's action in the audit log, and a
    # failed background task whose traceback quotes the address.
    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", PASSWORD)
    log(instance=target, action="wagtail.edit", user=admin)
    DBTaskResult.objects.create(
        status="FAILED",
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="outbox.tasks.deliver_email",
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        finished_at=timezone.now(),
        exception_class_path="smtplib.SMTPRecipientsRefused",
        traceback=f"SMTPRecipientsRefused: {{'{TARGET.lower()}': (550, b'No such user')}}",
    )
    return admin


def manager_client(client):
    """A staff member whose group may manage personal data (not a superuser)."""
    user = get_user_model().objects.create_user("dpo", "dpo@example.org", PASSWORD, is_staff=True)
    group = Group.objects.create(name="Data protection")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="manage_personal_data"),
    )
    user.groups.add(group)
    client.force_login(user)
    return client


def test_erasing_an_address_leaves_no_trace_in_any_table(people, client):
    assert len(tables_mentioning(TARGET)) >= 8  # the address really is everywhere first
    others_before = set(tables_mentioning(OTHER))
    manager = manager_client(client)

    found = manager.post("/admin/personal-data/", {"email": TARGET, "action": "find"})
    assert found.status_code == 200
    counts = {item.source.key: item.count for item in found.context["found"]}
    assert counts["submissions"] == 1
    assert counts["room_requests"] == 1
    assert counts["registrations"] == 1
    assert counts["contact_messages"] == 1
    assert counts["newsletter"] == 1
    assert counts["emails"] >= 3
    assert counts["audit_log"] == 1 and counts["task_results"] == 1

    refused = manager.post("/admin/personal-data/", {"email": TARGET, "action": "erase"})
    assert "confirm" in refused.context["form"].errors
    assert Subscriber.objects.filter(email=TARGET.lower()).exists()

    erased = manager.post(
        "/admin/personal-data/", {"email": TARGET, "action": "erase", "confirm": "on"}
    )
    assert erased.status_code == 200
    assert "data-privacy-erased" in erased.content.decode()

    assert tables_mentioning(TARGET) == []
    assert set(tables_mentioning(OTHER)) == others_before  # nobody else's data was touched
    assert Registration.objects.filter(email=OTHER).count() == 1
    assert RoomRequest.objects.filter(email=OTHER).count() == 1
    assert Submission.objects.filter(email=OTHER).count() == 1


def test_each_action_is_in_the_audit_log_without_the_address(people, client):
    manager = manager_client(client)
    manager.post("/admin/personal-data/", {"email": TARGET, "action": "find"})
    export = manager.post("/admin/personal-data/", {"email": TARGET, "action": "export"})
    manager.post("/admin/personal-data/", {"email": TARGET, "action": "erase", "confirm": "on"})

    actions = list(DataRequest.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["find", "export", "erase"]
    for request in DataRequest.objects.all():
        assert request.address_digest == address_digest(TARGET)
        assert request.user.username == "dpo"
        entry = ModelLogEntry.objects.get(object_id=str(request.pk), action__startswith="privacy.")
        assert entry.action == f"privacy.{request.action}"
        assert entry.user_id == request.user_id
        assert "erase.me" not in json.dumps(entry.data).lower() + entry.label.lower()
    erase = DataRequest.objects.get(action="erase")
    assert erase.counts["newsletter"] == 1 and erase.total >= 9
    entry = ModelLogEntry.objects.get(action="privacy.erase")
    with translation.override("en"):
        message = log_registry.get_formatter(entry).format_message(entry)
    assert message == f"Erased the personal data of one address: {erase.total} records"
    history = client.get("/admin/reports/site-history/")
    assert history.status_code == 200
    assert str(erase) in history.content.decode()  # listed with the other changes
    assert export.status_code == 200


def test_the_export_gives_the_person_everything_held(people, client):
    manager = manager_client(client)
    response = manager.post("/admin/personal-data/", {"email": TARGET, "action": "export"})
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment")
    assert "erase" not in response["Content-Disposition"].lower()  # no address in a file name
    data = json.loads(response.content)
    assert data["address"] == TARGET.lower()
    records = data["data"]
    assert records["room_requests"]["records"][0]["contact_name"] == f"Contact {TARGET}"
    assert records["registrations"]["records"][0]["name"] == "Ada"
    assert records["newsletter"]["records"][0]["status"] == "confirmed"
    assert records["contact_messages"]["records"][0]["fields"]["votre_adresse_e_mail"] == TARGET
    assert records["submissions"]["records"][0]["email"] == TARGET
    assert records["submissions"]["retention"]


def test_only_people_with_the_permission_reach_the_view(people, client):
    user = get_user_model().objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    assert client.get("/admin/personal-data/").status_code in (302, 403)
    response = client.post("/admin/personal-data/", {"email": TARGET, "action": "erase"})
    assert response.status_code in (302, 403)
    assert Subscriber.objects.filter(email=TARGET.lower()).exists()
    assert "/admin/personal-data/" not in client.get("/admin/").content.decode()

    manager = manager_client(client)
    assert manager.get("/admin/personal-data/").status_code == 200
    assert "/admin/personal-data/" in manager.get("/admin/").content.decode()


def test_bad_addresses_are_refused_without_searching(people, client):
    manager = manager_client(client)
    for value in ("", "not-an-address", "%", "a" * 300 + "@example.org", "x\x00@example.org"):
        response = manager.post("/admin/personal-data/", {"email": value, "action": "erase"})
        assert response.status_code == 200
        assert "found" not in response.context or not response.context["found"]
    assert not DataRequest.objects.exists()


def test_the_command_finds_exports_and_erases(people, capsys):
    call_command("personal_data", "find", TARGET)
    out = capsys.readouterr().out
    assert "newsletter: 1" in out and "room_requests: 1" in out

    call_command("personal_data", "export", TARGET)
    exported = json.loads(capsys.readouterr().out)
    assert exported["data"]["registrations"]["records"][0]["email"] == TARGET.lower()

    call_command("personal_data", "erase", TARGET, "--yes")
    assert tables_mentioning(TARGET) == []
    assert [r.action for r in DataRequest.objects.order_by("pk")] == ["find", "export", "erase"]
    assert all(r.user is None for r in DataRequest.objects.all())


def test_an_upcoming_registration_erased_frees_its_place_for_the_waiting_list(people):
    from programme.places import source_event

    registration = Registration.objects.get(email=TARGET.lower())
    event = source_event(registration.event)
    Registration.objects.create(
        event=event,
        occurrence_start=registration.occurrence_start,
        name="Waiting",
        email="waiting@example.org",
        status="waiting",
    )
    # Only a full event has a waiting list: make it full at the erased person's place.
    event.capacity = Registration.objects.filter(
        event=event, occurrence_start=registration.occurrence_start, status="confirmed"
    ).count()
    event.save_revision().publish()
    mail.outbox.clear()
    call_command("personal_data", "erase", TARGET, "--yes")
    waiting = Registration.objects.get(email="waiting@example.org")
    assert waiting.status == "confirmed"
    assert OutgoingEmail.objects.filter(recipients__icontains="erase.me").count() == 0
