"""Roles created by a migration: editors, moderators, translators, least privilege each."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail.permission_policies.pages import PagePermissionPolicy

from .submissions_support import make_user, portal_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def _can(user, action, page):
    return page.permissions_for_user(user).__getattribute__(f"can_{action}")()


def test_groups_exist_with_a_partner_workflow_for_moderators():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Editors",
        "Moderators",
        "Translators",
    }
    workflow = Workflow.objects.get(name="Partner submissions")
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


def test_editor(portal, client):
    editor = make_user("editor", "Editors")
    page = portal["directory_fr"]
    assert editor.has_perm("wagtailadmin.access_admin")
    assert _can(editor, "edit", page) and _can(editor, "add_subpage", page)
    assert not _can(editor, "publish", page)
    assert editor.has_perm("directory.change_theme")
    assert not editor.has_perm("directory.delete_theme")
    assert not editor.has_perm("submissions.view_submission")
    assert not editor.has_perm("wagtail_localize.submit_translation")
    assert not editor.has_perm("auth.change_user")
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_submissions_submission:list")).status_code in (
        302,
        403,
    )


def test_moderator(portal, client):
    moderator = make_user("moderator", "Moderators")
    page = portal["directory_fr"]
    assert _can(moderator, "publish", page)
    assert moderator.has_perm("submissions.view_submission")
    assert moderator.has_perm("submissions.change_submission")
    assert not moderator.has_perm("submissions.delete_submission")
    assert not moderator.has_perm("auth.change_user")
    assert not moderator.has_perm("wagtailcore.change_site")
    client.force_login(moderator)
    assert client.get(reverse("wagtailsnippets_submissions_submission:list")).status_code == 200
    assert client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)


def test_translator(portal):
    translator = make_user("translator", "Translators")
    page = portal["directory_en"]
    assert translator.has_perm("wagtailadmin.access_admin")
    assert translator.has_perm("wagtail_localize.submit_translation")
    assert _can(translator, "edit", page)
    assert not _can(translator, "publish", page)
    assert not _can(translator, "add_subpage", page)
    assert not _can(translator, "delete", page)
    assert not translator.has_perm("submissions.view_submission")
    assert not translator.has_perm("directory.add_theme")
    policy = PagePermissionPolicy()
    assert (
        Page.objects.filter(pk=page.pk)
        .filter(pk__in=policy.instances_user_has_permission_for(translator, "change"))
        .exists()
    )
