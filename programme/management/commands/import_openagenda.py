"""manage.py import_openagenda FILE.json [--dry-run] [--language fr] [--organisation SLUG]
[--trusted]"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from directory.models import OrganisationPage
from programme.openagenda import OpenAgendaFileError, read_openagenda
from programme.openagenda_import import ImportTarget, import_agenda
from programme.pages import ProgrammePage


class Command(BaseCommand):
    help = (
        "Import the events of an OpenAgenda export (its JSON) into the programme: one event "
        "per date, updated when imported again (by the events' uid), in moderation unless "
        "--trusted. --dry-run reports what would change and saves nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON export of an OpenAgenda agenda")
        parser.add_argument("--dry-run", action="store_true", help="Check and report, save nothing")
        parser.add_argument("--language", default="fr", help="Programme to import into")
        parser.add_argument("--organisation", help="Slug of the organiser's directory page")
        parser.add_argument("--trusted", action="store_true", help="Publish without moderation")

    def handle(self, *args, file, dry_run, language, organisation, trusted, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        if path.stat().st_size > settings.PORTAL_OPENAGENDA_MAX_BYTES:
            raise CommandError(f"{file}: larger than {settings.PORTAL_OPENAGENDA_MAX_BYTES} bytes.")
        programme = ProgrammePage.objects.filter(locale__language_code=language).first()
        if programme is None:
            raise CommandError(f"No programme in the language {language!r}.")
        target = ImportTarget(programme, self._organisation(organisation, language), trusted)
        try:
            report = import_agenda(target, read_openagenda(path.read_bytes()), dry_run=dry_run)
        except OpenAgendaFileError as error:
            raise CommandError(f"{file}: {error}") from error
        for outcome in report.outcomes:
            when = f" {outcome.start:%Y-%m-%d %H:%M}" if outcome.start else ""
            reason = f": {outcome.reason}" if outcome.reason else ""
            line = f"event {outcome.position} ({outcome.uid}{when}) {outcome.title}"
            self.stdout.write(f"  {outcome.action} {line}{reason}")
        summary = (
            f"{'Dry run, nothing saved: would have ' if dry_run else ''}created {report.created}, "
            f"updated {report.updated}, unchanged {report.unchanged}, skipped {report.skipped}."
        )
        self.stdout.write(self.style.SUCCESS(summary) if not report.skipped else summary)
        if report.skipped:
            raise CommandError(f"{report.skipped} date(s) or event(s) skipped; see above.")

    def _organisation(self, slug, language):
        if not slug:
            return None
        found = OrganisationPage.objects.filter(slug=slug, locale__language_code=language).first()
        if found is None:
            raise CommandError(f"No organisation with the slug {slug!r} in {language!r}.")
        return found
