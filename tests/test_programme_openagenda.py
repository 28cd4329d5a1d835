"""Import of an OpenAgenda export into the programme, from the command line and the admin:
one event per date, idempotent by uid, texts in the programme's language and cleaned,
moderation unless trusted, an editor's draft left alone, every event's outcome reported, and
bad files refused with a clear message (never a 500)."""

import datetime as dt
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from programme.choices import EventStatus, RegistrationMode
from programme.models import EventPage, OpenAgendaEvent
from programme.openagenda_import import ImportTarget, import_agenda
from tests import factories as f
from tests.test_programme_pages import programme  # noqa: F401 - fixture


def _at(days, hour=18, offset="+02:00"):
    day = timezone.localdate() + dt.timedelta(days=days)
    return f"{day.isoformat()}T{hour:02d}:00:00{offset}"


def agenda_event(uid, title, *timings, **extra):
    return {
        "uid": uid,
        "title": title if isinstance(title, dict) else {"fr": title},
        "timings": [{"begin": _at(day), "end": _at(day, 20)} for day in timings],
        **extra,
    }


EXPORT = {
    "events": [
        agenda_event(
            101,
            {"fr": "Atelier réparation", "en": "Repair workshop"},
            3,
            description={"fr": "Venez <b>réparer</b> vos objets.", "en": "Come and fix things."},
            longDescription={"fr": "<p>Outils fournis.</p><script>alert(1)</script>"},
            conditions={"fr": "Gratuit, sans inscription."},
            location={
                "name": "Atelier du coin",
                "address": "12 rue des Lilas",
                "city": "Paris",
                "postalCode": "75019",
                "latitude": 48.8768,
                "longitude": 2.3924,
            },
            accessibility={"mi": True, "hi": False},
            keywords={"fr": ["Réparation", "Démocratie"], "en": ["Repair"]},
            registration=[
                {"type": "email", "value": "x@example.org"},
                {"type": "link", "value": "https://inscription.example/atelier"},
            ],
        ),
        agenda_event(102, "Balade botanique", 4, 11, 18, status=6),
        agenda_event(103, "Sans date"),  # no timings
        {"title": {"fr": "Sans identifiant"}, "timings": [{"begin": _at(5)}]},
        agenda_event(104, "Date illisible", 5) | {"timings": [{"begin": "mardi soir"}]},
        agenda_event(105, "Déjà passé", -10),
    ]
}


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def _file(tmp_path, document=EXPORT, name="agenda.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def _command(path, *args):
    with pytest.raises(CommandError, match="4 date"):  # the four unusable events
        call_command("import_openagenda", path, *args)


def test_events_are_imported_one_page_per_date(programme, tmp_path, capsys):  # noqa: F811
    index = f.directory_index(programme.get_parent())
    f.organisation(index, "Maison des possibles", slug="maison")
    f.theme("Démocratie", "democratie")
    _command(_file(tmp_path), "--organisation", "maison")
    out = capsys.readouterr().out
    assert "created 4, updated 0, unchanged 0, skipped 4" in out
    assert "It has no dates" in out and "no identifier" in out
    assert "A date cannot be read: mardi soir" in out and "All its dates are over" in out

    atelier = EventPage.objects.get(title="Atelier réparation")
    assert not atelier.live and atelier.workflow_in_progress  # moderation, not trusted
    assert atelier.summary == "Venez réparer vos objets."
    assert "Outils fournis." in atelier.description and "Gratuit" in atelier.description
    assert "<script>" not in atelier.description and "alert" not in atelier.description
    assert (atelier.venue_name, atelier.venue_address) == ("Atelier du coin", "12 rue des Lilas")
    assert atelier.venue_city == "75019 Paris"
    assert (float(atelier.latitude), float(atelier.longitude)) == (48.8768, 2.3924)
    assert atelier.step_free_access
    assert atelier.registration_mode == RegistrationMode.EXTERNAL
    assert atelier.registration_url == "https://inscription.example/atelier"
    assert [o.title for o in atelier.organisers.all()] == ["Maison des possibles"]
    assert [theme.slug for theme in atelier.themes.all()] == ["democratie"]  # a known theme
    assert atelier.start == dt.datetime.fromisoformat(_at(3))

    balades = EventPage.objects.filter(title="Balade botanique").order_by("start")
    assert balades.count() == 3  # one page per date, as a partner's iCal series
    assert {event.status for event in balades} == {EventStatus.CANCELLED}


def test_reimport_updates_rather_than_duplicates(programme, tmp_path, capsys):  # noqa: F811
    path = _file(tmp_path)
    _command(path, "--trusted")
    assert EventPage.objects.live().count() == 4
    _command(path, "--trusted")
    assert "created 0, updated 0, unchanged 4, skipped 4" in capsys.readouterr().out
    changed = json.loads(json.dumps(EXPORT))
    changed["events"][0]["title"] = {"fr": "Atelier réparation (complet)"}
    changed["events"][0]["status"] = 5
    _command(_file(tmp_path, changed), "--trusted")
    assert "created 0, updated 1, unchanged 3" in capsys.readouterr().out
    assert EventPage.objects.count() == 4 and OpenAgendaEvent.objects.count() == 4
    atelier = EventPage.objects.get(title="Atelier réparation (complet)")
    assert atelier.live and atelier.status == EventStatus.FULL


def test_english_programme_takes_english_titles(programme, tmp_path):  # noqa: F811
    from programme.pages import ProgrammePage

    english = ProgrammePage.objects.get(locale__language_code="en")
    report = import_agenda(ImportTarget(english, trusted=True), EXPORT["events"][:1])
    assert report.created == 1
    assert EventPage.objects.child_of(english).get().title == "Repair workshop"


def test_dry_run_reports_and_saves_nothing(programme, tmp_path, capsys):  # noqa: F811
    _command(_file(tmp_path), "--dry-run")
    out = capsys.readouterr().out
    assert "Dry run, nothing saved: would have created 4" in out
    assert "created event 1 (101" in out
    assert not EventPage.objects.exists() and not OpenAgendaEvent.objects.exists()


def test_an_editors_draft_is_not_published_over(programme, django_user_model):  # noqa: F811
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pass-pass-123")
    target = ImportTarget(programme, trusted=True)
    import_agenda(target, EXPORT["events"][:1])
    atelier = EventPage.objects.get()
    draft = atelier.get_latest_revision_as_object()
    draft.summary = "Le texte de la rédaction."
    draft.save_revision(user=editor)
    changed = agenda_event(101, "Atelier réparation, nouveau titre", 3)
    report = import_agenda(target, [changed])
    (outcome,) = report.outcomes
    assert outcome.action == "skipped" and "unpublished changes" in outcome.reason
    atelier.refresh_from_db()
    assert atelier.title == "Atelier réparation"  # the live version is untouched
    assert atelier.get_latest_revision_as_object().summary == "Le texte de la rédaction."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", "not JSON"),
        (b'{"data": []}', "not an OpenAgenda export"),
        (b"[1, 2]", "not an OpenAgenda export"),
        (b"\xff\xfe", "not JSON"),
    ],
)
def test_unusable_files_are_refused_whole(programme, tmp_path, content, message):  # noqa: F811
    path = tmp_path / "agenda.json"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_openagenda", str(path))
    assert not EventPage.objects.exists()


