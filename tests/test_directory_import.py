"""CSV import of directory entries, from the command line and the admin: good rows are
published, bad rows are skipped and reported by row and column, nothing is half-saved,
re-importing updates instead of duplicating, and a dry run saves nothing."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from directory.exports import CSV_COLUMNS
from directory.models import OrganisationPage, PlacePage
from tests import factories as f


@pytest.fixture
def index(site_tree):
    index = f.directory_index(site_tree["fr"])
    f.theme("Démocratie", "democratie")
    return index


def _csv(*rows, columns=None):
    columns = columns or CSV_COLUMNS
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


GOOD = [
    {
        "entry_type": "organisation",
        "name": "Les Halles Civiques",
        "summary": "Un tiers-lieu citoyen.",
        "organisation_type": "association",
        "relation": "member",
        "themes": "democratie",
        "keywords": "belleville|quartier",
        "street_address": "1 rue de la Mare",
        "postcode": "75020",
        "city": "Paris",
        "country": "FR",
        "latitude": "48.8718",
        "longitude": "2.3845",
        "website": "https://halles.example",
        "year": "2019",
        "contact_email": "bonjour@halles.example",
    },
    {
        "entry_type": "place",
        "name": "Darwin",
        "summary": "Écosystème à Bordeaux.",
        "kind": "temporary-occupation",
        "city": "Bordeaux",
        "country": "FR",
        "step_free_access": "true",
        "quiet_hours": "false",
    },
]
BAD = [
    {"entry_type": "spaceship", "name": "X", "summary": "x"},
    {
        "entry_type": "organisation",
        "name": "Sans type",
        "summary": "",
        "organisation_type": "cartel",
        "relation": "member",
        "latitude": "95",
        "longitude": "2",
        "themes": "inconnu",
        "website": "javascript:alert(1)",
    },
    {"entry_type": "place", "name": "Mauvais lieu", "summary": "s", "kind": "castle"},
]


def _write(tmp_path, text, name="entries.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_good_file_publishes_entries(index, tmp_path, capsys):
    call_command("import_directory", _write(tmp_path, _csv(*GOOD)))
    out = capsys.readouterr()
    assert "created 2, updated 0, skipped 0 of 2 rows" in out.out
    assert "\r[" in out.err and "2/2" in out.err  # the progress bar
    halles = OrganisationPage.objects.get(title="Les Halles Civiques")
    assert halles.live and halles.get_parent().pk == index.pk
    assert halles.slug == "les-halles-civiques"
    assert [theme.slug for theme in halles.themes.all()] == ["democratie"]
    assert sorted(tag.name for tag in halles.keywords.all()) == ["belleville", "quartier"]
    assert halles.show_contact and halles.contact_email == "bonjour@halles.example"
    assert halles.year_founded == 2019
    darwin = PlacePage.objects.get(title="Darwin")
    assert darwin.step_free_access and not darwin.quiet_hours
    assert darwin.kind == "temporary-occupation"


def test_bad_rows_are_skipped_and_reported_by_row_and_column(index, tmp_path, capsys):
    text = _csv(GOOD[0], *BAD)
    with pytest.raises(CommandError, match="3 row"):
        call_command("import_directory", _write(tmp_path, text))
    err = capsys.readouterr().err
    assert "row 3 [entry_type]" in err
    for column in ("summary", "organisation_type", "latitude", "themes", "website"):
        assert f"row 4 [{column}]" in err, column
    assert "row 5 [kind]" in err
    assert list(OrganisationPage.objects.values_list("title", flat=True)) == ["Les Halles Civiques"]
    assert not PlacePage.objects.exists()


def test_reimport_updates_rather_than_duplicates(index, tmp_path, capsys):
    call_command("import_directory", _write(tmp_path, _csv(*GOOD)))
    changed = [
        {**GOOD[0], "summary": "Nouveau résumé.", "name": "Les Halles Civiques"},
        {**GOOD[1], "summary": "Mis à jour."},
    ]
    call_command("import_directory", _write(tmp_path, _csv(*changed), "again.csv"))
    assert "created 0, updated 2" in capsys.readouterr().out
    assert OrganisationPage.objects.count() == 1 and PlacePage.objects.count() == 1
    assert OrganisationPage.objects.get().summary == "Nouveau résumé."
    # Matching by website even when the name changed.
    renamed = {**GOOD[0], "name": "Halles Civiques (nouveau nom)"}
    call_command("import_directory", _write(tmp_path, _csv(renamed), "renamed.csv"))
    assert OrganisationPage.objects.get().title == "Halles Civiques (nouveau nom)"


def test_export_then_import_round_trip_updates_in_place(client, index, tmp_path, capsys):
    f.organisation(index, "=Formule", slug="formule", city="-Lyon", summary="Résumé", website="")
    exported = client.get("/fr/annuaire/export/csv/").getvalue().decode()
    call_command("import_directory", _write(tmp_path, exported))
    assert "created 0, updated 1" in capsys.readouterr().out
    page = OrganisationPage.objects.get()
    assert (page.title, page.city, page.slug) == ("=Formule", "-Lyon", "formule")


def test_dry_run_saves_nothing(index, tmp_path, capsys):
    call_command("import_directory", _write(tmp_path, _csv(*GOOD)), "--dry-run")
    assert "Dry run: would have created 2" in capsys.readouterr().out
    assert not OrganisationPage.objects.exists() and not PlacePage.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        # Commands speak the site's default language (French).
        ("name,summary\nA,b\n", "Colonnes manquantes.*entry_type"),
        ("entry_type,name,summary,password\n", "Colonnes inconnues.*password"),
        (b"\xff\xfe\x00\x00garbage", "pas un texte en UTF-8"),
    ],
)
def test_unusable_files_are_refused_as_a_whole(index, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(CommandError, match=message):
        call_command("import_directory", str(path))


def test_unknown_locale_is_refused(index, tmp_path):
    with pytest.raises(CommandError, match="Aucune langue"):
        call_command("import_directory", _write(tmp_path, _csv(*GOOD)), "--locale", "de")


# --- Admin -------------------------------------------------------------------------------


@pytest.fixture
def admin_client(client, index, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "a@example.org", "pass-pass-123")
    client.force_login(user)
    return client


def _upload(client, text, dry_run):
    data = {"file": SimpleUploadedFile("e.csv", text.encode(), "text/csv"), "locale": "fr"}
    if dry_run:
        data["dry_run"] = "on"
    return client.post("/admin/directory/import/", data)


def test_admin_dry_run_preview_then_import(admin_client):
    assert admin_client.get("/admin/directory/import/").status_code == 200
    text = _csv(*GOOD, BAD[2])
    response = _upload(admin_client, text, dry_run=True)
    html = response.content.decode()
    assert response.status_code == 200
    # The admin speaks French to a user who chose no language.
    assert "Essai à blanc" in html and "Création prévue" in html
    assert "<code>kind</code>" in html
    assert not OrganisationPage.objects.exists()
    html = _upload(admin_client, text, dry_run=False).content.decode()
    assert "Créées : 2. Mises à jour : 0. Ignorées (erreurs) : 1." in html
    assert OrganisationPage.objects.count() == 1 and PlacePage.objects.count() == 1


def test_admin_refuses_a_file_that_is_not_csv(admin_client):
    upload = SimpleUploadedFile("e.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "text/csv")
    response = admin_client.post("/admin/directory/import/", {"file": upload, "locale": "fr"})
    assert response.status_code == 200
    assert "pas un texte en UTF-8" in response.content.decode()
    assert not OrganisationPage.objects.exists()


def test_admin_refuses_a_first_line_too_long_for_a_csv_header(admin_client):
    # A GoGoCarto export (one long line) sent with the format left at CSV: not a 500.
    upload = SimpleUploadedFile("e.csv", b"[" * 200_000, "text/csv")
    response = admin_client.post("/admin/directory/import/", {"file": upload, "locale": "fr"})
    assert response.status_code == 200
    assert "pas un CSV valide" in response.content.decode()


def test_admin_import_needs_publish_permission(client, index, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", "e@example.org", "pass-pass-123")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/directory/import/")
    assert response.status_code in (302, 403)
    response = _upload(client, _csv(*GOOD), dry_run=False)
    assert response.status_code in (302, 403)
    assert not OrganisationPage.objects.exists()
