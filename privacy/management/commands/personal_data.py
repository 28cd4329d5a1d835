"""Find, export (JSON) or erase what the portal holds about one e-mail address.

    manage.py personal_data find someone@example.org
    manage.py personal_data export someone@example.org > someone.json
    manage.py personal_data erase someone@example.org --yes

Each action is recorded in Wagtail's audit log, as from the admin's "Personal data" view.
"""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from privacy import services


class Command(BaseCommand):
    help = "Find, export or erase the personal data held about one e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["find", "export", "erase"])
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="Erase without asking.")

    def handle(self, *args, action, email, yes, **options):
        try:
            email = services.normalise(email)
        except ValidationError:
            raise CommandError(f"Not an e-mail address: {email!r}") from None
        if action == "find":
            for item in services.find(email):
                self.stdout.write(f"{item.source.key}: {item.count}")
                for line in item.lines():
                    self.stdout.write(f"  - {line}")
        elif action == "export":
            data = services.export(email)
            self.stdout.write(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        else:
            if not yes and not self._confirmed(email):
                raise CommandError("Nothing erased.")
            counts = services.erase(email)
            for key, count in counts.items():
                self.stdout.write(f"{key}: {count}")

    def _confirmed(self, email):
        answer = input(f"Erase everything held about {email}? Type 'yes' to confirm: ")
        return answer.strip().lower() == "yes"
