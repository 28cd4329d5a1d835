"""Roles as data, and the moderation workflow partner submissions go through.

Editors write pages (no publishing), Moderators publish and review partner submissions,
Translators translate (wagtail-localize) without publishing. Page permissions sit on the root
page so they cover both languages' trees; images and documents keep Wagtail's own
collection permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROOT_PAGE_PERMISSIONS = {
    "Editors": ["add", "change"],
    "Moderators": ["add", "change", "publish", "lock", "unlock"],
    "Translators": ["change"],
}

MODEL_PERMISSIONS = {
    "Editors": [
        ("wagtailadmin", "admin", "access_admin"),
        ("directory", "theme", "view_theme"),
        ("directory", "theme", "add_theme"),
        ("directory", "theme", "change_theme"),
        ("programme", "room", "view_room"),
        ("programme", "room", "add_room"),
        ("programme", "room", "change_room"),
    ],
    "Moderators": [
        ("wagtailadmin", "admin", "access_admin"),
        ("wagtail_localize", "translation", "submit_translation"),
        ("directory", "theme", "view_theme"),
        ("directory", "theme", "add_theme"),
        ("directory", "theme", "change_theme"),
        ("directory", "theme", "delete_theme"),
        ("programme", "room", "view_room"),
        ("programme", "room", "add_room"),
        ("programme", "room", "change_room"),
        ("programme", "room", "delete_room"),
        ("submissions", "submission", "view_submission"),
        ("submissions", "submission", "change_submission"),
    ],
    "Translators": [
        ("wagtailadmin", "admin", "access_admin"),
        ("wagtail_localize", "translation", "submit_translation"),
        ("directory", "theme", "view_theme"),
        ("directory", "theme", "change_theme"),
        ("programme", "room", "view_room"),
        ("programme", "room", "change_room"),
    ],
}

WORKFLOW_NAME = "Partner submissions"
TASK_NAME = "Partner submission review"


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )
    return permission


def create_roles(apps, schema_editor):
    # Model permissions are normally created after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).first()

    for name, permissions in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = [_permission(apps, *spec) for spec in permissions]
        # Keep Wagtail's collection permissions (images, documents); replace the rest.
        group.permissions.set(wanted)
        if root is None:
            continue
        GroupPagePermission.objects.filter(group=group).exclude(page=root).delete()
        page_codenames = ROOT_PAGE_PERMISSIONS[name]
        GroupPagePermission.objects.filter(group=group, page=root).exclude(
            permission__codename__in=[f"{c}_page" for c in page_codenames]
        ).delete()
        for codename in page_codenames:
            permission = _permission(apps, "wagtailcore", "page", f"{codename}_page")
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission
            )


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, content_type=content_type, active=True
        )
    task.groups.set(Group.objects.filter(name="Moderators"))
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("directory", "0001_initial"),
        ("programme", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(create_workflow, remove_workflow),
    ]
