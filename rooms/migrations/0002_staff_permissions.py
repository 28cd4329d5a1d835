"""Staff roles for room hire: Moderators decide on requests, Editors see them and the calendar.

`grant` is also called by the demo loader, because the submissions roles (re)set the groups'
permissions when the demo loads on a flushed database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Moderators": ["view_roomrequest", "change_roomrequest"],
    "Editors": ["view_roomrequest"],
}


def grant(apps, schema_editor=None):
    # Model permissions are normally created after all migrations; make them now.
    app_config = apps.get_app_config("rooms")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="rooms", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("rooms", "0001_initial"),
        ("submissions", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
