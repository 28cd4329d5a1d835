"""manage.py import_gogocarto FILE.json [--dry-run] [--locale fr] [--entry-type organisation]"""

from directory.choices import OrganisationType, PlaceKind, Relation
from directory.gogocarto import gogocarto_rows, read_gogocarto
from directory.importer import DirectoryImporter
from fileimports.commands import ImportFileCommand


class Command(ImportFileCommand):
    help = (
        "Import the elements of a GoGoCarto export (its JSON) as organisations or places. "
        "Valid elements are published, invalid ones are skipped and reported; an element "
        "updates the entry with the same website, or the same name and city."
    )
    file_help = "JSON export of a GoGoCarto map (elements.json)"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--locale", default="fr", help="Language of the elements (default: fr)")
        parser.add_argument(
            "--entry-type", choices=["organisation", "place"], default="organisation"
        )
        parser.add_argument("--organisation-type", choices=OrganisationType.values, default="other")
        parser.add_argument("--relation", choices=Relation.values, default="partner")
        parser.add_argument("--kind", choices=PlaceKind.values, default="other")

    def handle(self, *args, file, dry_run, locale, **options):
        data = self.read_file(file)
        with self.refusals():
            elements = read_gogocarto(data)
            importer = DirectoryImporter(locale)
        rows = gogocarto_rows(elements, options, set(importer.themes))
        report = importer.run(rows, dry_run=dry_run)
        self.write_errors(report, "element", offset=-1)  # numbered as CSV rows, from 2
        summary = (
            f"{'Dry run: would have ' if dry_run else ''}created {report.created}, "
            f"updated {report.updated}, skipped {report.skipped} of {len(rows)} elements."
        )
        self.finish(report, summary, f"{report.skipped} element(s) skipped; see the errors above.")