def test_a_huge_file_is_refused(programme, tmp_path, settings):  # noqa: F811
    settings.PORTAL_OPENAGENDA_MAX_BYTES = 100
    # The admin's words, with the limit in force.
    refusal = r"agenda\.json: The file is larger than 100\xa0bytes\.$"
    with pytest.raises(CommandError, match=refusal):
        call_command("import_openagenda", _file(tmp_path))


def test_too_many_dates_are_refused_whole(programme, settings):  # noqa: F811
    from fileimports.files import ImportFileError

    settings.PORTAL_OPENAGENDA_MAX_EVENTS = 2
    with pytest.raises(ImportFileError, match="more than 2 dates"):
        import_agenda(ImportTarget(programme), EXPORT["events"])
    assert not EventPage.objects.exists()


def test_a_failure_midway_leaves_nothing(programme, monkeypatch):  # noqa: F811
    from programme import openagenda_import

    calls = []

    def failing(target, agenda_event):
        calls.append(agenda_event)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(target, agenda_event)

    original = openagenda_import._create
    monkeypatch.setattr(openagenda_import, "_create", failing)
    with pytest.raises(RuntimeError):
        import_agenda(ImportTarget(programme, trusted=True), EXPORT["events"])
    assert not EventPage.objects.exists() and not OpenAgendaEvent.objects.exists()


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "a@example.org", "pass-pass-123")
    client.force_login(user)
    return client


