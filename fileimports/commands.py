"""What every `manage.py import_…` command of a partner's file shares: the FILE argument and
--dry-run, the file read with a clear error, and its end: the summary (in green when nothing
was skipped) and, when something was, a CommandError, so that a script sees it failed."""

from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from .files import ImportFileError, too_large_message


class ImportFileCommand(BaseCommand):
    file_help = ""  # what the file is

    def add_arguments(self, parser):
        parser.add_argument("file", help=self.file_help)
        parser.add_argument("--dry-run", action="store_true", help="Check and report, save nothing")

    def read_file(self, file, max_bytes=None):
        """The file's bytes; with `max_bytes`, a larger file is refused before it is read."""
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise CommandError(f"{file}: {too_large_message(max_bytes)}")
        return path.read_bytes()

    @contextmanager
    def refusals(self, prefix=""):
        """An ImportFileError raised inside ends the command with its message."""
        try:
            yield
        except ImportFileError as error:
            raise CommandError(f"{prefix}{error}") from error

    def write_errors(self, report, what="row", offset=0):
        """One line per skipped row: `what` it is, its number (shifted by `offset`), the
        column when one is to blame, and why."""
        for error in report.errors:
            column = f" [{error.column}]" if error.column else ""
            self.stderr.write(f"{what} {error.row + offset}{column}: {error.message}")

    def finish(self, report, summary, skipped_message):
        self.stdout.write(self.style.SUCCESS(summary) if not report.skipped else summary)
        if report.skipped:
            raise CommandError(skipped_message)
