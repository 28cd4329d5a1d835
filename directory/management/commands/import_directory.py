"""manage.py import_directory FILE.csv [--dry-run] [--locale fr]"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.importer import DirectoryImporter, ImportFileError, read_csv


class Command(BaseCommand):
    help = (
        "Import organisations and places from a CSV with the columns of the directory's CSV "
        "export. Valid rows are published, invalid rows are skipped and reported; a row "
        "updates the entry it matches (slug in `url`, website, or name + city)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file (UTF-8) with the export's columns")
        parser.add_argument("--dry-run", action="store_true", help="Check and report, save nothing")
        parser.add_argument("--locale", default="fr", help="Language of the rows (default: fr)")

    def handle(self, *args, file, dry_run, locale, verbosity, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            rows = read_csv(path.read_bytes())
            importer = DirectoryImporter(locale)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        progress = self._progress_bar if verbosity > 0 else None
        report = importer.run(rows, dry_run=dry_run, progress=progress)
        if progress and rows:
            sys.stderr.write("\n")
        for error in report.errors:
            column = f" [{error.column}]" if error.column else ""
            self.stderr.write(f"row {error.row}{column}: {error.message}")
        summary = (
            f"{'Dry run: would have ' if dry_run else ''}created {report.created}, "
            f"updated {report.updated}, skipped {report.skipped} of {len(rows)} rows."
        )
        self.stdout.write(self.style.SUCCESS(summary) if not report.skipped else summary)
        if report.skipped:
            raise CommandError(f"{report.skipped} row(s) skipped; see the errors above.")

    @staticmethod
    def _progress_bar(done, total, width=30):
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        sys.stderr.write(f"\r[{bar}] {done}/{total}")
        sys.stderr.flush()
