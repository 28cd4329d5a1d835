"""Load the demo site (both languages). Idempotent: a second run changes nothing."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loaders import (
    contact,
    directory,
    embed_builder,
    home,
    legal,
    news,
    programme,
    rooms,
    search,
    submissions,
)
from demo.site import prepare_site
from languages.origin import absolute_url
from search.indexing import bulk_indexing

# Order matters: the programme links to directory organisations, which link to the halls;
# news articles link to all of them; the search and submission pages come next, and room
# hire (it adds its permissions to the roles the submissions loader sets); the legal pages
# before the contact page, which is then chosen for the footer.
DEMO_LOADERS = [
    home,
    directory,
    programme,
    news,
    search,
    submissions,
    rooms,
    legal,
    contact,
    embed_builder,
]

DEMO_ADMIN = ("admin", "halles-demo-2026")


class Command(BaseCommand):
    help = "Load the demo content of Les Halles Civiques in French and English."
    # The checks would warn that the default Site record disagrees with PORTAL_BASE_URL
    # (languages.W001) on every fresh database, when this command is what sets that record;
    # the server runs them all when it starts.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin",
            action="store_true",
            help="Do not create the local demo administrator account.",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        demo = prepare_site()
        with bulk_indexing():  # the search index is written once, in bulk, at the end
            for loader in DEMO_LOADERS:
                loader.load(demo)

        if settings.DEBUG and not options["no_admin"]:
            self._ensure_demo_admin()

        if demo.created:
            self.stdout.write(self.style.SUCCESS(f"Demo content: created {len(demo.created)}"))
            for what in demo.created:
                self.stdout.write(f"  + {what}")
        else:
            self.stdout.write("Demo content already loaded: nothing to do.")

    def _ensure_demo_admin(self):
        # Only with DEBUG on: a known password must never exist on a production site.
        username, password = DEMO_ADMIN
        user_model = get_user_model()
        if not user_model.objects.filter(username=username).exists():
            user_model.objects.create_superuser(username, "admin@halles-civiques.example", password)
        self.stdout.write(
            self.style.WARNING(
                f"Local demo admin: {absolute_url('/' + settings.PORTAL_ADMIN_PATH)} "
                f"user '{username}', password '{password}'"
            )
        )
