"""manage.py import_directory FILE.csv [--dry-run] [--locale fr]"""

import sys

from directory.importer import DirectoryImporter, read_csv
from fileimports.commands import ImportFileCommand


class Command(ImportFileCommand):
    help = (
        "Import organisations and places from a CSV with the columns of the directory's CSV "
        "export. Valid rows are published, invalid rows are skipped and reported; a row "
        "updates the entry it matches (slug in `url`, website, or name + city)."
    )
    file_help = "CSV file (UTF-8) with the export's columns"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--locale", default="fr", help="Language of the rows (default: fr)")

    def handle(self, *args, file, dry_run, locale, verbosity, **options):
        data = self.read_file(file)
        with self.refusals():
            rows = read_csv(data)
            importer = DirectoryImporter(locale)
        progress = self._progress_bar if verbosity > 0 else None
        report = importer.run(rows, dry_run=dry_run, progress=progress)
        if progress and rows:
            sys.stderr.write("\n")
        self.write_errors(report)
        summary = (
            f"{'Dry run: would have ' if dry_run else ''}created {report.created}, "
            f"updated {report.updated}, skipped {report.skipped} of {len(rows)} rows."
        )
        self.finish(report, summary, f"{report.skipped} row(s) skipped; see the errors above.")

    @staticmethod
    def _progress_bar(done, total, width=30):
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\r[{bar}] {done}/{total}")
        sys.stderr.flush()
