"""Admin registration of the directory's snippets and its CSV import."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import ImportView, can_import
from .models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = Theme._meta.verbose_name_plural
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "description"]
    add_to_admin_menu = True
    menu_order = 210


register_snippet(ThemeViewSet)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("directory/import/", ImportView.as_view(), name="directory_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import directory"), reverse("directory_import"), icon_name="upload", order=220
    )
