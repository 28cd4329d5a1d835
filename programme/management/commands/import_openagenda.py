"""manage.py import_openagenda FILE.json [--dry-run] [--language fr] [--organisation SLUG]
[--trusted]"""

from django.conf import settings
from django.core.management.base import CommandError

from directory.models import OrganisationPage
from fileimports.commands import ImportFileCommand
from programme.openagenda import read_openagenda
from programme.openagenda_import import ImportTarget, import_agenda
from programme.pages import ProgrammePage


class Command(ImportFileCommand):
    help = (
        "Import the events of an OpenAgenda export (its JSON) into the programme: one event "
        "per date, updated when imported again (by the events' uid), in moderation unless "
        "--trusted. --dry-run reports what would change and saves nothing."
    )
    file_help = "JSON export of an OpenAgenda agenda"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--language", default="fr", help="Programme to import into")
        parser.add_argument("--organisation", help="Slug of the organiser's directory page")
        parser.add_argument("--trusted", action="store_true", help="Publish without moderation")

    def handle(self, *args, file, dry_run, language, organisation, trusted, **options):
        data = self.read_file(file, max_bytes=settings.PORTAL_OPENAGENDA_MAX_BYTES)
        programme = ProgrammePage.objects.filter(locale__language_code=language).first()
        if programme is None:
            raise CommandError(f"No programme in the language {language!r}.")
        target = ImportTarget(programme, self._organisation(organisation, language), trusted)
        with self.refusals(prefix=f"{file}: "):
            report = import_agenda(target, read_openagenda(data), dry_run=dry_run)
        for outcome in report.outcomes:
            when = f" {outcome.start:%Y-%m-%d %H:%M}" if outcome.start else ""
            reason = f": {outcome.reason}" if outcome.reason else ""
            line = f"event {outcome.position} ({outcome.uid}{when}) {outcome.title}"
            self.stdout.write(f"  {outcome.action} {line}{reason}")
        summary = (
            f"{'Dry run, nothing saved: would have ' if dry_run else ''}created {report.created}, "
            f"updated {report.updated}, unchanged {report.unchanged}, skipped {report.skipped}."
        )
        self.finish(report, summary, f"{report.skipped} date(s) or event(s) skipped; see above.")

    def _organisation(self, slug, language):
        if not slug:
            return None
        found = OrganisationPage.objects.filter(slug=slug, locale__language_code=language).first()
        if found is None:
            raise CommandError(f"No organisation with the slug {slug!r} in {language!r}.")
        return found
