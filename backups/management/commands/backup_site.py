"""Write a backup of the whole site (database content and media) to one archive."""

import sys

from django.core.management.base import BaseCommand

from backups.archive import create_backup


class Command(BaseCommand):
    help = "Back up the database content and media files to a .tar.gz archive ('-' for stdout)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the archive to write, or - for stdout.")

    def handle(self, *args, archive, **options):
        if archive == "-":
            manifest = create_backup(sys.stdout.buffer)
        else:
            with open(archive, "wb") as target:
                manifest = create_backup(target)
        self.stderr.write(
            f"Backed up {manifest['objects']} objects and {manifest['media']} media files."
        )
