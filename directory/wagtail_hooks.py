"""Admin registration of the directory's snippets, its imports and its reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import ImportView, can_import
from .reports import MissingCoordinatesView, StaleEntriesView
from .themes import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "description"]
    add_to_admin_menu = True
    menu_order = 210


register_snippet(ThemeViewSet)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("directory/import/", ImportView.as_view(), name="directory_import")]


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = []
    for route, view, name in (
        ("stale", StaleEntriesView, "directory_stale_report"),
        ("no-coordinates", MissingCoordinatesView, "directory_missing_coordinates_report"),
    ):
        urls.append(path(f"reports/directory/{route}/", view.as_view(), name=name))
        urls.append(
            path(
                f"reports/directory/{route}/results/",
                view.as_view(results_only=True),
                name=f"{name}_results",
            )
        )
    return urls


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, StaleEntriesView.any_permission_required
        )


@hooks.register("register_reports_menu_item")
def register_stale_report():
    return ReportMenuItem(
        _("Listings to confirm"), reverse("directory_stale_report"), icon_name="time", order=810
    )


@hooks.register("register_reports_menu_item")
def register_coordinates_report():
    return ReportMenuItem(
        _("Listings without coordinates"),
        reverse("directory_missing_coordinates_report"),
        icon_name="site",
        order=820,
    )


@hooks.register("register_log_actions")
def register_freshness_log_actions(actions):
    actions.register_action(
        "directory.hide_stale",
        _("Hide as out of date"),
        _("Hidden: not confirmed for too long"),
    )
    actions.register_action(
        "directory.restore_confirmed",
        _("Publish again once confirmed"),
        _("Published again: its organisation confirmed it"),
    )


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Import"), reverse("directory_import"), icon_name="upload", order=220)
