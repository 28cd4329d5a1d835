"""Replace the site's content and media with those of a backup archive."""

from django.core.management.base import BaseCommand, CommandError

from backups.archive import restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by backup_site. Everything in the database is replaced."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of a .tar.gz archive made by backup_site.")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation before replacing."
        )

    def handle(self, *args, archive, yes, **options):
        if not yes:
            answer = input("This replaces ALL content of this site's database. Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        with open(archive, "rb") as source:
            manifest = restore_backup(source)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {manifest['objects']} objects and {manifest['media']} media files."
            )
        )
