"""manage.py import_gogocarto FILE.json [--dry-run] [--locale fr] [--entry-type organisation]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.choices import OrganisationType, PlaceKind, Relation
from directory.gogocarto import gogocarto_rows, read_gogocarto
from directory.importer import DirectoryImporter, ImportFileError


class Command(BaseCommand):
    help = (
        "Import the elements of a GoGoCarto export (its JSON) as organisations or places. "
        "Valid elements are published, invalid ones are skipped and reported; an element "
        "updates the entry with the same website, or the same name and city."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON export of a GoGoCarto map (elements.json)")
        parser.add_argument("--dry-run", action="store_true", help="Check and report, save nothing")
        parser.add_argument("--locale", default="fr", help="Language of the elements (default: fr)")
        parser.add_argument(
            "--entry-type", choices=["organisation", "place"], default="organisation"
        )
        parser.add_argument("--organisation-type", choices=OrganisationType.values, default="other")
        parser.add_argument("--relation", choices=Relation.values, default="partner")
        parser.add_argument("--kind", choices=PlaceKind.values, default="other")

    def handle(self, *args, file, dry_run, locale, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            elements = read_gogocarto(path.read_bytes())
            importer = DirectoryImporter(locale)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        rows = gogocarto_rows(elements, options, set(importer.themes))
        report = importer.run(rows, dry_run=dry_run)
        for error in report.errors:
            column = f" [{error.column}]" if error.column else ""
            self.stderr.write(f"element {error.row - 1}{column}: {error.message}")
        summary = (
            f"{'Dry run: would have ' if dry_run else ''}created {report.created}, "
            f"updated {report.updated}, skipped {report.skipped} of {len(rows)} elements."
        )
        self.stdout.write(self.style.SUCCESS(summary) if not report.skipped else summary)
        if report.skipped:
            raise CommandError(f"{report.skipped} element(s) skipped; see the errors above.")
