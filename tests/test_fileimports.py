"""What both imports of a partner's file share (fileimports/): the same refusals, in the same
words, in the admin and on the command line, the dry run ticked and last in both forms, and
JSON exports read the same way."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from directory.models import OrganisationPage
from fileimports.files import ImportFileError, read_json_list
from programme.models import EventPage
from tests import factories as f
from tests.test_programme_pages import programme  # noqa: F401 - fixture


@pytest.fixture
def admin(client, programme, django_user_model):  # noqa: F811
    f.directory_index(programme.get_parent())
    user = django_user_model.objects.create_superuser("admin", "a@example.org", "pass-pass-123")
    client.force_login(user)
    client.imports = {  # each import's page, and what its form needs besides the file
        "directory": ("/admin/directory/import/", {"locale": "fr", "source": "gogocarto"}),
        "openagenda": ("/admin/programme/openagenda/", {"programme": str(programme.pk)}),
    }
    return client


def _refusal(client, kind, content):
    url, data = client.imports[kind]
    upload = SimpleUploadedFile("export.json", content, "application/json")
    response = client.post(url, {**data, "file": upload, "dry_run": "on"})
    assert response.status_code == 200  # the form again, not an error page
    html = response.content.decode()
    assert "import-report-heading" not in html  # refused before any import, dry or not
    return re.search(r'<div class="error-message">(.*?)</div>', html, re.S).group(1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        # The decoder's recursion limit: a clear refusal, never a 500.
        (b"[" * 200_000, "Le fichier n’est pas du JSON : trop d’imbrications"),
        (b" " * (5 * 1024 * 1024 + 1), "Le fichier dépasse 5,0\xa0Mio."),
    ],
)
def test_both_admin_imports_refuse_a_bad_file_in_the_same_words(admin, content, message):
    refusals = {kind: _refusal(admin, kind, content) for kind in admin.imports}
    assert message in refusals["directory"]
    assert refusals["openagenda"] == refusals["directory"]
    assert not OrganisationPage.objects.exists() and not EventPage.objects.exists()


def test_both_forms_state_the_size_limit_they_apply(admin, settings):
    settings.PORTAL_OPENAGENDA_MAX_BYTES = 2 * 1024 * 1024  # the directory keeps its 5 MB
    limits = {"directory": "5,0\xa0Mio au plus", "openagenda": "2,0\xa0Mio au plus"}
    for kind, (url, _data) in admin.imports.items():
        assert limits[kind] in admin.get(url).content.decode(), kind
    big = b" " * (2 * 1024 * 1024 + 1)
    assert "Le fichier dépasse 2,0\xa0Mio." in _refusal(admin, "openagenda", big)


def test_both_forms_tick_the_dry_run_and_put_it_last(admin):
    for url, _data in admin.imports.values():
        html = admin.get(url).content.decode()
        names = re.findall(r'<(?:input|select)[^>]*name="(\w+)"', html)
        assert names[-1] == "dry_run", url
        assert re.search(r'<input[^>]*name="dry_run"[^>]*checked', html), url


@pytest.mark.parametrize("command", ["import_directory", "import_gogocarto", "import_openagenda"])
def test_every_import_command_says_when_the_file_is_missing(db, command, tmp_path):
    missing = tmp_path / "missing.json"
    with pytest.raises(CommandError, match=f"No such file: {missing}"):
        call_command(command, str(missing))


@pytest.mark.parametrize(
    "content",
    [
        b'[{"uid": 1}, {"uid": 2}]',
        b'{"events": [{"uid": 1}, {"uid": 2}], "total": 2}',
        b'\xef\xbb\xbf{"events": [{"uid": 1}, {"uid": 2}]}',  # saved with a byte-order mark
    ],
)
def test_a_json_export_is_its_list_or_the_list_under_its_key(content):
    assert read_json_list(content, "events", "no events") == [{"uid": 1}, {"uid": 2}]


@pytest.mark.parametrize("content", [b'{"data": []}', b'{"events": {"uid": 1}}', b"[1, 2]"])
def test_an_export_without_a_list_of_objects_is_refused_with_the_importers_words(content):
    with pytest.raises(ImportFileError, match="^Not an agenda$"):
        read_json_list(content, "events", "Not an agenda")