def _post(client, programme, content, dry_run):  # noqa: F811
    upload = SimpleUploadedFile("agenda.json", content, "application/json")
    data = {"file": upload, "programme": str(programme.pk), "trusted": "on"}
    return client.post(
        "/admin/programme/openagenda/", data | ({"dry_run": "on"} if dry_run else {})
    )


def test_admin_dry_run_then_import(admin, programme):  # noqa: F811
    assert "/admin/programme/openagenda/" in admin.get("/admin/").content.decode()
    content = json.dumps(EXPORT).encode()
    html = _post(admin, programme, content, dry_run=True).content.decode()  # the admin in French
    assert "Essai à blanc" in html and "Atelier réparation" in html
    assert "Il n’a pas d’identifiant" in html
    assert not EventPage.objects.exists()
    response = _post(admin, programme, content, dry_run=False)
    assert response.status_code == 200
    created = "Créés\xa0: 4. Mis à jour\xa0: 0. Inchangés\xa0: 0. Ignorés\xa0: 4."
    assert created in response.content.decode()
    assert EventPage.objects.live().count() == 4


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"{oops", "pas du JSON"), (b'{"events": "x"}', "pas un export OpenAgenda")],
)
def test_admin_shows_bad_files_in_the_form(admin, programme, content, message):  # noqa: F811
    response = _post(admin, programme, content, dry_run=False)
    assert response.status_code == 200  # the form again, with the error under the file
    assert message in response.content.decode() and 'class="error-message"' in (
        response.content.decode()
    )


def test_admin_refuses_a_huge_file_and_editors_without_rights(
    admin,
    programme,  # noqa: F811
    settings,
    client,
    django_user_model,
):
    settings.PORTAL_OPENAGENDA_MAX_BYTES = 10
    response = _post(admin, programme, json.dumps(EXPORT).encode(), dry_run=True)
    assert response.status_code == 200 and "Le fichier dépasse" in response.content.decode()
    client.logout()
    nobody = django_user_model.objects.create_user("nobody", "n@example.org", "pass-pass-123")
    nobody.is_staff = True
    nobody.save()
    client.force_login(nobody)
    assert client.get("/admin/programme/openagenda/").status_code in (302, 403)


def test_odd_values_are_skipped_or_ignored_never_a_crash(programme):  # noqa: F811
    odd = [
        agenda_event(201, "Fin des temps") | {"timings": [{"begin": "9999-12-31T23:00:00-05:00"}]},
        agenda_event(202, "Lieu multilingue", 3, location={"name": {"fr": "Le Jardin"}, "city": 7}),
        agenda_event(203, "Statut étrange", 3, status={"x": 1}, registration="non"),
        agenda_event(True, "Identifiant booléen", 3),
    ]
    report = import_agenda(ImportTarget(programme, trusted=True), odd)
    actions = {outcome.uid: (outcome.action, outcome.reason) for outcome in report.outcomes}
    assert actions["201"][0] == "skipped" and "cannot be read" in actions["201"][1]
    assert actions["202"] == ("created", "") and actions["203"] == ("created", "")
    assert actions["True"] == ("skipped", "It has no identifier (“uid”).")
    jardin = EventPage.objects.get(title="Lieu multilingue")
    assert (jardin.venue_name, jardin.venue_city) == ("Le Jardin", "7")


def test_deeply_nested_json_is_refused_as_a_file(programme, tmp_path):  # noqa: F811
    path = tmp_path / "agenda.json"
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(CommandError, match="not JSON"):
        call_command("import_openagenda", str(path))
