"""What each role needs beyond 0002: authors, the menu and footer, event registrations.

Editors write news, so they manage bylines (authors) but not the menu or footer, which are
live the moment they are saved; moderators, who publish, manage those and read event
registrations (names and addresses: no one else does); translators translate authors, the
menu and the footer, so they may change them but never add or delete them.
"""

from django.db import migrations

EXTRA_PERMISSIONS = {
    "Editors": [
        ("news", "author", "view_author"),
        ("news", "author", "add_author"),
        ("news", "author", "change_author"),
    ],
    "Moderators": [
        ("news", "author", "view_author"),
        ("news", "author", "add_author"),
        ("news", "author", "change_author"),
        ("news", "author", "delete_author"),
        ("navigation", "mainmenu", "view_mainmenu"),
        ("navigation", "mainmenu", "add_mainmenu"),
        ("navigation", "mainmenu", "change_mainmenu"),
        ("navigation", "sitefooter", "view_sitefooter"),
        ("navigation", "sitefooter", "add_sitefooter"),
        ("navigation", "sitefooter", "change_sitefooter"),
        ("programme", "registration", "view_registration"),
    ],
    "Translators": [
        ("news", "author", "view_author"),
        ("news", "author", "change_author"),
        ("navigation", "mainmenu", "view_mainmenu"),
        ("navigation", "mainmenu", "change_mainmenu"),
        ("navigation", "sitefooter", "view_sitefooter"),
        ("navigation", "sitefooter", "change_sitefooter"),
    ],
}


def grant(apps, schema_editor):
    from importlib import import_module

    roles = import_module("submissions.migrations.0002_roles_and_workflow")
    Group = apps.get_model("auth", "Group")
    for name, permissions in EXTRA_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[roles._permission(apps, *spec) for spec in permissions])


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0002_roles_and_workflow"),
        ("news", "0001_initial"),
        ("home", "0003_latest_news_block"),
        ("programme", "0002_registrations_and_single_date_changes"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
