"""The contact page: fields chosen by editors, the portal's spam defences, the message stored
before any e-mail, the e-mail sent by a background task, messages visible in the admin."""

import time

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command

from contact.models import ContactMessage
from outbox.models import OutgoingEmail
from publicforms.defences import issue_started_token

from .association_support import contact_data, contact_page_fixture  # noqa: F401
from .test_hostile_input import HOSTILE, MARKERS
from .test_submissions_emails import BrokenBackend  # noqa: F401 - named in settings
from .worker_support import production_env, run_worker_batch

pytestmark = pytest.mark.django_db


def post(client, url, data, capture):
    with capture(execute=True):
        return client.post(url, data)


def test_the_form_shows_the_editors_fields_and_why_the_address_is_asked(client, contact_page):
    response = client.get("/en/contact/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    labels = [label.get_text(strip=True) for label in soup.select("main form label")]
    assert labels[1:] == ["Your name", "Your e-mail address", "Your message"]  # after the trap
    email = soup.find("input", attrs={"name": "votre_adresse_e_mail"})
    notice = soup.find(id=email["aria-describedby"].split()[0]).get_text(" ", strip=True)
    assert "only to answer your message" in notice
    assert "erased 1 year after they were received" in notice
    assert soup.find("textarea")["maxlength"] == "5000"
    french = client.get("/fr/contact/").content.decode()
    assert "Votre adresse e-mail" in french


def test_a_message_is_stored_then_emailed_to_the_recipients(
    client, contact_page, django_capture_on_commit_callbacks
):
    response = post(client, "/fr/contact/", contact_data(), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == "/fr/contact/?sent=1"
    message = ContactMessage.objects.get()
    assert message.email == "camille@example.org"
    assert message.language == "fr"
    assert message.form_data == {
        "votre_nom": "Camille Martin",
        "votre_adresse_e_mail": "Camille@Example.org",
        "votre_message": "Bonjour,\nPeut-on visiter le lieu samedi ?",
    }
    stored = OutgoingEmail.objects.get()
    assert stored.recipients == ["team@example.org", "second@example.org"]
    assert stored.sent_at is not None
    [sent] = mail.outbox
    assert sent.to == ["team@example.org", "second@example.org"]
    assert sent.extra_headers["Reply-To"] == "camille@example.org"
    assert "Peut-on visiter le lieu samedi ?" in sent.body
    assert "Camille Martin" in sent.body
    assert "\n" not in sent.subject
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Message sent" in thanks.content.decode() or "Message envoyé" in thanks.content.decode()


def test_a_dead_mail_server_loses_no_message(
    client, contact_page, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.test_submissions_emails.BrokenBackend"
    response = post(client, "/en/contact/", contact_data(), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert ContactMessage.objects.count() == 1
    waiting = OutgoingEmail.objects.get()
    assert waiting.sent_at is None and waiting.attempts == 1
    assert "mail server down" in waiting.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_submission_emails", verbosity=0)
    assert len(mail.outbox) == 1


def test_without_recipients_the_message_is_only_stored(
    client, contact_page, django_capture_on_commit_callbacks
):
    page = contact_page["fr"]
    page.to_address = ""
    page.save_revision().publish()
    response = post(client, "/fr/contact/", contact_data(), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 1
    assert OutgoingEmail.objects.count() == 0


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"homepage": "http://spam.example"}, "could not be sent"),
        ({"started": lambda: issue_started_token(time.time())}, "too quickly"),
        ({"started": "forged"}, "could not be sent"),
        ({"votre_nom": "Camille\x07Martin"}, "invisible control characters"),
        ({"votre_nom": "Camille\nBcc: victim@example.org"}, "line breaks"),
        ({"votre_message": "Salut \u202egnp.exe"}, "invisible control characters"),
        ({"votre_message": '<script>alert("x")</script>'}, "HTML tags"),
        ({"votre_message": "<a href=x>lien</a>"}, "HTML tags"),
        ({"votre_message": "voir javascript:alert(1)"}, "script addresses"),
        ({"votre_message": "x" * 5001}, "at most 5000 characters"),
        ({"votre_nom": "x" * 256}, "at most 255 characters"),
        ({"votre_adresse_e_mail": "pas-une-adresse"}, "valid email address"),
        ({"votre_message": ""}, "This field is required"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(
    client, contact_page, overrides, message, django_capture_on_commit_callbacks
):
    overrides = {name: value() if callable(value) else value for name, value in overrides.items()}
    response = post(
        client, "/en/contact/", contact_data(**overrides), django_capture_on_commit_callbacks
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert ContactMessage.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0
    assert 'role="alert"' in response.content.decode()  # the error summary


def test_plain_text_with_angle_brackets_is_accepted(
    client, contact_page, django_capture_on_commit_callbacks
):
    text = "Tarif : 3 < 5 €, et 10 > 2. Merci !\n\tÀ bientôt 😀"
    response = post(
        client, "/en/contact/", contact_data(votre_message=text), django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert ContactMessage.objects.get().form_data["votre_message"] == text


def test_hostile_values_never_give_a_server_error(
    client, contact_page, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_FORM_RATE = "100000/h"
    failures = []
    for field in ("votre_nom", "votre_adresse_e_mail", "votre_message"):
        for value in HOSTILE:
            before = ContactMessage.objects.count()
            response = post(
                client,
                "/fr/contact/",
                contact_data(**{field: value}),
                django_capture_on_commit_callbacks,
            )
            stored = ContactMessage.objects.count() - before
            label = f"{field}={value[:30]!r}"
            if response.status_code == 302:
                if stored != 1:
                    failures.append(f"{label}: redirected, stored {stored}")
            elif response.status_code == 400:
                if stored:
                    failures.append(f"{label}: refused but stored")
                if any(marker in response.content.decode() for marker in MARKERS):
                    failures.append(f"{label}: markup in the page")
            else:
                failures.append(f"{label}: {response.status_code}")
    assert not failures, "\n".join(failures)


def test_a_flood_is_stopped(client, contact_page, settings, django_capture_on_commit_callbacks):
    settings.PORTAL_FORM_RATE = "3/h"
    codes = [
        post(client, "/fr/contact/", contact_data(), django_capture_on_commit_callbacks).status_code
        for _ in range(5)
    ]
    assert codes == [302, 302, 302, 429, 429]
    assert ContactMessage.objects.count() == 3
    response = client.post("/en/contact/", contact_data())
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Too many attempts" in response.content.decode()


def test_messages_are_listed_in_the_admin(
    client, admin_client, contact_page, django_capture_on_commit_callbacks
):
    post(client, "/fr/contact/", contact_data(), django_capture_on_commit_callbacks)
    page = contact_page["fr"]
    listing = admin_client.get(f"/admin/forms/submissions/{page.pk}/")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "Camille Martin" in text and "Peut-on visiter le lieu samedi" in text
    export = admin_client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    content = b"".join(export.streaming_content).decode()
    assert "Camille@Example.org" in content
    assert "homepage" not in content and "started" not in content


@pytest.mark.django_db(transaction=True)
def test_with_the_database_queue_the_worker_sends_the_email(
    client, contact_page, settings, tmp_path
):
    """Production configuration: the e-mail waits in the database queue for a `run_worker`
    process with the production settings, which sends it with its Reply-To."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = client.post("/fr/contact/", contact_data())
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 1
    assert OutgoingEmail.objects.filter(sent_at__isnull=True).count() == 1
    queued = DBTaskResult.objects.filter(task_path="outbox.tasks.deliver_email")
    assert queued.filter(status="READY").count() == 1
    assert mail.outbox == []

    env = production_env(tmp_path, f"filecache://{tmp_path / 'cache'}")
    run_worker_batch(env, tmp_path / "worker.log")
    assert OutgoingEmail.objects.filter(sent_at__isnull=True).count() == 0
    sent = [path.read_text() for path in (tmp_path / "mail").iterdir()]
    assert len(sent) == 1
    assert "Reply-To: camille@example.org" in sent[0]
