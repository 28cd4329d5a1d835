"""Import of a GoGoCarto map's JSON export into directory entries, from the command line and
the admin: the same validation, matching and dry-run report as the CSV import, descriptions
cleaned, categories that name a theme become themes, no contact details taken over."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from directory.models import OrganisationPage, PlacePage
from tests import factories as f

ELEMENTS = {
    "licence": "https://opendatacommons.org/licenses/odbl/summary/",
    "data": [
        {
            "id": "a1",
            "name": "La Recyclerie",
            "geo": {"latitude": 48.8976, "longitude": 2.3455},
            "address": {
                "streetAddress": "83 boulevard Ornano",
                "postalCode": "75018",
                "addressLocality": "Paris",
                "addressCountry": "FR",
            },
            "categories": ["Démocratie", "Réemploi"],
            "description": "Un tiers-lieu du réemploi. Ouvert à tous.",
            "descriptionMore": "<p>Ateliers <script>alert(1)</script>le samedi.</p>",
            "email": "contact@recyclerie.example",
            "telephone": "01 02 03 04 05",
            "website": "https://recyclerie.example",
        },
        {
            "id": "b2",
            "name": "Le Bocal",
            "address": {"addressLocality": "Liège", "addressCountry": "Belgique"},
            "categories": ["Alimentation"],
        },
        {"id": "c3", "name": "", "address": {"addressLocality": "Lyon"}},  # no name
    ],
}


@pytest.fixture
def index(site_tree):
    index = f.directory_index(site_tree["fr"])
    f.theme("Démocratie", "democratie")
    return index


def _file(tmp_path, document=ELEMENTS):
    path = tmp_path / "elements.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def _import(path, *args):
    with pytest.raises(CommandError, match="1 element"):  # the element without a name
        call_command("import_gogocarto", path, *args)


def test_elements_become_organisations(index, tmp_path, capsys):
    _import(_file(tmp_path), "--organisation-type", "association")
    out, err = capsys.readouterr()
    assert "created 2, updated 0, skipped 1 of 3 elements" in out
    assert "element 3 [name]" in err

    recyclerie = OrganisationPage.objects.get(title="La Recyclerie")
    assert recyclerie.live
    assert recyclerie.organisation_type == "association"
    assert recyclerie.summary == "Un tiers-lieu du réemploi."
    assert [theme.slug for theme in recyclerie.themes.all()] == ["democratie"]
    assert [tag.name for tag in recyclerie.keywords.all()] == ["Réemploi"]
    assert (float(recyclerie.latitude), float(recyclerie.longitude)) == (48.8976, 2.3455)
    assert (recyclerie.street_address, recyclerie.postcode) == ("83 boulevard Ornano", "75018")
    assert "<script>" not in recyclerie.description
    assert "le samedi" in recyclerie.description
    assert "contact@recyclerie.example" not in json.dumps(
        {field.name: str(getattr(recyclerie, field.name, "")) for field in recyclerie._meta.fields}
    )
    bocal = OrganisationPage.objects.get(title="Le Bocal")
    assert bocal.country == "BE"
    assert bocal.summary == "Alimentation"  # no description: its categories


def test_reimport_updates_and_a_dry_run_saves_nothing(index, tmp_path, capsys):
    path = _file(tmp_path)
    _import(path, "--dry-run")
    assert "Dry run: would have created 2" in capsys.readouterr().out
    assert not OrganisationPage.objects.exists()
    _import(path)
    _import(path)
    assert "created 0, updated 2, skipped 1" in capsys.readouterr().out
    assert OrganisationPage.objects.count() == 2


def test_places_when_asked(index, tmp_path, capsys):
    _import(_file(tmp_path), "--entry-type", "place", "--kind", "coworking")
    assert PlacePage.objects.count() == 2 and not OrganisationPage.objects.exists()
    assert set(PlacePage.objects.values_list("kind", flat=True)) == {"coworking"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", "pas du JSON"),
        (b"[" * 200_000, "pas du JSON"),  # the decoder's recursion limit, not a 500
        (b'{"elements": []}', "pas un export GoGoCarto"),
        (b'{"data": [1, 2]}', "pas un export GoGoCarto"),
    ],
)
def test_unusable_files_are_refused_as_a_whole(index, tmp_path, content, message):
    path = tmp_path / "elements.json"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_gogocarto", str(path))
    assert not OrganisationPage.objects.exists()


def test_admin_dry_run_then_import(client, index, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "a@example.org", "pass-pass-123")
    client.force_login(user)

    def post(dry_run):
        upload = SimpleUploadedFile(
            "elements.json", json.dumps(ELEMENTS).encode(), "application/json"
        )
        data = {"file": upload, "locale": "fr", "source": "gogocarto", "entry_type": "place"}
        data.update({"kind": "coworking"} | ({"dry_run": "on"} if dry_run else {}))
        return client.post("/admin/directory/import/", data).content.decode()

    html = post(dry_run=True)
    assert "Essai à blanc" in html and "La Recyclerie" in html
    assert not PlacePage.objects.exists()
    html = post(dry_run=False)
    assert "Créées\xa0: 2. Mises à jour\xa0: 0. Ignorées (erreurs)\xa0: 1." in html
    assert PlacePage.objects.filter(title="La Recyclerie", live=True).exists()
